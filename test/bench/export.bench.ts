/**
 * `pnpm bench:export`: how long exporting the example case takes per format (issue 5: under
 * 2 s each), and whether exports block other people's editing. Against a real server (SQLite in
 * a temp dir) with the example case:
 *  1. GET …/export.(json|xlsx|pdf) back to back, ROUNDS times each — the HTTP round trip the
 *     facilitator waits for (read the version, build the export with its 10.000-draw Monte
 *     Carlo, render, send). The first export of a fresh server includes starting the export
 *     worker and is reported on its own; `pnpm start` starts the worker at start-up.
 *  2. an editor edits every 10 ms while another client watches, first with no export running,
 *     then while exports of all three formats run back to back: each edit's time to reach the
 *     other client.
 * Prints median / p95 / max in milliseconds.
 */
import { exampleCase, reconcileModel, toModel } from '@caseroom/shared';
import { bearer, connectSynced, createCase, inviteParty, startTestServer, waitFor } from '../support/server.ts';
import { editLatencyProbe } from './editLatency.ts';
import { stats } from './stats.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const FORMATS = ['json', 'xlsx', 'pdf'] as const;

const server = await startTestServer();
try {
  const { id, token } = await createCase(server.url);
  const editorLink = await inviteParty(server.url, id, token, {
    name: 'Jobcenter',
    kind: 'department',
    role: 'editor',
  });
  const facilitator = await connectSynced(server.wsUrl, id, { token });
  facilitator.doc.transact(() => reconcileModel(facilitator.doc, exampleCase()));
  const editor = await connectSynced(server.wsUrl, id, { token: editorLink.token });
  const reader = await connectSynced(server.wsUrl, id, { token: editorLink.token });
  await waitFor(() => toModel(reader.doc).facts.title === exampleCase().facts.title, { what: 'the example case' });

  const exportOnce = async (format: (typeof FORMATS)[number]): Promise<{ ms: number; bytes: number }> => {
    const start = performance.now();
    const response = await fetch(`${server.url}/api/cases/${id}/export.${format}?version=current`, {
      headers: bearer(token),
    });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`export.${format}: HTTP ${response.status}`);
    return { ms: performance.now() - start, bytes: body.byteLength };
  };

  const cold = await exportOnce('json');
  console.log(`first export (starts the export worker): ${cold.ms.toFixed(0)} ms`);
  for (const format of FORMATS) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const result = await exportOnce(format);
      times.push(result.ms);
      bytes = result.bytes;
    }
    console.log(`export.${format.padEnd(4)} (${(bytes / 1024).toFixed(0)} KiB): ${stats(times)}`);
  }

  const editFor = editLatencyProbe(editor, reader);
  const quiet = await editFor(2_000);
  let exporting = true;
  const exports = (async () => {
    for (let i = 0; i < ROUNDS; i++) for (const format of FORMATS) await exportOnce(format);
    exporting = false;
  })();
  const busy: number[] = [];
  while (exporting) busy.push(...(await editFor(100)));
  await exports;
  console.log(`edit → other client, no export:   ${stats(quiet)}`);
  console.log(`edit → other client, exporting:   ${stats(busy)}`);
  for (const client of [facilitator, editor, reader]) client.destroy();
} finally {
  await server.close();
}
