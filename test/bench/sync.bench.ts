/**
 * Sync benchmark: edit-to-remote latency, edits/s and server memory for
 *   (a) 50 clients in one case, each making 2 edits/s
 *   (b) 200 cases × 5 clients, each making 2 edits/s
 * against Caseroom's server (SQLite, every update committed before it is relayed) and the
 * reference @y/websocket-server 0.1.1 (in memory), each in its own child process. Clients are
 * stock y-websocket providers in this process; an edit writes performance.now() into a Y.Map
 * and every other client records when it sees it (one process, one clock).
 *
 *   pnpm bench:sync            (BENCH_SECONDS=10 per phase by default;
 *                               BENCH_FULL=1 adds Caseroom with SQLite synchronous=FULL;
 *                               BENCH_MEMORY=1 adds Caseroom with the in-memory store;
 *                               BENCH_ROUNDS=3 alternates the servers and reports medians;
 *                               BENCH_LOADS=a or b runs one load, BENCH_LOADS=none only the token check)
 *
 * Caseroom clients present their link token (y-websocket `params: { token }`, docs/access.md
 * A4); the reference server ignores the query. Before the loads, it prints what a token check
 * costs a connection (tokenCheck.ts).
 *
 * Server CPU is the share of one core the server process used while edits ran: when it is far
 * below 100 % and latency still grows, the clients (all in this process) are the bottleneck.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { formatTokenCheck, measureTokenCheck } from './tokenCheck.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const EDITS_PER_SECOND = 2;
const WARMUP_SECONDS = 2;
const here = dirname(fileURLToPath(import.meta.url));
/** Where the clients write: a root every case has. */
const BENCH_ROOT = 'targetGroup';

type ServerKind = 'caseroom' | 'caseroom-full' | 'caseroom-memory' | 'reference';
type Load = { name: string; cases: number; clientsPerCase: number };
type Result = {
  edits: number;
  deliveries: number;
  expectedDeliveries: number;
  p50: number;
  p99: number;
  max: number;
  editsPerSecond: number;
  rssMiB: number;
  heapMiB: number;
  /** Share of one core the server process used while the load ran. */
  serverCpu: number;
};

const LOADS: Load[] = [
  { name: '(a) 50 clients × 1 case', cases: 1, clientsPerCase: 50 },
  { name: '(b) 200 cases × 5 clients', cases: 200, clientsPerCase: 5 },
];

class BenchServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static start(kind: ServerKind): Promise<BenchServer> {
    const child = fork(join(here, 'benchServer.ts'), [kind], {
      execArgv: [
        '--import',
        'tsx',
        ...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
      ],
      stdio: 'inherit',
    });
    child.setMaxListeners(0);
    return new Promise((resolve, reject) => {
      child.once('message', (message: { type: string; port: number }) => resolve(new BenchServer(child, message.port)));
      child.once('exit', (code) => reject(new Error(`bench server ${kind} exited with ${code}`)));
    });
  }

  memory(): Promise<{ rss: number; heapUsed: number; cpuMicros: number }> {
    return new Promise((resolve) => {
      const onMessage = (message: { type: string; rss: number; heapUsed: number; cpuMicros: number }) => {
        if (message.type !== 'memory') return;
        this.child.off('message', onMessage);
        resolve(message);
      };
      this.child.on('message', onMessage);
      this.child.send('memory');
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send('stop');
    });
  }
}

/** A case to connect to and the token that opens it (the reference server ignores it). */
type BenchCase = { id: string; token: string };

async function createCases(kind: ServerKind, port: number, count: number): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  for (let i = 0; i < count; i++) {
    if (kind === 'reference') {
      cases.push({ id: `bench-case-${i}`, token: 'ignored' });
      continue;
    }
    const response = await fetch(`http://127.0.0.1:${port}/api/cases`, { method: 'POST' });
    cases.push((await response.json()) as BenchCase);
  }
  return cases;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function waitUntil(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function runLoad(kind: ServerKind, load: Load): Promise<Result> {
  const server = await BenchServer.start(kind);
  const cases = await createCases(kind, server.port, load.cases);
  const latencies: number[] = [];
  let edits = 0;
  let measuring = false;
  const providers: WebsocketProvider[] = [];

  for (const { id: caseId, token } of cases) {
    for (let c = 0; c < load.clientsPerCase; c++) {
      const doc = new Y.Doc();
      const key = `bench-client-${c}`;
      // A section's own map (the server refuses roots a case does not have); one key per client.
      doc.getMap(BENCH_ROOT).observe((event) => {
        if (event.transaction.local || !measuring) return;
        const now = performance.now();
        for (const changed of event.keysChanged) {
          if (changed === key || !changed.startsWith('bench-')) continue;
          const sentAt = (event.target.get(changed) as { t: number } | undefined)?.t;
          if (typeof sentAt === 'number') latencies.push(now - sentAt);
        }
      });
      const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}/ws`, caseId, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { token },
      });
      providers.push(provider);
    }
    if (providers.length % 50 === 0) await waitUntil(() => providers.every((p) => p.synced), 30_000, 'connect');
  }
  await waitUntil(() => providers.every((p) => p.synced), 30_000, 'all clients synced');

  const timers = providers.map((provider, index) => {
    const map = provider.doc.getMap(BENCH_ROOT);
    const key = `bench-client-${index % load.clientsPerCase}`;
    let seq = 0;
    const edit = () => {
      map.set(key, { t: performance.now(), seq: seq++ });
      if (measuring) edits++;
    };
    const period = 1000 / EDITS_PER_SECOND;
    const start = setTimeout(() => {
      edit();
      timers.push(setInterval(edit, period));
    }, Math.random() * period);
    return start;
  });
  // Warm up (JIT, socket buffers) before measuring.
  await new Promise((resolve) => setTimeout(resolve, WARMUP_SECONDS * 1000));
  measuring = true;
  const cpuBefore = (await server.memory()).cpuMicros;
  const startedAt = performance.now();
  let peakRss = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    void server.memory().then(({ rss, heapUsed }) => {
      peakRss = Math.max(peakRss, rss);
      peakHeap = Math.max(peakHeap, heapUsed);
    });
  }, 1000);
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  for (const timer of timers) clearTimeout(timer);
  for (const timer of timers) clearInterval(timer);
  const elapsed = (performance.now() - startedAt) / 1000;
  const cpuAfter = (await server.memory()).cpuMicros;
  await new Promise((resolve) => setTimeout(resolve, 1500)); // let in-flight edits arrive
  measuring = false;
  clearInterval(sampler);
  const { rss, heapUsed } = await server.memory();
  peakRss = Math.max(peakRss, rss);
  peakHeap = Math.max(peakHeap, heapUsed);

  for (const provider of providers) {
    provider.destroy();
    provider.doc.destroy();
  }
  await server.stop();
  latencies.sort((a, b) => a - b);
  return {
    edits,
    deliveries: latencies.length,
    expectedDeliveries: edits * (load.clientsPerCase - 1),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    editsPerSecond: edits / elapsed,
    rssMiB: peakRss / 2 ** 20,
    heapMiB: peakHeap / 2 ** 20,
    serverCpu: (cpuAfter - cpuBefore) / 1e6 / elapsed,
  };
}

function row(label: string, r: Result): string {
  const delivered = ((100 * r.deliveries) / Math.max(1, r.expectedDeliveries)).toFixed(1);
  return [
    label.padEnd(16),
    `p50 ${r.p50.toFixed(1).padStart(6)} ms`,
    `p99 ${r.p99.toFixed(1).padStart(6)} ms`,
    `max ${r.max.toFixed(0).padStart(5)} ms`,
    `${r.editsPerSecond.toFixed(0).padStart(5)} edits/s`,
    `delivered ${delivered.padStart(5)} %`,
    `peak RSS ${r.rssMiB.toFixed(0).padStart(4)} MiB`,
    `heap ${r.heapMiB.toFixed(0).padStart(4)} MiB`,
    `server CPU ${(100 * r.serverCpu).toFixed(0).padStart(3)} %`,
  ].join('  ');
}

// Every WebsocketProvider adds a process 'exit' listener.
process.setMaxListeners(0);
const kinds: ServerKind[] = [
  'caseroom',
  ...(process.env.BENCH_FULL === '1' ? (['caseroom-full'] as const) : []),
  ...(process.env.BENCH_MEMORY === '1' ? (['caseroom-memory'] as const) : []),
  'reference',
];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
console.log(
  `Sync benchmark: ${SECONDS} s per phase, ${EDITS_PER_SECOND} edits/s per client, ${ROUNDS} round(s), node ${process.version}`,
);
console.log(formatTokenCheck(await measureTokenCheck()));
const selectedLoads = LOADS.filter((load) => (process.env.BENCH_LOADS ?? 'ab').includes(load.name[1]!));
for (const load of selectedLoads) {
  console.log(`\n${load.name}`);
  const results = new Map<ServerKind, Result[]>(kinds.map((kind) => [kind, []]));
  // Rounds alternate the order of the servers, so neither always runs first.
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of round % 2 === 0 ? kinds : [...kinds].reverse()) {
      const result = await runLoad(kind, load);
      results.get(kind)!.push(result);
      console.log(row(kind, result));
    }
  }
  const ours = median(results.get('caseroom')!);
  const reference = median(results.get('reference')!);
  console.log(
    `${'ratio'.padEnd(16)}  caseroom/reference${ROUNDS > 1 ? ' (medians)' : ''}: p50 ×${(ours.p50 / reference.p50).toFixed(2)}  p99 ×${(ours.p99 / reference.p99).toFixed(2)}  edits/s ×${(ours.editsPerSecond / reference.editsPerSecond).toFixed(2)}  RSS ×${(ours.rssMiB / reference.rssMiB).toFixed(2)}`,
  );
}
process.exit(0);

/** Field-wise median of several results. */
function median(results: Result[]): Result {
  const pick = (field: keyof Result) => {
    const values = results.map((r) => r[field]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)]!;
  };
  return {
    edits: pick('edits'),
    deliveries: pick('deliveries'),
    expectedDeliveries: pick('expectedDeliveries'),
    p50: pick('p50'),
    p99: pick('p99'),
    max: pick('max'),
    editsPerSecond: pick('editsPerSecond'),
    rssMiB: pick('rssMiB'),
    heapMiB: pick('heapMiB'),
    serverCpu: pick('serverCpu'),
  };
}
