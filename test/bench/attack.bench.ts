/**
 * `pnpm bench:attack` (issue 9): for each attack of the issue, how long GET /health was held
 * up while it ran and how much the server process's memory (RSS) grew. Each attack gets a
 * fresh server — the real entry point (`server/src/main.ts`) in a child process on a temp data
 * directory — whose RSS is sampled from /proc every 20 ms and whose /health is polled every
 * 25 ms. Aim: under 100 ms and under 50 MiB per attack.
 *
 *   BENCH_REPO=/path/to/another/checkout   runs the same attacks against that checkout's
 *                                          server (e.g. the commit before issue 9) — "before"
 *   BENCH_ATTACKS=ghosts,flood             only these attacks
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { REPO_ROOT } from '../support/server.ts';

const MiB = 1024 * 1024;
const repo = process.env.BENCH_REPO ?? REPO_ROOT;

type Target = { url: string; wsUrl: string; pid: number; child: ChildProcess; dataDir: string };
type Room = { id: string; facilitator: string; editor: string; observer: string };
/** An attack: `prepare` builds its payload before measuring starts (the bench's own work is not the server's). */
type Attack = {
  name: string;
  what: string;
  prepare?: (target: Target, room: Room) => Promise<Uint8Array>;
  run: (target: Target, room: Room, payload: Uint8Array) => Promise<string>;
};

async function startTarget(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'caseroom-attack-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'server', 'src', 'main.ts')], {
    cwd: repo,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CASEROOM_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 30_000);
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
  return { url, wsUrl: `${url.replace(/^http/, 'ws')}/ws`, pid: child.pid as number, child, dataDir };
}

async function stopTarget(target: Target): Promise<void> {
  const exited = new Promise((resolve) => target.child.once('exit', resolve));
  target.child.kill('SIGKILL');
  await exited;
  rmSync(target.dataDir, { recursive: true, force: true });
}

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function json(url: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json() as Promise<Record<string, unknown>>;
}

async function makeRoom(url: string): Promise<Room> {
  const created = (await json(url, 'POST', '/api/cases', undefined, { example: true })) as {
    id: string;
    token: string;
  };
  const invite = async (role: string, kind: string, name: string) =>
    (
      (await json(url, 'POST', `/api/cases/${created.id}/parties`, created.token, { name, kind, role })) as {
        token: string;
      }
    ).token;
  return {
    id: created.id,
    facilitator: created.token,
    editor: await invite('editor', 'department', 'Jobcenter'),
    observer: await invite('observer', 'investor', 'Investor'),
  };
}

function open(target: Target, room: Room, token: string, onMessage?: (data: Buffer) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${target.wsUrl}/${room.id}?token=${encodeURIComponent(token)}`, {
      maxPayload: 256 * MiB,
    });
    socket.binaryType = 'nodebuffer';
    // Listening from the start: the server speaks first, maybe in the same tick as 'open'.
    if (onMessage) socket.on('message', onMessage);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function varUint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    out.push(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

function frame(prefix: number[], payload: Uint8Array): Uint8Array {
  const header = [...prefix, ...varUint(payload.length)];
  const out = new Uint8Array(header.length + payload.length);
  out.set(header);
  out.set(payload, header.length);
  return out;
}

/** The case's current state, from a throwaway y-websocket sync (sync step 2 of an empty vector). */
async function caseState(target: Target, room: Room): Promise<Y.Doc> {
  const socket = await open(target, room, room.facilitator);
  const doc = new Y.Doc();
  await new Promise<void>((resolve) => {
    socket.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) {
        // [0, 1, varUint length, update]
        let pos = 2;
        let length = 0;
        let shift = 1;
        for (;;) {
          const byte = data[pos++] as number;
          length += (byte & 0x7f) * shift;
          if (byte < 0x80) break;
          shift *= 128;
        }
        Y.applyUpdate(doc, new Uint8Array(data.subarray(pos, pos + length)));
        resolve();
      }
    });
    socket.send(new Uint8Array([0, 0, 1, 0]));
  });
  socket.close();
  return doc;
}

/** A valid Yjs update with many small structs (expensive to decode), about `mib` MiB. */
function bigUpdate(base: Y.Doc, mib: number): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  const map = doc.getMap('facts');
  const entries = Math.round((mib * MiB) / 14);
  doc.transact(() => {
    for (let i = 0; i < entries; i++) map.set(`k${i}`, i);
  });
  return Y.encodeStateAsUpdate(doc, before);
}

const closed = (socket: WebSocket) =>
  new Promise<number>((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) resolve(-1);
    socket.once('close', (code) => resolve(code));
  });
const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms))]);

const attacks: Attack[] = [
  {
    name: 'observer-7mib',
    what: 'an observer sends four valid updates of about 7 MiB (many small structs)',
    prepare: async (target, room) => frame([0, 2], bigUpdate(await caseState(target, room), 5)),
    run: async (target, room, payload) => {
      const socket = await open(target, room, room.observer);
      for (let i = 0; i < 4; i++) socket.send(payload);
      const code = await within(closed(socket), 3_000);
      socket.terminate();
      return `observer connection: ${code === 'still open' ? 'kept open, updates dropped' : `closed ${code}`}`;
    },
  },
  {
    name: 'editor-64mib',
    what: 'an editor sends one 64 MiB update frame',
    prepare: async (target, room) => frame([0, 2], bigUpdate(await caseState(target, room), 64)),
    run: async (target, room, payload) => {
      const socket = await open(target, room, room.editor);
      socket.send(payload);
      const code = await within(closed(socket), 60_000);
      socket.terminate();
      return `closed ${code}`;
    },
  },
  {
    name: 'slow-reader',
    what: 'a reader that never reads sends 200 four-byte sync step 1 frames',
    run: async (target, room) => {
      const socket = await open(target, room, room.editor);
      socket.pause();
      for (let i = 0; i < 200; i++) socket.send(new Uint8Array([0, 0, 1, 0]));
      const code = await within(closed(socket), 3_000);
      socket.terminate();
      return `closed ${code}`;
    },
  },
  {
    name: 'ghost-presences',
    what: 'one awareness message with 2,000 entries',
    run: async (target, room) => {
      const socket = await open(target, room, room.editor);
      const payload: number[] = [...varUint(2_000)];
      for (let i = 0; i < 2_000; i++) {
        payload.push(...varUint(100_000 + i), ...varUint(1));
        const state = new TextEncoder().encode(JSON.stringify({ user: { name: `ghost ${i}` } }));
        payload.push(...varUint(state.length), ...state);
      }
      socket.send(frame([1], new Uint8Array(payload)));
      await new Promise((resolve) => setTimeout(resolve, 500));
      let onMessage: (data: Buffer) => void = () => undefined;
      const states = new Promise<number>((resolve) => {
        onMessage = (data: Buffer) => {
          if (data[0] === 1) {
            let pos = 1;
            for (;;) if ((data[pos++] as number) < 0x80) break; // payload length
            let count = 0;
            let shift = 1;
            for (;;) {
              const byte = data[pos++] as number;
              count += (byte & 0x7f) * shift;
              if (byte < 0x80) break;
              shift *= 128;
            }
            resolve(count);
          }
        };
        setTimeout(() => resolve(0), 2_000);
      });
      const peer = await open(target, room, room.facilitator, (data) => onMessage(data));
      const count = await states;
      peer.terminate();
      socket.terminate();
      return `a new peer is sent ${count} presences`;
    },
  },
  {
    name: 'refused-flood',
    what: 'a socket with a wrong token sends 128 MiB while it is refused',
    run: async (target, room) => {
      const socket = await open(target, { ...room }, 'cr1_wrong');
      const chunk = new Uint8Array(4 * MiB).fill(1);
      const started = performance.now();
      for (let i = 0; i < 32 && socket.readyState === WebSocket.OPEN; i++) socket.send(chunk);
      const code = await within(closed(socket), 30_000);
      socket.terminate();
      return `closed ${code} after ${Math.round(performance.now() - started)} ms`;
    },
  },
  {
    name: 'message-flood',
    what: '50,000 one-byte messages (query awareness)',
    run: async (target, room) => {
      const socket = await open(target, room, room.editor);
      for (let i = 0; i < 50_000 && socket.readyState === WebSocket.OPEN; i++) socket.send(new Uint8Array([3]));
      const code = await within(closed(socket), 3_000);
      socket.terminate();
      return code === 'still open' ? 'kept open' : `closed ${code}`;
    },
  },
  {
    name: 'deep-rich-text',
    what: 'an editor writes 20,000 nested blockquotes into the problem text, then the model is read',
    prepare: async (target, room) => {
      const doc = await caseState(target, room);
      const before = Y.encodeStateVector(doc);
      doc.transact(() => {
        let parent: Y.XmlFragment | Y.XmlElement = doc.getMap('problem').get('text') as Y.XmlFragment;
        for (let i = 0; i < 20_000; i++) {
          const quote = new Y.XmlElement('blockquote');
          parent.insert(0, [quote]);
          parent = quote;
        }
      });
      return frame([0, 2], Y.encodeStateAsUpdate(doc, before));
    },
    run: async (target, room, payload) => {
      const socket = await open(target, room, room.editor);
      socket.send(payload);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const model = await fetch(`${target.url}/api/cases/${room.id}/model`, {
        headers: { authorization: `Bearer ${room.facilitator}` },
      });
      socket.terminate();
      return `GET model afterwards: ${model.status}`;
    },
  },
];

async function measure(attack: Attack): Promise<{ healthMs: number; rssMiB: number; outcome: string }> {
  const target = await startTarget();
  try {
    const room = await makeRoom(target.url);
    const payload = (await attack.prepare?.(target, room)) ?? new Uint8Array();
    // Open the case once, then wait until the server's memory has settled (the export worker
    // starts in the background at start-up).
    await caseState(target, room);
    let baseline = rssMiB(target.pid);
    for (let i = 0; i < 40; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const now = rssMiB(target.pid);
      if (Math.abs(now - baseline) < 2) break;
      baseline = now;
    }
    let peak = baseline;
    let healthMs = 0;
    let running = true;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMiB(target.pid));
    }, 20);
    const prober = (async () => {
      while (running) {
        const started = performance.now();
        try {
          await (await fetch(`${target.url}/health`)).arrayBuffer();
        } catch {
          // counted as the time until it failed
        }
        healthMs = Math.max(healthMs, performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const outcome = await attack.run(target, room, payload);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    running = false;
    await prober;
    clearInterval(sampler);
    return { healthMs, rssMiB: peak - baseline, outcome };
  } finally {
    await stopTarget(target);
  }
}

const only = process.env.BENCH_ATTACKS?.split(',');
console.log(`bench:attack — server: ${repo}`);
console.log('attack'.padEnd(18), '/health max ms'.padStart(15), 'RSS growth MiB'.padStart(15), '  outcome');
for (const attack of attacks) {
  if (only && !only.includes(attack.name)) continue;
  const { healthMs, rssMiB: growth, outcome } = await measure(attack);
  console.log(attack.name.padEnd(18), healthMs.toFixed(0).padStart(15), growth.toFixed(0).padStart(15), `  ${outcome}`);
}
