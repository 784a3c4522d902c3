import type { IndexEntry } from './indexEntry';
import { compareRecordingPaths } from '../cassette/order';

/** suite → file → test → variant → recordings, flattened into rows for a virtual list. */
export type TreeNodeKind = 'suite' | 'file' | 'test' | 'variant' | 'recording';

export interface TreeRow {
  kind: TreeNodeKind;
  key: string;
  label: string;
  depth: number;
  count: number;
  entry?: IndexEntry;
  /** For test rows: the test key (`file::test`) its page is keyed by. */
  testKey?: string;
  expanded?: boolean;
}

interface Node {
  key: string;
  label: string;
  kind: TreeNodeKind;
  children: Map<string, Node>;
  entries: IndexEntry[];
  count: number;
}

const NO_TEST = '(no test id)';
const collator = new Intl.Collator();

function newNode(key: string, label: string, kind: TreeNodeKind): Node {
  return { key, label, kind, children: new Map(), entries: [], count: 0 };
}

/**
 * Children are found by their label (unique among siblings); the full key is
 * only built when a node is created. At 31,620 entries, building five keys per
 * entry just to look nodes up cost most of a tree rebuild.
 */
function child(parent: Node, label: string, kind: TreeNodeKind, makeKey: () => string): Node {
  let node = parent.children.get(label);
  if (!node) {
    node = newNode(makeKey(), label, kind);
    parent.children.set(label, node);
  }
  return node;
}

export function buildTree(entries: readonly IndexEntry[]): Node {
  const root = newNode('', '', 'suite');
  for (const entry of entries) {
    const parts = entry.parts;
    let node: Node;
    if (!parts) {
      const folder = entry.path.includes('/') ? entry.path.slice(0, entry.path.lastIndexOf('/')) : '.';
      const noTest = child(root, NO_TEST, 'suite', () => `s:${NO_TEST}`);
      node = child(noTest, folder, 'file', () => `f:${NO_TEST}/${folder}`);
    } else {
      const suite = child(root, parts.suite, 'suite', () => `s:${parts.suite}`);
      const file = child(suite, parts.file, 'file', () => `f:${parts.file}`);
      const testKey = () => (parts.test ? `${parts.file}::${parts.test}` : parts.file);
      const test = child(file, parts.test || '(module)', 'test', () => `t:${testKey()}`);
      node = parts.params ? child(test, parts.params, 'variant', () => `v:${testKey()}[${parts.params}]`) : test;
    }
    node.entries.push(entry);
  }
  countAll(root);
  return root;
}

function countAll(root: Node): void {
  // Post-order without recursion: the tree is shallow, but keep core code stack-safe everywhere.
  const order: Node[] = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    order.push(node);
    for (const c of node.children.values()) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    node.count = node.entries.length;
    for (const c of node.children.values()) node.count += c.count;
  }
}

/** Alphabetical, with calls made outside any test listed after the tests. */
const byLabel = (a: Node, b: Node) => {
  const aNone = a.label === NO_TEST;
  const bNone = b.label === NO_TEST;
  if (aNone !== bNone) return aNone ? 1 : -1;
  return collator.compare(a.label, b.label);
};

/**
 * A test's calls in the order they were made: each turn of a conversation
 * resends the earlier messages, so fewer request messages came first; the
 * path breaks ties so the order is stable.
 */
const byCallOrder = (a: IndexEntry, b: IndexEntry) => {
  // A cassette records its calls in the order they were made: that order wins (`#2` before `#10`).
  if (a.path.includes('#') && b.path.includes('#')) {
    const byPosition = compareRecordingPaths(a.path, b.path);
    if (a.path.slice(0, a.path.lastIndexOf('#')) === b.path.slice(0, b.path.lastIndexOf('#'))) return byPosition;
  }
  return (a.requestMessages ?? 0) - (b.requestMessages ?? 0) || collator.compare(a.path, b.path);
};

/** Rows for the nodes whose ancestors are all expanded (`collapsed` holds keys the user closed). */
export function flattenTree(root: Node, collapsed: ReadonlySet<string>, expandAll: boolean): TreeRow[] {
  const rows: TreeRow[] = [];
  // Recordings are pushed as entries, not nodes: a node (with its Map) per recording was most of the cost.
  const stack: ({ node: Node; depth: number } | { entry: IndexEntry; depth: number })[] = [];
  const pushChildren = (node: Node, depth: number) => {
    const entries = node.entries.length > 1 ? [...node.entries].sort(byCallOrder) : node.entries;
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ entry: entries[i]!, depth });
    const kids = [...node.children.values()].sort(byLabel);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth });
  };
  pushChildren(root, 0);
  while (stack.length) {
    const item = stack.pop()!;
    const depth = item.depth;
    if ('entry' in item) {
      const entry = item.entry;
      rows.push({ kind: 'recording', key: `r:${entry.path}`, label: entry.path, depth, count: 1, entry });
      continue;
    }
    const node = item.node;
    const expanded = expandAll || !collapsed.has(node.key);
    const testKey = node.kind === 'test' ? node.key.slice(2) : undefined;
    rows.push({ kind: node.kind, key: node.key, label: node.label, depth, count: node.count, expanded, testKey });
    if (expanded) pushChildren(node, depth + 1);
  }
  return rows;
}
