import type { EmbeddingsSummary } from '../types';

const PREVIEW_LENGTH = 16;

/**
 * Count, dimensions, norms and a short preview of each vector: enough to
 * compare recordings without ever turning thousands of floats into text.
 * Vectors may be number lists or base64 little-endian float32 strings
 * (`encoding_format: "base64"`).
 */
export function summarizeEmbeddings(vectors: unknown[]): EmbeddingsSummary | undefined {
  const norms: number[] = [];
  const preview: number[][] = [];
  let dimensions = 0;
  let count = 0;
  for (const raw of vectors) {
    const vector = toNumbers(raw);
    if (!vector) continue;
    count++;
    if (dimensions === 0) dimensions = vector.length;
    let sum = 0;
    for (let i = 0; i < vector.length; i++) {
      const v = vector[i] ?? 0;
      sum += v * v;
    }
    norms.push(Math.sqrt(sum));
    preview.push(Array.from(vector.slice(0, PREVIEW_LENGTH)));
  }
  if (count === 0) return undefined;
  return { count, dimensions, norms, preview };
}

function toNumbers(raw: unknown): ArrayLike<number> & { slice(start: number, end: number): ArrayLike<number> } | undefined {
  if (Array.isArray(raw)) return raw.map((v) => (typeof v === 'number' ? v : Number.NaN));
  if (typeof raw === 'string') return decodeFloat32Base64(raw);
  return undefined;
}

function decodeFloat32Base64(text: string): Float32Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const count = Math.floor(binary.length / 4);
  const view = new DataView(new ArrayBuffer(count * 4));
  for (let i = 0; i < count * 4; i++) view.setUint8(i, binary.charCodeAt(i));
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}
