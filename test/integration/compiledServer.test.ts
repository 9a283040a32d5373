import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { bearer, connectSynced, createCase, makeTempDataDir, REPO_ROOT, toWsUrl } from '../support/server.ts';

/**
 * Production runs the server as JavaScript (`pnpm start` = `node --conditions=caseroom-compiled
 * server/dist/main.js`), with no TypeScript loader. This builds it (`pnpm build:server`, so the
 * test runs today's sources), starts that command on port 0 and a temporary data directory,
 * makes sure nothing in the process could have loaded TypeScript, and uses it: a case, a synced
 * y-websocket client, a PDF export (the exchange worker thread, compiled too) and /metrics.
 */

const SERVER_ARGS = ['--conditions=caseroom-compiled', 'server/dist/main.js'];
/** Node's options that could bring a loader in through the environment. */
const LOADER_ENV = ['NODE_OPTIONS', 'NODE_LOADER', 'TSX_TSCONFIG_PATH'];

type Compiled = { child: ChildProcessWithoutNullStreams; url: string; output: () => string };
let server: Compiled | undefined;
const dataDir = makeTempDataDir('caseroom-compiled-');

beforeAll(() => {
  execFileSync('pnpm', ['build:server'], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 120_000 });
}, 150_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    const exited = new Promise((resolveExit) => server?.child.once('exit', resolveExit));
    server.child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the compiled server with an environment that names no loader; resolves with its URL. */
function startCompiled(): Promise<Compiled> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', CASEROOM_DATA_DIR: dataDir };
  for (const name of LOADER_ENV) delete env[name];
  const child = spawn(process.execPath, SERVER_ARGS, { cwd: REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`compiled server did not start:\n${output}`)), 20_000);
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveStart({ child, url: match[1], output: () => output });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`compiled server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

/** Waits until the output has a line matching `pattern` (a log line is written after its answer). */
async function waitForLine(output: () => string, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!pattern.test(output())) {
    if (Date.now() > deadline) throw new Error(`no line matching ${pattern} in:\n${output()}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
}

/** Every file under a folder, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the compiled server', () => {
  const resources = cleanupAfterEach();

  it('holds only JavaScript, and imports neither tsx nor the TypeScript sources', () => {
    for (const dist of ['server/dist', 'shared/dist']) {
      const files = filesUnder(join(REPO_ROOT, dist));
      expect(files.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(50);
      // .d.ts (shared's types for the server's build) and maps are not run; no .ts module is.
      expect(files.filter((file) => /\.(ts|mts|cts)$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
      for (const file of files.filter((name) => name.endsWith('.js'))) {
        const text = readFileSync(file, 'utf8');
        expect(text, file).not.toMatch(/(?:from|import\()\s*['"](?:tsx|[^'"]+\.[mc]?ts['"])/);
      }
    }
    // The tsx boot of the worker is not part of the build: the compiled worker starts directly.
    expect(existsSync(join(REPO_ROOT, 'server/dist/exchange/exchangeWorkerBoot.mjs'))).toBe(false);
    expect(existsSync(join(REPO_ROOT, 'server/dist/exchange/exchangeWorker.js'))).toBe(true);
  });

  it('runs under plain node: creates a case, syncs a client, exports a PDF in its worker, serves /metrics', async () => {
    server = await startCompiled();
    const pid = server.child.pid;
    if (pid === undefined) throw new Error('no pid');
    // The process is exactly `node --conditions=caseroom-compiled server/dist/main.js`, and its
    // environment gives Node no loader: Node 20 cannot run a .ts module without one, so every
    // module the server and its worker load is compiled JavaScript.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(cmdline).toEqual([process.execPath, ...SERVER_ARGS]);
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    expect(environ.filter((entry) => LOADER_ENV.some((name) => entry.startsWith(`${name}=`)))).toEqual([]);
    expect(server.output()).not.toMatch(/tsx|ERR_UNKNOWN_FILE_EXTENSION/);

    const created = await createCase(server.url, { example: true });
    const client = await connectSynced(toWsUrl(server.url), created.id, { token: created.token });
    resources.clients.push(client);
    expect(client.doc.share.size).toBeGreaterThan(0);

    const pdf = await fetch(`${server.url}/api/cases/${created.id}/export.pdf?lang=en`, {
      headers: bearer(created.token),
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);

    const metrics = await fetch(`${server.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^# TYPE caseroom_connections gauge$/m);
    expect(server.output()).not.toMatch(/exchange worker failed/);

    // Its log is one JSON object a line (pino), the request line included, without the token.
    const logLines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logLines.find((line) => line.msg === 'network')).toMatchObject({ level: 'info', url: server.url });
    await waitForLine(() => server?.output() ?? '', /"path":"[^"]*\/export\.pdf[^"]*","status":200.*"msg":"request"/);
    expect(server.output()).not.toContain(created.token);
  });
});
