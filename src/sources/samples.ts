import { isCandidatePath, type FolderSource } from './types';

interface SampleManifest {
  name: string;
  files: { path: string; size: number }[];
}

/** The bundled sample recordings, served from public/samples and listed by its manifest. */
export async function sourceFromSamples(baseUrl = `${import.meta.env.BASE_URL}samples/`): Promise<FolderSource> {
  const response = await fetch(`${import.meta.env.BASE_URL}samples.manifest.json`);
  if (!response.ok) throw new Error(`Could not load the sample manifest (HTTP ${response.status}).`);
  const manifest = (await response.json()) as SampleManifest;
  const candidates = manifest.files.filter((f) => isCandidatePath(f.path));
  return {
    name: manifest.name || 'samples',
    kind: 'samples',
    files: candidates.map((f) => ({
      path: f.path,
      size: f.size,
      lastModified: 0,
      url: new URL(baseUrl + f.path.split('/').map(encodeURIComponent).join('/'), window.location.href).href,
    })),
    skippedCount: manifest.files.length - candidates.length,
  };
}
