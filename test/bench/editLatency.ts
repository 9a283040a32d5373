import { readShortText, sectionMap, writeShortText } from '@caseroom/shared';
import { type NodeClient, waitFor } from '../support/server.ts';

/**
 * A probe for "does this block editing?": `editFor(ms)` has `editor` change the case's
 * municipality every 10 ms for `ms` and returns each edit's time (ms) to reach `reader`.
 */
export function editLatencyProbe(editor: NodeClient, reader: NodeClient): (ms: number) => Promise<number[]> {
  let counter = 0;
  return async (ms) => {
    const latencies: number[] = [];
    const end = performance.now() + ms;
    while (performance.now() < end) {
      const value = `edit ${counter++}`;
      const sent = performance.now();
      writeShortText(sectionMap(editor.doc, 'facts')!, 'municipality', value);
      await waitFor(() => readShortText(sectionMap(reader.doc, 'facts')!, 'municipality') === value, { intervalMs: 1 });
      latencies.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return latencies;
  };
}
