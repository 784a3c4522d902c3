import type { KindModule, RecordingContext } from './kind';
import { toolKind } from './tool';
import { fileProcessorKind } from './fileProcessor';
import { ollamaGenerateKind } from './ollamaGenerate';
import { ollamaChatKind } from './ollamaChat';
import { ollamaEmbeddingsKind } from './ollamaEmbeddings';
import { ollamaModelsKind } from './ollamaModels';
import { messagesKind } from './messages';
import { interactionsKind } from './interactions';
import { rerankKind } from './rerank';
import { chatCompletionsKind } from './chatCompletions';
import { completionsKind } from './completions';
import { embeddingsKind } from './embeddings';
import { modelsKind } from './models';
import { genaiKind } from './genai';
import { unknownKind } from './unknown';

/**
 * Order matters: more specific routes first (`/api/embeddings` before
 * `/embeddings`, `/chat/completions` before `/completions`). `unknown` is last
 * and claims everything left.
 */
export const KIND_REGISTRY: readonly KindModule[] = [
  toolKind,
  fileProcessorKind,
  ollamaGenerateKind,
  ollamaChatKind,
  ollamaEmbeddingsKind,
  ollamaModelsKind,
  messagesKind,
  interactionsKind,
  rerankKind,
  chatCompletionsKind,
  completionsKind,
  embeddingsKind,
  modelsKind,
  genaiKind,
  unknownKind,
];

/**
 * The request decides the kind. Only when it names no endpoint at all (the
 * oldest files) does the response shape decide; an endpoint nobody knows
 * stays `unknown` rather than being guessed from its body.
 */
export function classify(ctx: RecordingContext, registry: readonly KindModule[] = KIND_REGISTRY): KindModule {
  for (const kind of registry) {
    if (kind.kind !== 'unknown' && kind.matchesRequest(ctx)) return kind;
  }
  if (ctx.route === '') {
    for (const kind of registry) {
      if (kind.kind !== 'unknown' && kind.matchesResponse(ctx)) return kind;
    }
  }
  return registry.find((kind) => kind.kind === 'unknown') ?? unknownKind;
}
