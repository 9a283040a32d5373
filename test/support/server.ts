/**
 * Test helpers for a real Caseroom server: start one in-process on port 0 with a temporary
 * data dir, or as a child process (for kill -9); create y-websocket clients in Node; wait for
 * sync or any condition with a timeout. Shared by integration, browser and benchmark code.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Log,
  openSqliteStores,
  type RunningServer,
  type StartServerOptions,
  type Stores,
  startServer,
} from '@caseroom/server';
import { Client } from 'pg';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createDatabase } from './services.ts';

/** The repository root (test/support → ..). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A fresh temporary directory for a server's data. */
export function makeTempDataDir(prefix = 'caseroom-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A server started for a test. */
export type TestServer = {
  /** http://127.0.0.1:PORT */
  url: string;
  /** ws://127.0.0.1:PORT/ws — pass to WebsocketProvider as the server URL. */
  wsUrl: string;
  port: number;
  dataDir: string;
  /** Log lines the server wrote (when no log option was given). */
  logs: { level: string; message: string; fields: Record<string, unknown> }[];
  /** Stops the server; removes the data dir if this helper created it. Idempotent. */
  close(): Promise<void>;
};

// ---------------------------------------------------------------------------------------------
// The database behind a test server (issue 14): SQLite in the data dir, or — in the `-pg`
// projects of vitest.config.ts (CASEROOM_TEST_DATABASE=postgres) — a PostgreSQL database of its
// own on the project's PostgreSQL (test/support/postgresGlobalSetup.ts).

/** True in the `-pg` projects: servers the helpers start store in PostgreSQL, not SQLite. */
export function testsUsePostgres(): boolean {
  return process.env.CASEROOM_TEST_DATABASE === 'postgres';
}

/**
 * One database per data dir, made at its first use: a second server on the same data dir (a
 * restart, a test opening the store itself) finds the first one's data, as it would in the
 * SQLite file. Promises, so two concurrent first uses make one database.
 */
const databasesByDataDir = new Map<string, Promise<string>>();

/** The PostgreSQL database standing for `dataDir` in a `-pg` project; undefined on SQLite. */
export function testDatabaseUrl(dataDir: string): Promise<string> | undefined {
  if (!testsUsePostgres()) return undefined;
  const key = resolve(dataDir);
  let database = databasesByDataDir.get(key);
  if (!database) {
    const serverUrl = process.env.CASEROOM_TEST_POSTGRES_URL;
    if (!serverUrl) {
      throw new Error(
        'CASEROOM_TEST_DATABASE=postgres needs the PostgreSQL of the project (globalSetup test/support/postgresGlobalSetup.ts, setupFiles test/support/postgresProject.ts)',
      );
    }
    // Test files share the project's PostgreSQL and a worker's PID: the name must be unique across both.
    database = createDatabase(serverUrl, `t_${randomBytes(8).toString('hex')}`);
    databasesByDataDir.set(key, database);
  }
  return database;
}

/** Drops the database of a data dir that nobody will use again (its server closed, the dir removed). */
async function dropTestDatabase(dataDir: string): Promise<void> {
  const key = resolve(dataDir);
  const database = databasesByDataDir.get(key);
  if (!database) return;
  databasesByDataDir.delete(key);
  const url = new URL(await database);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  await withPostgres(url.toString(), (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * Copies a stopped server's data dir to `to` (a backup to set the server back to): the files,
 * and in a `-pg` project its PostgreSQL database into a new database that then stands for `to`.
 */
export async function copyTestDataDir(from: string, to: string): Promise<void> {
  cpSync(from, to, { recursive: true });
  const source = testsUsePostgres() ? databasesByDataDir.get(resolve(from)) : undefined;
  if (!source) return;
  if (databasesByDataDir.has(resolve(to))) throw new Error(`copyTestDataDir: ${to} has a database already`);
  const copy = new URL(await source);
  const sourceName = copy.pathname.slice(1);
  const copyName = `t_${randomBytes(8).toString('hex')}`;
  copy.pathname = '/postgres';
  // A template must have no connections: `from`'s server is closed.
  await withPostgres(copy.toString(), (client) => client.query(`CREATE DATABASE ${copyName} TEMPLATE ${sourceName}`));
  copy.pathname = `/${copyName}`;
  databasesByDataDir.set(resolve(to), Promise.resolve(copy.toString()));
}

/** Runs `work` with a connection to `url`, closed after. */
async function withPostgres<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The stores of a data dir as a test opens them itself (to write an old-format case, read what
 * was stored, or wrap them in `FaultInjectingStores`): SQLite in `dataDir`, or in a `-pg`
 * project the data dir's PostgreSQL database — the one `startTestServer` and
 * `spawnServerProcess` use for that dir.
 */
export async function openTestStores(dataDir: string): Promise<Stores> {
  const databaseUrl = testDatabaseUrl(dataDir);
  if (!databaseUrl) return openSqliteStores(dataDir);
  // Not among @caseroom/server's exports: startServer loads it only when DATABASE_URL is set.
  const { openPostgresStores } = await import('../../server/src/storage/postgresStores.ts');
  return openPostgresStores(await databaseUrl);
}

/**
 * Starts a real server (SQLite in a temp dir unless dataDir is given; in a `-pg` project the
 * data dir's PostgreSQL database unless `stores` or `databaseUrl` is given) on port 0. Any other
 * startServer option may be passed. Logs are captured in `logs` instead of printed.
 */
export async function startTestServer(
  options: Partial<StartServerOptions> & { dataDir?: string } = {},
): Promise<TestServer> {
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? makeTempDataDir();
  const databaseUrl =
    options.stores === undefined && options.databaseUrl === undefined ? await testDatabaseUrl(dataDir) : undefined;
  const logs: TestServer['logs'] = [];
  const log: Log = options.log ?? ((level, message, fields = {}) => logs.push({ level, message, fields }));
  // A build elsewhere than client/dist (CASEROOM_TEST_CLIENT_DIR) lets one checkout test one build while another is made.
  const clientDir = process.env.CASEROOM_TEST_CLIENT_DIR;
  const server: RunningServer = await startServer({
    unloadGraceMs: 60_000,
    ...(clientDir ? { clientDir } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    ...options,
    dataDir,
    log,
    port: 0,
  });
  let closed: Promise<void> | undefined;
  return {
    url: server.url,
    wsUrl: toWsUrl(server.url),
    port: server.port,
    dataDir,
    logs,
    close: () => {
      closed ??= server.close().then(async () => {
        if (!ownsDir) return;
        rmSync(dataDir, { recursive: true, force: true });
        await dropTestDatabase(dataDir);
      });
      return closed;
    },
  };
}

/** ws://HOST:PORT/ws for http://HOST:PORT. */
export function toWsUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/ws`;
}

/** A case created through the API: its id and the creator's facilitator token (docs/access.md A3). */
export type CreatedCase = { id: string; token: string };

/** POST /api/cases; returns the new case id and its facilitator token. */
export async function createCase(url: string, body: { example?: boolean } = {}): Promise<CreatedCase> {
  const response = await fetch(`${url}/api/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`createCase: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedCase;
}

/** Headers that present one or several tokens (`Authorization: Bearer t1,t2`). */
export function bearer(...tokens: string[]): Record<string, string> {
  return { authorization: `Bearer ${tokens.join(',')}` };
}

/** A party and its link, as `POST /api/cases/:id/parties` and `…/rotate` return them. */
export type IssuedParty = {
  party: { id: string; name: string; kind: string; role: string; departmentId?: string };
  token: string;
};

/** Invites a party with the facilitator's token; returns the party and its token. */
export async function inviteParty(
  url: string,
  caseId: string,
  facilitatorToken: string,
  invite: { name: string; kind: string; role: string; departmentId?: string },
): Promise<IssuedParty> {
  const response = await fetch(`${url}/api/cases/${caseId}/parties`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearer(facilitatorToken) },
    body: JSON.stringify(invite),
  });
  if (response.status !== 201) throw new Error(`inviteParty: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as IssuedParty;
}

/** A JSON body as tests read it: loosely (each test checks the fields it cares about). */
// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert on them
export type Json = any;

/** An API response: status and parsed JSON body (undefined if none). */
export type ApiResponse<T = Json> = { status: number; body: T };

/**
 * Calls the JSON API with a token (`Authorization: Bearer`), e.g.
 * `api(url, token, 'POST', `/api/cases/${id}/workshop/phase`, { phase: 2 })`.
 */
export async function api<T = Json>(
  url: string,
  token: string | undefined,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiResponse<T>> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === undefined ? {} : bearer(token)),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as T) : (undefined as T) };
}

/** A y-websocket client in Node: its document and provider. */
export type NodeClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Disconnects and destroys provider and document. */
  destroy(): void;
};

/**
 * A stock y-websocket WebsocketProvider in Node, presenting `token` (if given) as y-websocket
 * `params` (ws as the WebSocket, no BroadcastChannel, so
 * clients in one process only talk through the server).
 */
export function connectClient(
  wsUrl: string,
  caseId: string,
  options: { token?: string; doc?: Y.Doc; connect?: boolean; maxBackoffTime?: number } = {},
): NodeClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, caseId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    // docs/access.md A4: the token travels as ?token=… of the websocket URL.
    params: options.token === undefined ? {} : { token: options.token },
    connect: options.connect ?? true,
    maxBackoffTime: options.maxBackoffTime ?? 500,
  });
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once the provider has synced with the server. */
export function waitForSync(provider: WebsocketProvider, timeoutMs = 5_000): Promise<void> {
  return waitFor(() => provider.synced, { timeoutMs, what: `sync of ${provider.roomname}` });
}

/** Connects a client and waits until it is synced. */
export async function connectSynced(
  wsUrl: string,
  caseId: string,
  options: { token?: string; doc?: Y.Doc } = {},
): Promise<NodeClient> {
  const client = connectClient(wsUrl, caseId, options);
  await waitForSync(client.provider);
  return client;
}

/** Polls a condition (which may read a store, asynchronously) until it holds; rejects with `what` after the timeout. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  {
    timeoutMs = 5_000,
    intervalMs = 10,
    what = 'condition',
  }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** A raw ws socket to a path of the server (for protocol-level tests), with a token if given. Resolves once open. */
export function openRawSocket(wsUrl: string, caseId: string, token?: string): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
    const socket = new WebSocket(`${wsUrl}/${caseId}${query}`);
    const received: Uint8Array[] = [];
    const closed = new Promise<{ code: number; reason: string }>((resolveClose) => {
      socket.on('close', (code, reason) => resolveClose({ code, reason: reason.toString() }));
    });
    socket.on('message', (data) => received.push(new Uint8Array(data as Buffer)));
    socket.once('open', () => resolve({ socket, received, closed }));
    socket.once('error', reject);
  });
}

/** A raw socket, what it received, and how it was closed. */
export type RawSocket = {
  socket: WebSocket;
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
};

/** A server running as a child process (`node --import tsx server/src/main.ts`). */
export type ServerProcess = {
  url: string;
  wsUrl: string;
  process: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Sends a signal and resolves once the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
};

/**
 * Spawns the real entry point with PORT=0 on a data dir (and `env`, e.g. DATABASE_URL); resolves
 * once it prints its URL. In a `-pg` project without DATABASE_URL in `env` it stores in the data
 * dir's PostgreSQL database (a restart on the same dir finds the same database).
 */
export async function spawnServerProcess(
  dataDir: string,
  timeoutMs = 20_000,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const databaseUrl = env.DATABASE_URL === undefined ? await testDatabaseUrl(dataDir) : undefined;
  return spawnEntryPoint(dataDir, timeoutMs, databaseUrl ? { ...env, DATABASE_URL: databaseUrl } : env);
}

function spawnEntryPoint(dataDir: string, timeoutMs: number, env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server', 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CASEROOM_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  let output = '';
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server process did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        const url = match[1];
        resolveStart({
          url,
          wsUrl: toWsUrl(url),
          process: child,
          output: () => output,
          kill: (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server process exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}
