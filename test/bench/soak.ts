/**
 * A soak run (issue 9): many stock y-websocket clients over many cases against the real server
 * entry point in a child process, editing steadily while some of them drop off and come back
 * (they resync when they return). It measures the server's RSS over time,
 * edit → other client latency, and at the end checks that the last edit of every client is
 * stored (each client writes its own key, so that proves none of its edits was lost or
 * reordered). Used by `pnpm bench:soak` (10 minutes) and by a 60-second test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { REPO_ROOT } from '../support/server.ts';

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
};

/** What came out. */
export type SoakResult = {
  edits: number;
  deliveries: number;
  latency: { p50: number; p99: number; max: number };
  /** RSS samples (MiB) with their time (s). */
  rss: { at: number; mib: number }[];
  /** RSS at the end against RSS after warm-up (a fifth of the run), in per cent. */
  rssGrowthAfterWarmup: number;
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

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function startServerProcess(): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'caseroom-soak-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server', 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CASEROOM_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
  });
  return { url, child, dataDir };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Runs a soak and returns its figures. */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const say = options.progress ?? (() => undefined);
  const server = await startServerProcess();
  const wsUrl = `${server.url.replace(/^http/, 'ws')}/ws`;
  const pid = server.child.pid as number;
  const clients: Client[] = [];
  const latencies: number[] = [];
  let edits = 0;
  let reconnects = 0;
  let refusals = 0;
  const timers: NodeJS.Timeout[] = [];
  try {
    const cases: { id: string; token: string }[] = [];
    for (let i = 0; i < options.cases; i++) {
      const response = await fetch(`${server.url}/api/cases`, { method: 'POST' });
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
          key: `client-${k}`,
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

    const rss: { at: number; mib: number }[] = [];
    const started = performance.now();
    timers.push(setInterval(() => rss.push({ at: (performance.now() - started) / 1000, mib: rssMiB(pid) }), 2_000));
    // Edits: each client on its own clock, spread out.
    for (const client of clients) {
      const interval = 1000 / options.editsPerSecond;
      const timer = setTimeout(() => {
        timers.push(
          setInterval(() => {
            const sources = client.doc.getMap('facts').get('sources') as Y.Map<string> | undefined;
            // Offline clients pause (their stamps would measure the outage, not the server).
            if (!sources || !client.online) return;
            client.counter++;
            edits++;
            client.doc.transact(() => {
              sources.set(client.key, String(client.counter));
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

    // Every client's last edit is what the server stores.
    const lost: string[] = [];
    for (let c = 0; c < options.cases; c++) {
      const { id, token } = cases[c] as { id: string; token: string };
      const model = (await (
        await fetch(`${server.url}/api/cases/${id}/model`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { facts: { sources?: Record<string, string> } };
      for (const client of clients.filter((each) => each.caseIndex === c)) {
        if (model.facts.sources?.[client.key] !== String(client.counter)) {
          lost.push(`${id}/${client.key}: stored ${model.facts.sources?.[client.key]}, last ${client.counter}`);
        }
      }
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const warm = rss.find((sample) => sample.at >= options.seconds / 5) ?? rss[0];
    const end = rss[rss.length - 1];
    return {
      edits,
      deliveries: latencies.length,
      latency: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0 },
      rss,
      rssGrowthAfterWarmup: warm && end ? ((end.mib - warm.mib) / warm.mib) * 100 : 0,
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
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

/** The figures as a few lines of text. */
export function formatSoak(result: SoakResult): string {
  const samples = result.rss.filter((_, i) => i % Math.max(1, Math.floor(result.rss.length / 12)) === 0);
  return [
    `edits ${result.edits}, deliveries ${result.deliveries}, reconnects ${result.reconnects}, refusals ${result.refusals}`,
    `edit → other client: p50 ${result.latency.p50.toFixed(1)} ms, p99 ${result.latency.p99.toFixed(1)} ms, max ${result.latency.max.toFixed(0)} ms`,
    `server RSS (MiB) over time: ${samples.map((s) => `${s.at.toFixed(0)}s ${s.mib.toFixed(0)}`).join(' · ')}`,
    `RSS growth after warm-up: ${result.rssGrowthAfterWarmup.toFixed(1)} %`,
    `every client's last edit stored: ${result.lost.length === 0 ? 'yes' : `NO — ${result.lost.length} lost`}`,
    ...result.lost.slice(0, 10),
  ].join('\n');
}
