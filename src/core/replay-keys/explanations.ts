/** Plain-language wording for explanation ids, shared by the views and the CLI. */

const EXPLANATIONS: Record<string, string> = {
  'rename-379d0720c':
    'Hand-edited in place by the OGX rename (379d0720c: llama_stack_client → ogx_client, Llama Stack → OGX) without being renamed; reversing the rename reproduces the name.',
  'test-id-not-stored':
    'Renamed by the 045a0c1d5 migration with a test id that was never written into the file, so its key cannot be recomputed.',
  'toolcall-ids-rewritten-6f1afabcd':
    'Its tool-call ids were rewritten to toolcall-<name>-N by a normalisation script (6f1afabcd) after recording.',
  unexplained: 'No known rule version reproduces the name and no known reason applies.',
};

export function describeExplanation(id: string | undefined): string {
  if (!id) return '';
  return EXPLANATIONS[id] ?? id;
}

/** The no-key reason as stored is already a sentence; this only capitalises it. */
export function describeNoKey(reason: string | undefined): string {
  if (!reason) return '';
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}
