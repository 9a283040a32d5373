/**
 * `pnpm bench:portfolio`: how long a fund member waits for `GET /api/portfolio` when none of the
 * organisation's cases is open. Against a real server (SQLite in a temp dir): BENCH_CASES cases
 * (default 50) made from the built-in example, each edited once through a y-websocket client (so
 * its update log holds the initial state and an edit, as a used case would) and then left to
 * unload. Then GET /api/portfolio BENCH_ROUNDS times (default 20) back to back: the first
 * request on its own (it starts the exchange worker and prices each case once), then mean /
 * median / max of the later ones, and how often the server read a case's stored updates
 * (`updates.read`, counted through a wrapper around the stores) per request.
 */
import { rmSync } from 'node:fs';
import { exampleCase, reconcileModel } from '@caseroom/shared';
import { addMember, organisationKeyOf } from '../support/organisation.ts';
import { api, connectSynced, makeTempDataDir, openTestStores, startTestServer, waitFor } from '../support/server.ts';
import { percentile } from './stats.ts';

const CASES = Number(process.env.BENCH_CASES ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const dataDir = makeTempDataDir('caseroom-bench-');
const inner = await openTestStores(dataDir);
let storedReads = 0;
const updates = new Proxy(inner.updates, {
  get: (target, property, receiver) => {
    const value = Reflect.get(target, property, receiver);
    if (property !== 'read' || typeof value !== 'function') return value;
    return (...args: unknown[]) => {
      storedReads++;
      return value.apply(target, args);
    };
  },
});
const server = await startTestServer({ dataDir, stores: { ...inner, updates }, unloadGraceMs: 100 });
try {
  const key = organisationKeyOf(server);
  const member = await addMember(server, key, 'Bench');
  const example = exampleCase();
  for (let i = 0; i < CASES; i++) {
    const created = await api(server.url, key, 'POST', '/api/cases', { example: true });
    const { id, token } = created.body as { id: string; token: string };
    const client = await connectSynced(server.wsUrl, id, { token });
    const title = `Sag ${i + 1}`;
    reconcileModel(client.doc, { ...example, facts: { ...example.facts, title } });
    await waitFor(
      async () => (await api(server.url, token, 'GET', `/api/cases/${id}/model`)).body.facts.title === title,
      { what: `case ${i + 1} stored` },
    );
    client.destroy();
  }
  const unloaded = () => server.logs.filter((line) => line.message === 'case unloaded').length;
  await waitFor(() => unloaded() >= CASES, { timeoutMs: 30_000, what: 'every case unloaded' });

  const request = async (): Promise<{ ms: number; reads: number }> => {
    const readsBefore = storedReads;
    const started = performance.now();
    const answer = await api(server.url, member.token, 'GET', '/api/portfolio');
    const ms = performance.now() - started;
    if (answer.status !== 200 || answer.body.cases.length !== CASES) {
      throw new Error(`portfolio: HTTP ${answer.status}, ${answer.body.cases?.length} cases`);
    }
    return { ms, reads: storedReads - readsBefore };
  };
  const first = await request();
  const later: number[] = [];
  let laterReads = 0;
  for (let i = 1; i < ROUNDS; i++) {
    const next = await request();
    later.push(next.ms);
    laterReads += next.reads;
  }
  const sorted = [...later].sort((a, b) => a - b);
  const mean = later.reduce((sum, ms) => sum + ms, 0) / later.length;
  console.log(`${CASES} unloaded cases (the example, one edit each)`);
  console.log(`first request:  ${first.ms.toFixed(1)} ms, ${first.reads} stored reads`);
  console.log(
    `later requests: mean ${mean.toFixed(1)} · median ${percentile(sorted, 50).toFixed(1)} · max ${sorted.at(-1)!.toFixed(1)} ms (n=${later.length}), ${(laterReads / later.length).toFixed(1)} stored reads per request`,
  );
} finally {
  await server.close();
  await inner.close();
  rmSync(dataDir, { recursive: true, force: true });
}
