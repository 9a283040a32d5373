import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type Json, type NodeClient, REPO_ROOT, startTestServer, type TestServer, waitFor } from '../support/server.ts';
import {
  createDatabase,
  freePort,
  startPostgres,
  startRedis,
  type TestPostgres,
  type TestRedis,
} from '../support/services.ts';
import { recordCloses } from './accessFixtures.ts';
import { type RawResponse, rawRequest, selfSigned } from './networkFixtures.ts';
import { recordRefusals } from './workshopFixtures.ts';

/**
 * Issue 14, "Operable": the deployment docs/operations.md describes, for real — nginx with
 * docs/deploy/nginx-caseroom.conf (the file itself, only its ports, certificate and paths
 * filled in) terminating TLS in front of three Caseroom processes that share one PostgreSQL and
 * one Redis. Everything the test does goes through nginx over https:// and wss://, from
 * 127.0.0.2 (a "browser" on another address than nginx's 127.0.0.1, so the processes can
 * tell the two apart). The three servers run in this test process, each with its own process
 * id, bus connections and leases; nginx runs in the foreground as this process's child.
 */

const NGINX = '/usr/sbin/nginx';
const TEMPLATE = join(REPO_ROOT, 'docs', 'deploy', 'nginx-caseroom.conf');
/** Where the "browser" connects from: loopback, but not nginx's address. */
const BROWSER_ADDRESS = '127.0.0.2';

let postgres: TestPostgres;
let redis: TestRedis;
let nginx: RunningNginx;
let pems: { cert: string; key: string };
const servers: TestServer[] = [];
const clients: NodeClient[] = [];

beforeAll(async () => {
  [postgres, redis, pems] = await Promise.all([startPostgres(), startRedis(), selfSigned()]);
  const databaseUrl = await createDatabase(postgres.url, `balanced_${process.pid}`);
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  for (let i = 0; i < 3; i++) {
    servers.push(
      await startTestServer({
        databaseUrl,
        redisUrl: redis.url,
        leaseMs: 2_000,
        trustProxy: '127.0.0.1',
        publicUrl: `https://localhost:${httpsPort}`,
      }),
    );
  }
  nginx = await startNginx({ httpsPort, httpPort, upstreams: servers.map((server) => server.port), ...pems });
}, 90_000);

afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  // Everything is stopped even when one of them fails to; the first failure is reported.
  const results = await Promise.allSettled([...servers.map((server) => server.close()), nginx?.stop()]);
  results.push(...(await Promise.allSettled([postgres?.stop(), redis?.stop()])));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}, 60_000);

describe('[issue 14] three processes behind nginx (docs/deploy/nginx-caseroom.conf)', () => {
  it('serves over TLS only, redirects plain HTTP, hides /metrics, and passes the scheme on (HSTS)', async () => {
    const health = await viaNginx('GET', '/health');
    expect(health.status).toBe(200);
    // X-Forwarded-Proto: https from a trusted proxy makes the request secure: HSTS is sent.
    expect(health.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // The certificate is really checked: a client that does not trust it gets nowhere.
    await expect(send(`${nginx.url}/health`, { trust: false })).rejects.toThrow(/self.signed|certificate/i);

    const plain = await send(`http://localhost:${nginx.httpPort}/case/abc`);
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe('https://localhost/case/abc');

    // /metrics is refused by nginx, though the processes themselves answer it on their own ports.
    expect((await viaNginx('GET', '/metrics')).status).toBe(404);
    expect((await send(`${servers[0]!.url}/metrics`)).status).toBe(200);
  });

  it('the processes see the browser’s address (trusted proxy), never one the browser claims', async () => {
    const probe = `/health?probe=${Math.random().toString(36).slice(2)}`;
    // A browser claiming another address: nginx replaces the header with the one it saw.
    const answer = await viaNginx('GET', probe, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(answer.status).toBe(200);
    const line = servers
      .flatMap((server) => server.logs)
      .find((entry) => entry.message === 'request' && entry.fields.path === probe);
    expect(line?.fields.address).toBe(BROWSER_ADDRESS);
  });

  it('two browsers land on different processes by round robin, co-edit over wss:// and converge', async () => {
    const { id, facilitator, editor } = await caseThroughNginx();
    const anna = await wssClient(id, facilitator);
    const bo = await wssClient(id, editor);
    // Each upgrade is logged by the process nginx gave it to, with the browser's address.
    expect(upgradesOf(id).map((upgrade) => upgrade.address)).toEqual([BROWSER_ADDRESS, BROWSER_ADDRESS]);
    expect(anna.servedBy).not.toBe(bo.servedBy);

    setTitle(bo, 'Skrevet af Bo');
    await waitFor(() => titleOf(anna) === 'Skrevet af Bo', { what: 'Bo’s edit at Anna' });
    setTitle(anna, 'Skrevet af Anna');
    setTitle(bo, 'Og af Bo');
    await waitFor(() => titleOf(anna) === titleOf(bo), { what: 'convergence' });
    const agreed = titleOf(anna);
    // Whichever process nginx sends the read to, it reads what the owner stored.
    for (let i = 0; i < 3; i++) {
      await waitFor(async () => (await model(id, facilitator)).facts.title === agreed, { what: `read ${i}` });
    }
  });

  it('a lock set through the balancer refuses an edit made through it', async () => {
    const { id, facilitator, editor } = await caseThroughNginx();
    const bo = await wssClient(id, editor);
    const refusals = recordRefusals(bo);
    setTitle(bo, 'Før låsen');
    await waitFor(async () => (await model(id, facilitator)).facts.title === 'Før låsen', { what: 'edit stored' });

    const locked = await viaNginx('POST', `/api/cases/${id}/workshop/locks`, {
      token: facilitator,
      body: { section: 'facts', locked: true },
    });
    expect(locked.status).toBe(200);
    setTitle(bo, 'Efter låsen');
    await waitFor(() => refusals.length > 0, { what: 'the editor is told' });
    expect(refusals[0]!.reason).toBe('sectionLocked');
    expect((await model(id, facilitator)).facts.title).toBe('Før låsen');
  });

  it('a process stops: its browsers reconnect through nginx to the others and keep editing', async () => {
    const { id, facilitator, editor } = await caseThroughNginx();
    const anna = await wssClient(id, facilitator);
    const bo = await wssClient(id, editor);
    setTitle(anna, 'Før stoppet');
    await waitFor(() => titleOf(bo) === 'Før stoppet', { what: 'Anna’s edit at Bo' });

    // Stop the process Anna's websocket went to (SIGTERM does this in production).
    const stopped = servers[anna.servedBy]!;
    const annaClosed = recordCloses(anna);
    const upgradesOnLive = () => upgradeCounts(id).reduce((sum, n, i) => (servers[i] === stopped ? sum : sum + n), 0);
    const liveBefore = upgradesOnLive();
    await stopped.close();

    // Anna's socket is closed and she reconnects; nginx sends her to a live process (the stopped
    // one refuses the connection: next upstream).
    await waitFor(() => annaClosed.length > 0, { what: 'Anna’s socket closed' });
    await waitFor(() => upgradesOnLive() > liveBefore && anna.provider.wsconnected && anna.provider.synced, {
      what: 'Anna reconnected to a live process',
      timeoutMs: 20_000,
    });
    setTitle(anna, 'Efter stoppet');
    await waitFor(() => titleOf(bo) === 'Efter stoppet', { what: 'Anna’s edit after the stop', timeoutMs: 20_000 });
    setTitle(bo, 'Bo svarer');
    await waitFor(() => titleOf(anna) === 'Bo svarer', { what: 'Bo’s answer', timeoutMs: 20_000 });

    // Every request through nginx is answered by a live process now, whichever is next in turn;
    // nginx found the stopped one refusing and went on to the next.
    for (let i = 0; i < 6; i++) {
      expect((await model(id, facilitator)).facts.title).toBe('Bo svarer');
    }
    // Anna's first websocket is in the access log (written when it closed), its token is not;
    // each line names the process that answered.
    const accessLog = nginx.accessLog();
    expect(accessLog).toContain(`"GET /ws/${id} HTTP/1.1" 101`);
    expect(accessLog).not.toContain('token=');
    expect(accessLog).toMatch(new RegExp(`^${BROWSER_ADDRESS} .* 127\\.0\\.0\\.1:\\d+$`, 'm'));
    expect(nginx.output()).toMatch(
      new RegExp(
        `connect\\(\\) failed \\(111: Connection refused\\).*upstream: "http://127\\.0\\.0\\.1:${stopped.port}/`,
      ),
    );
  }, 60_000);

  it('nginx stops with the test and leaves no process behind', async () => {
    const pid = nginx.pid;
    await nginx.stop();
    expect(isAlive(pid)).toBe(false);
    await expect(send(`${nginx.url}/health`)).rejects.toThrow(/ECONNREFUSED/);
  });
});

// ---------------------------------------------------------------------------------------------
// Through nginx

/** One HTTP(S) request from the browser's address, trusting only the test's certificate. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; trust?: boolean } = {},
): Promise<RawResponse> {
  const { trust, ...request } = options;
  return rawRequest(url, {
    ...request,
    ...(new URL(url).hostname === 'localhost' ? { localAddress: BROWSER_ADDRESS } : {}),
    ...(trust === false ? {} : { ca: pems.cert }),
  });
}

/** A JSON API call through nginx, with a token if given. */
async function viaNginx(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<RawResponse & { json: () => Json }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const reply = await send(`${nginx.url}${path}`, { method, headers, body });
  return { ...reply, json: () => JSON.parse(reply.body) };
}

/** A case made through nginx, with an invited editor; its links name the public https:// address. */
async function caseThroughNginx(): Promise<{ id: string; facilitator: string; editor: string }> {
  const created = await viaNginx('POST', '/api/cases', { body: { example: true } });
  expect(created.status).toBe(201);
  const { id, token, link } = created.json() as { id: string; token: string; link: string };
  expect(link.startsWith(`${nginx.url}/case/${id}#token=`)).toBe(true);
  const invited = await viaNginx('POST', `/api/cases/${id}/parties`, {
    token,
    body: { name: 'Jobcenter Holbæk', kind: 'department', role: 'editor', departmentId: 'jobcenter' },
  });
  expect(invited.status).toBe(201);
  return { id, facilitator: token, editor: (invited.json() as { token: string }).token };
}

async function model(id: string, token: string) {
  const reply = await viaNginx('GET', `/api/cases/${id}/model`, { token });
  expect(reply.status).toBe(200);
  return reply.json();
}

/**
 * A stock y-websocket client through nginx (wss://), from the browser's address; resolves once
 * synced, with the index of the server whose log shows its upgrade.
 */
async function wssClient(caseId: string, token: string): Promise<NodeClient & { servedBy: number }> {
  const before = upgradeCounts(caseId);
  const ca = pems.cert;
  class BrowserWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { ca, localAddress: BROWSER_ADDRESS, family: 4 });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${nginx.url.replace(/^https/, 'wss')}/ws`, caseId, doc, {
    WebSocketPolyfill: BrowserWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
    maxBackoffTime: 500,
  });
  const client: NodeClient = {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  clients.push(client);
  await waitFor(() => provider.synced, { what: 'sync through nginx', timeoutMs: 10_000 });
  const after = upgradeCounts(caseId);
  const servedBy = after.findIndex((count, index) => count > before[index]!);
  expect(after.reduce((sum, count) => sum + count, 0)).toBe(before.reduce((sum, count) => sum + count, 0) + 1);
  return { ...client, servedBy };
}

/** The websocket upgrades for the case each server logged: which server (index in `servers`), and the address it saw. */
function upgradesOf(caseId: string): { server: number; address: unknown }[] {
  return servers.flatMap((server, index) =>
    server.logs
      .filter((entry) => entry.message === 'websocket upgrade' && String(entry.fields.path).includes(caseId))
      .map((entry) => ({ server: index, address: entry.fields.address })),
  );
}

/** How many upgrades for the case each server has logged. */
function upgradeCounts(caseId: string): number[] {
  return servers.map((_, index) => upgradesOf(caseId).filter((upgrade) => upgrade.server === index).length);
}

function setTitle(client: NodeClient, title: string): void {
  client.doc.transact(() => writeShortText(sectionMap(client.doc, 'facts')!, 'title', title));
}

function titleOf(client: NodeClient): string | undefined {
  return toModel(client.doc).facts.title;
}

// ---------------------------------------------------------------------------------------------
// nginx

type RunningNginx = {
  /** https://localhost:PORT — the public address. */
  url: string;
  httpPort: number;
  pid: number;
  /** What nginx wrote to its error log (stderr) lately. */
  output(): string;
  /** The access log, in the template's `caseroom` format. */
  accessLog(): string;
  /** Fast shutdown (SIGTERM: open websockets are cut, as a restart would), then the directory goes. Idempotent. */
  stop(): Promise<void>;
};

/**
 * Runs nginx with docs/deploy/nginx-caseroom.conf in a temporary prefix directory: the
 * template's ports, certificate files and upstream addresses replaced (each replacement must
 * find its text, so a changed template fails here rather than testing something else), inside
 * a minimal nginx.conf (pid file, temp paths, log in the directory). nginx runs in the
 * foreground as one process (`daemon off; master_process off;`): the test owns its PID, and the
 * kernel sends it SIGTERM should the test process die (setpriv --pdeathsig). As root, the
 * single process stays root (there are no workers to switch to `user`); as any other user it
 * runs the same way, since every path is in the temporary directory and the ports are high.
 */
async function startNginx(options: {
  httpsPort: number;
  httpPort: number;
  upstreams: number[];
  cert: string;
  key: string;
}): Promise<RunningNginx> {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} not found: run \`bash scripts/setup.sh --tests\` to install it`);
  const dir = mkdtempSync(join(tmpdir(), 'caseroom-nginx-'));
  writeFileSync(join(dir, 'cert.pem'), options.cert);
  writeFileSync(join(dir, 'key.pem'), options.key, { mode: 0o600 });
  writeFileSync(join(dir, 'caseroom.conf'), renderTemplate(readFileSync(TEMPLATE, 'utf8'), dir, options));
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      `pid ${dir}/nginx.pid;`,
      'events { worker_connections 256; }',
      'http {',
      `  access_log ${dir}/access.log;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${dir}/${kind};`),
      `  include ${dir}/caseroom.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr', '-g', 'daemon off; master_process off;'];
  const child: ChildProcess = existsSync('/usr/bin/setpriv')
    ? spawn('/usr/bin/setpriv', ['--pdeathsig', 'SIGTERM', '--', NGINX, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(NGINX, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    });
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killNow = () => child.kill('SIGKILL');
  process.once('exit', killNow);
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      process.removeListener('exit', killNow);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopped;
  };
  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`nginx exited:\n${output}`);
        return acceptsConnections(options.httpsPort);
      },
      { what: 'nginx listening', timeoutMs: 10_000, intervalMs: 50 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `https://localhost:${options.httpsPort}`,
    httpPort: options.httpPort,
    pid: child.pid!,
    output: () => output,
    accessLog: () => readFileSync(join(dir, 'caseroom.access.log'), 'utf8'),
    stop,
  };
}

/** The template with this run's values in place of the production ones. */
function renderTemplate(
  template: string,
  dir: string,
  options: { httpsPort: number; httpPort: number; upstreams: number[] },
): string {
  const replacements: [RegExp, string][] = [
    [/^ {4}listen 443 ssl;$/m, `    listen 127.0.0.1:${options.httpsPort} ssl;`],
    [/^ {4}listen 80;$/m, `    listen 127.0.0.1:${options.httpPort};`],
    // No IPv6 in every test machine.
    [/^ {4}listen \[::\]:443 ssl;\n/m, ''],
    [/^ {4}listen \[::\]:80;\n/m, ''],
    [/server_name caseroom\.example\.org;/g, 'server_name localhost;'],
    [/\/etc\/ssl\/caseroom\/fullchain\.pem/, join(dir, 'cert.pem')],
    [/\/etc\/ssl\/caseroom\/privkey\.pem/, join(dir, 'key.pem')],
    [/\/var\/log\/nginx\/caseroom\.access\.log/, join(dir, 'caseroom.access.log')],
    ...options.upstreams.map((port, i): [RegExp, string] => [
      new RegExp(`server 127\\.0\\.0\\.1:${4321 + i} `),
      `server 127.0.0.1:${port} `,
    ]),
  ];
  let rendered = template;
  for (const [pattern, value] of replacements) {
    if (!pattern.test(rendered)) throw new Error(`docs/deploy/nginx-caseroom.conf no longer contains ${pattern}`);
    pattern.lastIndex = 0;
    rendered = rendered.replace(pattern, value);
  }
  return rendered;
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
