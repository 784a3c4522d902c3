import type { IndexEntry } from '../../core/index/indexEntry';
import { Badge, type BadgeTone } from '../../shared/ui/Badge';

const toneByKind: Partial<Record<IndexEntry['kind'], BadgeTone>> = {
  'chat.completions': 'blue',
  completions: 'blue',
  embeddings: 'violet',
  models: 'neutral',
  'ollama.models': 'neutral',
  tool: 'amber',
  messages: 'green',
  interactions: 'green',
  genai: 'green',
};

const shortName: Partial<Record<IndexEntry['kind'], string>> = {
  'chat.completions': 'chat',
  completions: 'compl',
  embeddings: 'embed',
  models: 'models',
  'ollama.generate': 'ollama',
  'ollama.chat': 'ollama',
  'ollama.embeddings': 'embed',
  'ollama.models': 'models',
  genai: 'genai',
  messages: 'msgs',
  interactions: 'inter',
  rerank: 'rerank',
  tool: 'tool',
  'file-processor': 'file',
  unknown: '?',
};

export function KindBadge({ entry }: { entry: IndexEntry }) {
  if (entry.hasError) {
    return (
      <Badge tone="red" title={`${entry.kindLabel} — error`}>
        error
      </Badge>
    );
  }
  return (
    <Badge tone={toneByKind[entry.kind] ?? 'neutral'} title={entry.kindLabel}>
      {shortName[entry.kind] ?? entry.kind}
      {entry.streaming ? ' ⋯' : ''}
    </Badge>
  );
}
