/**
 * What a V8 heap snapshot holds, by constructor: how many objects of each class and their own
 * size. The soak uses it to show that a server whose clients have all left and whose cases were
 * unloaded keeps none of their documents, connections or sockets.
 */
import { readFileSync } from 'node:fs';

type HeapSnapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
};

/** Objects per constructor name in a snapshot written by v8.writeHeapSnapshot. */
export function heapCensus(file: string): Map<string, { count: number; bytes: number }> {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as HeapSnapshot;
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const step = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const census = new Map<string, { count: number; bytes: number }>();
  for (let node = 0; node < snapshot.nodes.length; node += step) {
    if (typeNames[snapshot.nodes[node + typeAt] as number] !== 'object') continue;
    const name = snapshot.strings[snapshot.nodes[node + nameAt] as number] as string;
    const entry = census.get(name) ?? { count: 0, bytes: 0 };
    entry.count++;
    entry.bytes += snapshot.nodes[node + sizeAt] as number;
    census.set(name, entry);
  }
  return census;
}
