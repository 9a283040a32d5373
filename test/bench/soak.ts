/**
 * A soak run (issue 9): many stock y-websocket clients over many cases against the server in a
 * child process (test/bench/benchServer.ts: Caseroom on SQLite, or the reference server), editing steadily while some of them drop off and come back
 * (they resync when they return). It measures the server's RSS over time,
 * edit → other client latency, and at the end checks with a fresh client per case that the last
 * edit of every client is held (each client writes its own key, so that proves none of its edits was lost or
 * reordered). Used by `pnpm bench:soak` (10 minutes) and by a 60-second test.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const here = dirname(fileURLToPath(import.meta.url));
const MiB = 1024 * 1024;

/** What to run. */
export type SoakOptions = {
  cases: number;
  clientsPerCase: number;
  seconds: number;
  /** Edits per second per client. */
  editsPerSecond: number;
  /** Share of clients that drop off per second (each comes back 0.5–3 s later). */
  churnPerSecond: number;
  /** Called with a line of progress now and then. */
  progress?: (line: string) => void;
  /** The server: Caseroom (SQLite), or the reference @y/websocket-server (in memory, no access). */
  server?: 'caseroom' | 'reference';
  /** How long the server keeps a case nobody is connected to (ms; default 30 s). */
  unloadGraceMs?: number;
  /**
   * Heap snapshots of the server written to <prefix>-start.heapsnapshot (clients synced, before
   * the first edit) and <prefix>-left.heapsnapshot (every client gone, cases unloaded).
   */
  heapSnapshots?: string;
};

/** What came out. */
export type SoakResult = {
  edits: number;
  deliveries: number;
  latency: { p50: number; p99: number; max: number };
  /** RSS and V8 heap samples (MiB) with their time (s). */
  rss: { at: number; mib: number; heap: number; external: number }[];
  /** RSS at the end against RSS after warm-up (a fifth of the run), in per cent. */
  rssGrowthAfterWarmup: number;
  /** The same for the V8 heap in use. */
  heapGrowthAfterWarmup: number;
  /**
   * Every 30 s, after a full collection in the server: the heap it retains (MiB) beside the number
   * of Yjs structs (items and tombstones) its documents hold, counted in one client per case —
   * the documents' own history, which every Yjs server keeps while a case is open.
   */
  retained: { at: number; heap: number; rss: number; structs: number }[];
  /** Once every client has left and the cases were unloaded, after a full collection (MiB). */
  afterAllLeft: { heap: number; rss: number } | null;
  reconnects: number;
  /** Clients whose last edit is not what the server stores. */
  lost: string[];
  refusals: number;
};

type Client = {
  caseIndex: number;
  key: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  counter: number;
  online: boolean;
  /** When it last came back (ms, performance.now): its resync is not a live delivery. */
  backAt: number;
};

/** A server under soak in its own process (test/bench/benchServer.ts): its port and its memory on request. */
type SoakServer = {
  port: number;
  /** 'retained' collects garbage first (the child runs with --expose-gc). */
  memory(what?: 'memory' | 'retained'): Promise<{ rss: number; heapUsed: number; external: number }>;
  /** Writes a heap snapshot to BENCH_HEAP_SNAPSHOT-<name>.heapsnapshot. */
  snapshot(name: string): Promise<void>;
  stop(): Promise<void>;
};

async function startSoakServer(kind: 'caseroom' | 'reference', options: SoakOptions): Promise<SoakServer> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (options.unloadGraceMs !== undefined) env.BENCH_UNLOAD_GRACE_MS = String(options.unloadGraceMs);
  if (options.heapSnapshots !== undefined) env.BENCH_HEAP_SNAPSHOT = options.heapSnapshots;
  const child: ChildProcess = fork(join(here, 'benchServer.ts'), [kind], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env,
    stdio: 'inherit',
  });
  child.setMaxListeners(0);
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`soak server ${kind} exited with ${code}`)));
  });
  return {
    port,
    memory: (what = 'memory') =>
      new Promise((resolve) => {
        const onMessage = (message: { type: string; rss: number; heapUsed: number; external: number }) => {
          if (message.type !== 'memory') return;
          child.off('message', onMessage);
          resolve({ rss: message.rss / MiB, heapUsed: message.heapUsed / MiB, external: message.external / MiB });
        };
        child.on('message', onMessage);
        child.send(what);
      }),
    snapshot: (name) =>
      new Promise((resolve) => {
        const onMessage = (message: { type: string }) => {
          if (message.type !== 'snapshot') return;
          child.off('message', onMessage);
          resolve();
        };
        child.on('message', onMessage);
        child.send(`snapshot:${name}`);
      }),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Structs (items, tombstones) in the documents: one client per case, each holds what the server holds. */
function countStructs(clients: Client[]): number {
  const counted = new Set<number>();
  let structs = 0;
  for (const client of clients) {
    if (counted.has(client.caseIndex)) continue;
    counted.add(client.caseIndex);
    for (const list of client.doc.store.clients.values()) structs += list.length;
  }
  return structs;
}

/** Runs a soak and returns its figures. */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const say = options.progress ?? (() => undefined);
  const kind = options.server ?? 'caseroom';
  const server = await startSoakServer(kind, options);
  const url = `http://127.0.0.1:${server.port}`;
  const wsUrl = `ws://127.0.0.1:${server.port}/ws`;
  const clients: Client[] = [];
  const latencies: number[] = [];
  let edits = 0;
  let reconnects = 0;
  let refusals = 0;
  const timers: NodeJS.Timeout[] = [];
  try {
    const cases: { id: string; token: string }[] = [];
    for (let i = 0; i < options.cases; i++) {
      if (kind === 'reference') {
        cases.push({ id: `soak-${i}`, token: '' });
        continue;
      }
      const response = await fetch(`${url}/api/cases`, { method: 'POST' });
      cases.push((await response.json()) as { id: string; token: string });
    }
    for (let c = 0; c < options.cases; c++) {
      const { id, token } = cases[c] as { id: string; token: string };
      for (let k = 0; k < options.clientsPerCase; k++) {
        const doc = new Y.Doc();
        const provider = new WebsocketProvider(wsUrl, id, doc, {
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          disableBc: true,
          params: { token },
          maxBackoffTime: 1_000,
        });
        (provider.messageHandlers as unknown as Record<number, () => void>)[100] = () => {
          refusals++;
        };
        const client: Client = {
          caseIndex: c,
          key: `soak-client-${k}`,
          doc,
          provider,
          counter: 0,
          online: true,
          backAt: 0,
        };
        clients.push(client);
        // Latency: every edit carries its time; the others record when they see it.
        doc.on('update', (_update: Uint8Array, origin: unknown) => {
          if (origin === 'local') return;
          const stamp = doc.getMap('targetGroup').get('stamp');
          const now = performance.now();
          // Live deliveries only: not what a client catches up on after coming back.
          if (typeof stamp === 'number' && client.online && now - client.backAt > 3_000) latencies.push(now - stamp);
        });
      }
    }
    const deadline = Date.now() + 60_000;
    while (clients.some((client) => !client.provider.synced)) {
      if (Date.now() > deadline) throw new Error('clients did not sync within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    say(`${clients.length} clients synced over ${options.cases} cases`);

    const rss: { at: number; mib: number; heap: number; external: number }[] = [];
    const retained: SoakResult['retained'] = [];
    const started = performance.now();
    const sampleRetained = async () => {
      const at = (performance.now() - started) / 1000;
      const structs = countStructs(clients);
      const memory = await server.memory('retained');
      retained.push({ at, heap: memory.heapUsed, rss: memory.rss, structs });
    };
    await sampleRetained();
    if (options.heapSnapshots) await server.snapshot('start');
    timers.push(setInterval(() => void sampleRetained(), 30_000));
    timers.push(
      setInterval(() => {
        const at = (performance.now() - started) / 1000;
        void server
          .memory()
          .then(({ rss: mib, heapUsed, external }) => rss.push({ at, mib, heap: heapUsed, external }));
      }, 2_000),
    );
    // Edits: each client on its own clock, spread out.
    for (const client of clients) {
      const interval = 1000 / options.editsPerSecond;
      const timer = setTimeout(() => {
        timers.push(
          setInterval(() => {
            // Offline clients pause (their stamps would measure the outage, not the server).
            if (!client.online) return;
            // A key of its own in a section every case has (and the reference server's empty documents).
            const facts = client.doc.getMap<unknown>('facts');
            client.counter++;
            edits++;
            client.doc.transact(() => {
              facts.set(client.key, String(client.counter));
              client.doc.getMap('targetGroup').set('stamp', performance.now());
            }, 'local');
          }, interval),
        );
      }, Math.random() * interval);
      timers.push(timer);
    }
    // Churn: clients drop off and come back.
    timers.push(
      setInterval(() => {
        const count = Math.round(clients.length * options.churnPerSecond);
        for (let i = 0; i < count; i++) {
          const client = clients[Math.floor(Math.random() * clients.length)] as Client;
          if (!client.online) continue;
          client.online = false;
          client.provider.disconnect();
          setTimeout(
            () => {
              client.online = true;
              client.backAt = performance.now();
              reconnects++;
              client.provider.connect();
            },
            500 + Math.random() * 2_500,
          );
        }
      }, 1_000),
    );
    for (let second = 10; second <= options.seconds; second += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      const last = rss[rss.length - 1];
      say(`${second} s: ${edits} edits, ${latencies.length} deliveries, RSS ${last?.mib.toFixed(0)} MiB`);
    }
    const rest = options.seconds % 10;
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest * 1000));
    for (const timer of timers.splice(0)) clearInterval(timer);
    // Let everyone come back and settle.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    for (const client of clients) if (!client.online || !client.provider.wsconnected) client.provider.connect();
    const settle = Date.now() + 30_000;
    while (clients.some((client) => !client.provider.synced) && Date.now() < settle) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    // Every client's last edit is what the server holds: a fresh client per case reads it.
    const lost: string[] = [];
    for (let c = 0; c < options.cases; c += 25) {
      const readers = cases.slice(c, c + 25).map(({ id, token }) => {
        const doc = new Y.Doc();
        const provider = new WebsocketProvider(wsUrl, id, doc, {
          WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
          disableBc: true,
          params: token ? { token } : {},
        });
        return { doc, provider };
      });
      const until = Date.now() + 30_000;
      while (readers.some((reader) => !reader.provider.synced) && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      readers.forEach((reader, offset) => {
        const caseIndex = c + offset;
        for (const client of clients.filter((each) => each.caseIndex === caseIndex)) {
          const stored = reader.doc.getMap<string>('facts').get(client.key);
          if (stored !== String(client.counter))
            lost.push(`case ${caseIndex}/${client.key}: stored ${stored}, last ${client.counter}`);
        }
        reader.provider.destroy();
        reader.doc.destroy();
      });
    }
    await sampleRetained();
    // Everyone leaves: once the cases are unloaded, what the server still holds is not theirs.
    for (const client of clients) client.provider.disconnect();
    // The grace period, then time to flush and compact each case as it unloads.
    const unloading = (options.unloadGraceMs ?? 30_000) + 5_000 + options.cases * 40;
    await new Promise((resolve) => setTimeout(resolve, unloading));
    const left = await server.memory('retained');
    if (options.heapSnapshots) await server.snapshot('left');
    const afterAllLeft = kind === 'caseroom' ? { heap: left.heapUsed, rss: left.rss } : null;
    const sorted = [...latencies].sort((a, b) => a - b);
    rss.sort((a, b) => a.at - b.at);
    const warm = rss.find((sample) => sample.at >= options.seconds / 5) ?? rss[0];
    const end = rss[rss.length - 1];
    return {
      edits,
      deliveries: latencies.length,
      latency: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0 },
      rss,
      rssGrowthAfterWarmup: warm && end ? ((end.mib - warm.mib) / warm.mib) * 100 : 0,
      heapGrowthAfterWarmup: warm && end ? ((end.heap - warm.heap) / warm.heap) * 100 : 0,
      retained,
      afterAllLeft,
      reconnects,
      lost,
      refusals,
    };
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const client of clients) {
      client.provider.destroy();
      client.doc.destroy();
    }
    await server.stop();
  }
}

/** How much retained heap each new struct cost between the first and the last sample: the rest is what leaks. */
function retainedPerStruct(result: SoakResult): string {
  const first = result.retained[0];
  const last = result.retained[result.retained.length - 1];
  if (!first || !last || last.structs === first.structs) return '';
  const perStruct = ((last.heap - first.heap) * MiB) / (last.structs - first.structs);
  return `retained heap growth per new struct: ${perStruct.toFixed(0)} B (${last.structs - first.structs} structs, +${(last.heap - first.heap).toFixed(0)} MiB)`;
}

/** The figures as a few lines of text. */
export function formatSoak(result: SoakResult): string {
  const samples = result.rss.filter((_, i) => i % Math.max(1, Math.floor(result.rss.length / 12)) === 0);
  return [
    `edits ${result.edits}, deliveries ${result.deliveries}, reconnects ${result.reconnects}, refusals ${result.refusals}`,
    `edit → other client: p50 ${result.latency.p50.toFixed(1)} ms, p99 ${result.latency.p99.toFixed(1)} ms, max ${result.latency.max.toFixed(0)} ms`,
    `server RSS / heap in use / external (MiB) over time: ${samples.map((s) => `${s.at.toFixed(0)}s ${s.mib.toFixed(0)}/${s.heap.toFixed(0)}/${s.external.toFixed(0)}`).join(' · ')}`,
    `growth after warm-up: RSS ${result.rssGrowthAfterWarmup.toFixed(1)} %, heap ${result.heapGrowthAfterWarmup.toFixed(1)} %`,
    `retained heap after a full collection (MiB) / Yjs structs held: ${result.retained.map((s) => `${s.at.toFixed(0)}s ${s.heap.toFixed(0)}/${s.structs}`).join(' · ')}`,
    retainedPerStruct(result),
    result.afterAllLeft
      ? `after every client left and the cases were unloaded: heap ${result.afterAllLeft.heap.toFixed(0)} MiB retained, RSS ${result.afterAllLeft.rss.toFixed(0)} MiB`
      : '',
    `every client's last edit stored: ${result.lost.length === 0 ? 'yes' : `NO — ${result.lost.length} lost`}`,
    ...result.lost.slice(0, 10),
  ].join('\n');
}
