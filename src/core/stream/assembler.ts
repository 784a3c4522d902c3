import type { StreamTrack, ToolCall } from '../recording/types';

/**
 * Builds the assembled text, reasoning and tool calls of a response while
 * recording, per chunk, where each of them ends. Pieces are collected in
 * arrays and joined once at the end, so a 20,000-chunk stream costs one join
 * rather than 20,000 ever-longer string copies.
 */
export class StreamAssembler {
  private readonly textPieces: string[] = [];
  private textLength = 0;
  private readonly reasoningPieces: string[] = [];
  private reasoningLength = 0;
  private readonly tools: ToolBuild[] = [];
  private readonly toolKeys = new Map<string, number>();

  private readonly textEnd: Int32Array;
  private readonly reasoningEnd: Int32Array;
  private readonly timestamps: Float64Array;
  private readonly marks: Uint8Array;
  private current = -1;

  constructor(readonly chunkCount: number) {
    this.textEnd = new Int32Array(chunkCount);
    this.reasoningEnd = new Int32Array(chunkCount);
    this.timestamps = new Float64Array(chunkCount).fill(Number.NaN);
    this.marks = new Uint8Array(chunkCount);
  }

  /** Moves to chunk `index`; chunks must be visited in order, each at most once. */
  begin(index: number): void {
    this.current = index;
  }

  /** Closes the current chunk, freezing its offsets. */
  end(): void {
    const i = this.current;
    if (i < 0 || i >= this.chunkCount) return;
    this.textEnd[i] = this.textLength;
    this.reasoningEnd[i] = this.reasoningLength;
  }

  appendText(piece: string): void {
    if (piece.length === 0) return;
    this.textPieces.push(piece);
    this.textLength += piece.length;
  }

  appendReasoning(piece: string): void {
    if (piece.length === 0) return;
    this.reasoningPieces.push(piece);
    this.reasoningLength += piece.length;
  }

  hasText(): boolean {
    return this.textLength > 0;
  }

  mark(flag: number): void {
    const i = this.current;
    if (i >= 0 && i < this.chunkCount) this.marks[i] = (this.marks[i] ?? 0) | flag;
  }

  timestamp(ms: number): void {
    const i = this.current;
    if (i >= 0 && i < this.chunkCount && Number.isFinite(ms)) this.timestamps[i] = ms;
  }

  /**
   * The tool call identified by `key` (a stream's delta index, a block index...),
   * created at the current chunk when new. Pass no key to always start a new call.
   */
  tool(key?: string): number {
    if (key !== undefined) {
      const existing = this.toolKeys.get(key);
      if (existing !== undefined) return existing;
    }
    const index = this.tools.length;
    this.tools.push({ name: '', pieces: [], length: 0, start: Math.max(this.current, 0), updates: [] });
    if (key !== undefined) this.toolKeys.set(key, index);
    return index;
  }

  /** The name is set once: later deltas repeat or blank it, they never rename a call. */
  setToolName(index: number, name: string | undefined): void {
    const tool = this.tools[index];
    if (tool && name && !tool.name) tool.name = name;
  }

  setToolId(index: number, id: string | undefined): void {
    const tool = this.tools[index];
    if (tool && id && tool.id === undefined) tool.id = id;
  }

  appendToolArguments(index: number, piece: string): void {
    const tool = this.tools[index];
    if (!tool || piece.length === 0) return;
    tool.pieces.push(piece);
    tool.length += piece.length;
    const last = tool.updates.length - 2;
    if (last >= 0 && tool.updates[last] === this.current) tool.updates[last + 1] = tool.length;
    else tool.updates.push(this.current, tool.length);
  }

  toolCount(): number {
    return this.tools.length;
  }

  /** Final strings and, for streams, the per-chunk offsets (`chunks` are the stream's entries). */
  finish(chunks: unknown[] | null): AssembledResponse {
    const text = this.textPieces.join('');
    const reasoning = this.reasoningPieces.join('');
    const toolCalls: ToolCall[] = this.tools.map((tool) => {
      const call: ToolCall = { name: tool.name, arguments: tool.pieces.join('') };
      if (tool.id !== undefined) call.id = tool.id;
      return call;
    });
    if (chunks === null) return { text, reasoning, toolCalls, track: null };

    const toolArgsEnd = this.tools.map((tool) => fillForward(tool.updates, this.chunkCount, tool.start));
    const track: StreamTrack = {
      chunks,
      textEnd: this.textEnd,
      reasoningEnd: this.reasoningEnd,
      toolArgsEnd,
      toolStart: this.tools.map((tool) => tool.start),
      timestamps: this.timestamps,
      marks: this.marks,
    };
    return { text, reasoning, toolCalls, track };
  }
}

export interface AssembledResponse {
  text: string;
  reasoning: string;
  toolCalls: ToolCall[];
  track: StreamTrack | null;
}

interface ToolBuild {
  id?: string;
  name: string;
  pieces: string[];
  length: number;
  start: number;
  /** Flat (chunk, length-after-chunk) pairs, only for chunks that changed the arguments. */
  updates: number[];
}

function fillForward(updates: number[], count: number, start: number): Int32Array {
  const out = new Int32Array(count);
  let value = 0;
  let next = 0;
  for (let i = Math.max(start, 0); i < count; i++) {
    while (next < updates.length && (updates[next] ?? Infinity) <= i) {
      value = updates[next + 1] ?? value;
      next += 2;
    }
    out[i] = value;
  }
  return out;
}
