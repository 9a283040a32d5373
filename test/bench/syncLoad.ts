/**
 * One profile against one deployment: stock y-websocket providers in this process, `clientsPerCase`
 * per case, client i of case j connected to process (i + j) mod N — a case's clients are spread
 * over the processes, so most of them are tunnelled to its owner, and the first client of each
 * case (the one that usually makes its process the owner) rotates, so the owners are spread too.
 * Every client sets its own key of a Y.Map `editsPerSecond` times a second to
 * `{ t: performance.now(), seq, measured }`; every other client of the case records when it sees
 * it (one process, one clock). Only edits made in the measured window count for latency, edits/s
 * and CPU; every edit of the run counts for loss: each client must see every seq of every other
 * client of its case, in order (a value it never saw, or saw only after a later one, is lost).
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { percentile } from './stats.ts';
import type { CpuReading, Deployment } from './syncVariants.ts';

/** A load: how many cases, clients in each, and how often each client edits. */
export type Profile = { key: string; name: string; cases: number; clientsPerCase: number; editsPerSecond: number };

/** How long the phases of a run last, in seconds. */
export type Timing = { warmup: number; measure: number; drainTimeout: number };

/** What one run measured. */
export type LoadResult = {
  /** Edits made in the measured window. */
  edits: number;
  /** Deliveries of those edits to other clients, and how many there should have been. */
  deliveries: number;
  expectedDeliveries: number;
  /** Edits of the whole run some other client of the case never saw (0 = nothing lost). */
  lost: number;
  p50: number;
  p99: number;
  max: number;
  /** Edits delivered per second (deliveries ÷ other clients per case ÷ seconds). */
  deliveredEditsPerSecond: number;
  /** CPU seconds in the measured window: the servers under test, and PostgreSQL and Redis (NaN if absent). */
  cpu: CpuReading;
  /** (RSS with every case open and its clients connected − RSS before) ÷ cases, both after a full collection. */
  rssPerCaseKiB: number;
  /** Highest RSS summed over the server processes during the window. */
  peakRssMiB: number;
  /** Seconds spent creating the cases and connecting every client (not measured). */
  setupSeconds: number;
};

/** Where the clients write: a root every case has (the server refuses roots a case does not have). */
const BENCH_ROOT = 'targetGroup';

type Edit = { t: number; seq: number; measured: boolean };

/** One client: its provider and what it saw of each other client's key. */
type BenchClient = { provider: WebsocketProvider; key: string; sent: number; seen: Map<string, number> };

export async function runLoad(deployment: Deployment, profile: Profile, timing: Timing): Promise<LoadResult> {
  const loadStart = performance.now();
  const baselineRss = await deployment.retainedRss();
  const cases = await deployment.createCases(profile.cases);
  const latencies: number[] = [];
  let measuring = false;
  let lost = 0;
  const clientsByCase: BenchClient[][] = [];

  for (const [caseIndex, { id: caseId, token }] of cases.entries()) {
    const clients: BenchClient[] = [];
    for (let c = 0; c < profile.clientsPerCase; c++) {
      const doc = new Y.Doc();
      const url = deployment.wsUrls[(c + caseIndex) % deployment.wsUrls.length]!;
      const provider = new WebsocketProvider(url, caseId, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { token },
      });
      const client: BenchClient = { provider, key: `bench-client-${c}`, sent: 0, seen: new Map() };
      doc.getMap(BENCH_ROOT).observe((event) => {
        if (event.transaction.local) return;
        const now = performance.now();
        for (const changed of event.keysChanged) {
          if (changed === client.key || !changed.startsWith('bench-client-')) continue;
          const edit = event.target.get(changed) as Edit | undefined;
          if (!edit) continue;
          const expected = (client.seen.get(changed) ?? -1) + 1;
          // Missed values are lost; a value older than one already seen does not count twice.
          if (edit.seq < expected) continue;
          lost += edit.seq - expected;
          client.seen.set(changed, edit.seq);
          if (edit.measured && measuring) latencies.push(now - edit.t);
        }
      });
      clients.push(client);
    }
    clientsByCase.push(clients);
    if (clientsByCase.length % 25 === 0) await waitUntil(() => allSynced(clientsByCase), 60_000, 'clients connect');
  }
  await waitUntil(() => allSynced(clientsByCase), 60_000, 'all clients synced');
  const connectedAt = performance.now();

  let edits = 0;
  const timers: NodeJS.Timeout[] = [];
  const period = 1000 / profile.editsPerSecond;
  for (const clients of clientsByCase) {
    for (const client of clients) {
      const map = client.provider.doc.getMap(BENCH_ROOT);
      const edit = () => {
        map.set(client.key, { t: performance.now(), seq: client.sent++, measured: measuring } satisfies Edit);
        if (measuring) edits++;
      };
      // Spread the clients over the period, so the edits do not come in bursts.
      timers.push(
        setTimeout(() => {
          edit();
          timers.push(setInterval(edit, period));
        }, Math.random() * period),
      );
    }
  }
  await sleep(timing.warmup * 1000); // JIT, socket buffers, leases
  measuring = true;
  await deployment.profile('profile-start');
  const cpuBefore = await deployment.cpu();
  const startedAt = performance.now();
  let peakRss = 0;
  const sampler = setInterval(() => {
    void deployment.rss().then((rss) => {
      peakRss = Math.max(peakRss, rss);
    });
  }, 1000);
  await sleep(timing.measure * 1000);
  for (const timer of timers) clearTimeout(timer); // clears intervals too
  const elapsed = (performance.now() - startedAt) / 1000;
  const cpuAfter = await deployment.cpu();
  await deployment.profile('profile-stop');
  clearInterval(sampler);
  const everyone = clientsByCase.flat();
  const delivered = () =>
    clientsByCase.every((clients) =>
      clients.every((receiver) =>
        clients.every((sender) => sender === receiver || (receiver.seen.get(sender.key) ?? -1) === sender.sent - 1),
      ),
    );
  await waitUntil(delivered, timing.drainTimeout * 1000, 'every edit delivered').catch(() => undefined);
  measuring = false;
  // Whatever has still not arrived is lost too.
  for (const clients of clientsByCase) {
    for (const receiver of clients) {
      for (const sender of clients) {
        if (sender !== receiver) lost += sender.sent - 1 - (receiver.seen.get(sender.key) ?? -1);
      }
    }
  }
  const openRss = await deployment.retainedRss();
  peakRss = Math.max(peakRss, await deployment.rss());

  for (const { provider } of everyone) {
    provider.destroy();
    provider.doc.destroy();
  }
  latencies.sort((a, b) => a - b);
  const others = profile.clientsPerCase - 1;
  return {
    edits,
    deliveries: latencies.length,
    expectedDeliveries: edits * others,
    lost,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    deliveredEditsPerSecond: latencies.length / others / elapsed,
    cpu: {
      servers: cpuAfter.servers - cpuBefore.servers,
      postgres: cpuAfter.postgres - cpuBefore.postgres,
      redis: cpuAfter.redis - cpuBefore.redis,
    },
    rssPerCaseKiB: (openRss - baselineRss) / profile.cases / 1024,
    peakRssMiB: peakRss / 2 ** 20,
    setupSeconds: (connectedAt - loadStart) / 1000,
  };
}

function allSynced(clientsByCase: BenchClient[][]): boolean {
  return clientsByCase.every((clients) => clients.every((client) => client.provider.synced));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(20);
  }
}
