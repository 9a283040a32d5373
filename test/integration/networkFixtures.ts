/**
 * Helpers for the network-edge tests (network*.test.ts, tls.test.ts): raw HTTP(S) requests with
 * any Host or header (fetch may not set Host), a built client in a temp directory, a websocket
 * upgrade that reports the HTTP status it was refused with, and the real entry point run with
 * an environment.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import WebSocket from 'ws';
import { REPO_ROOT } from '../support/server.ts';

/** What a raw request got back. */
export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: string };

/** One request with exactly these headers (Host and X-Forwarded-For included); `ca` trusts a test certificate. */
export function rawRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    ca?: string;
    localAddress?: string;
  } = {},
): Promise<RawResponse> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        ca: options.ca,
        agent: false,
        // From another loopback address (127.0.0.2: a browser that is not the proxy).
        ...(options.localAddress ? { localAddress: options.localAddress, family: 4 } : {}),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The body of a JSON error answer. */
export function errorOf(response: RawResponse): { code: string; message: string; [key: string]: unknown } {
  return (JSON.parse(response.body) as { error: { code: string; message: string } }).error;
}

/** The hashed asset the fake built client holds. */
export const ASSET_PATH = '/assets/index-Bx7kQ2aZ.js';

/** A directory that looks like client/dist: index.html and one hashed asset. */
export function makeClientDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseroom-client-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><script type="module" src="${ASSET_PATH}"></script></head><body><div id="root"></div></body></html>`,
  );
  writeFileSync(join(dir, ASSET_PATH), 'console.log("caseroom");');
  return dir;
}

/**
 * A websocket upgrade to `/ws/<caseId>` with these headers: resolves with the open socket and the frames it receives, or
 * with the HTTP status (and JSON body) it was refused with before the upgrade.
 */
export function tryUpgrade(
  wsUrl: string,
  caseId: string,
  options: { token?: string; origin?: string; headers?: Record<string, string>; ca?: string } = {},
): Promise<{ socket: WebSocket; received: Buffer[] } | { status: number; headers: IncomingHttpHeaders; body: string }> {
  const query = options.token === undefined ? '' : `?token=${encodeURIComponent(options.token)}`;
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${wsUrl}/${caseId}${query}`, {
      origin: options.origin,
      headers: options.headers,
      ca: options.ca,
    });
    // Collected from the start: the server's first frames can arrive in the same tick as 'open'.
    const received: Buffer[] = [];
    socket.on('message', (data) => received.push(data as Buffer));
    socket.once('open', () => resolve({ socket, received }));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    socket.once('error', reject);
  });
}

/** The first IPv4 address of this machine that is not loopback, if it has one. */
export function externalIPv4(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const { family, internal, address } of addresses ?? []) {
      if (!internal && family === 'IPv4') return address;
    }
  }
  return undefined;
}

/** Runs the real entry point (server/src/main.ts) with this environment until it exits or prints that it listens. */
export function runMain(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ exitCode: number | null; output: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'server', 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ exitCode: null, output: `${output}\n(timed out)`, stop });
    }, timeoutMs);
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening on /.test(output)) {
        clearTimeout(timer);
        resolve({ exitCode: null, output, stop });
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, output, stop });
    });
  });
}

/** A self-signed certificate for 127.0.0.1 and localhost, made for this test run. */
export async function selfSigned(): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}
