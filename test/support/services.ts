/**
 * Real PostgreSQL and Redis for tests (issue 14): each instance runs on a free port with its
 * own temporary directory and belongs to the test file that started it — never a system
 * service, never a fixed port, so two test files can run their own instances side by side.
 * Both run in the foreground as child processes of the test, so the test owns their PIDs.
 * PostgreSQL refuses to run as root (CI runs as root): as root, its directory belongs to the
 * `postgres` user and initdb and postgres are spawned with that user's uid and gid.
 * Call `stop()` in `afterAll`. Should a test process die first, the servers get a signal from the
 * kernel (parent-death signal) and stop; a process exit without stop() also stops them.
 */
import { type ChildProcess, execFile, type SpawnOptions, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
const SETUP_HINT = 'run `bash scripts/setup.sh --tests` to install it';
/** How often a start is tried with a fresh port when another process took the port first. */
const PORT_ATTEMPTS = 4;

/** A PostgreSQL server started for a test. */
export type TestPostgres = {
  /** postgres://postgres@127.0.0.1:PORT/caseroom (superuser, no password). */
  url: string;
  port: number;
  /** The temporary directory holding the cluster, its socket and server.log. */
  dir: string;
  /** Stops the server (fast shutdown) and removes its directory. Idempotent. */
  stop(): Promise<void>;
  /** Stops the server (its data kept) until `resume`: clients see the database go away (issue 14's outage tests). */
  pause(): Promise<void>;
  /** Starts the paused server again on the same port with the same data. */
  resume(): Promise<void>;
};

/** A Redis server started for a test. */
export type TestRedis = {
  /** redis://127.0.0.1:PORT */
  url: string;
  port: number;
  /** The server's temporary working directory. */
  dir: string;
  /** Stops the server (SIGTERM, waits for the exit) and removes its directory. Idempotent. */
  stop(): Promise<void>;
  /** Stops the server and starts a new, empty one on the same port (clients see a lost connection). */
  restart(): Promise<void>;
};

/** Instances still running, stopped synchronously if the process exits without `stop()`. */
const leftovers = new Set<() => void>();
let exitHookInstalled = false;

function trackUntilStopped(stopNow: () => void): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const stop of leftovers) stop();
    });
  }
  leftovers.add(stopNow);
  return () => leftovers.delete(stopNow);
}

const OWNER_FILE = 'owner.pid';

/**
 * A fresh temporary directory `<prefix>XXXXXX` marked with this process's PID. Directories of
 * processes that died without stop() (a killed test worker) are removed first — a PostgreSQL
 * cluster is ~40 MB, and their servers are already gone (see spawnUntilReady).
 */
function makeServiceDir(prefix: string): string {
  const parent = tmpdir();
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const path = join(parent, name);
    const owner = ownerOf(path);
    if (owner !== undefined && !isAlive(owner)) rmSync(path, { recursive: true, force: true });
  }
  const dir = mkdtempSync(join(parent, prefix));
  writeFileSync(join(dir, OWNER_FILE), String(process.pid));
  return dir;
}

/** The PID a service directory is marked with; undefined while another process is still making it. */
function ownerOf(dir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(dir, OWNER_FILE), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago (bind port 0, read it, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port (we can bind it ourselves). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** The newest installed /usr/lib/postgresql/<version>/bin holding initdb, pg_ctl and postgres. */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error(`PostgreSQL server binaries not found in ${root}: ${SETUP_HINT}`);
  return join(root, versions[0]!, 'bin');
}

/** Whom PostgreSQL runs as: the `postgres` user when we are root (initdb and postgres refuse root). */
type PostgresUser = { uid: number; gid: number } | undefined;

function postgresUser(): PostgresUser {
  if (process.getuid?.() !== 0) return undefined;
  const entry = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('postgres:'));
  const [, , uid, gid] = entry?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error(`running as root needs the 'postgres' user (from the postgresql package): ${SETUP_HINT}`);
  }
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Starts a fresh PostgreSQL server: initdb (trust authentication) in a temporary directory, then
 * `postgres` itself in the foreground as a child of this process (not through pg_ctl, whose
 * daemonized server would be nobody's child), on a free port, listening on 127.0.0.1 only with
 * its socket in that directory; then a database `caseroom`. Durability is off (fsync,
 * synchronous_commit): test data need not survive a power cut, and start and writes are faster.
 */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const user = postgresUser();
  const dir = makeServiceDir('caseroom-pg-');
  if (user) chownSync(dir, user.uid, user.gid);
  const dataDir = join(dir, 'data');
  const asPostgres = { cwd: dir, ...(user ?? {}) };
  let server: ChildProcess | undefined;
  // Immediate shutdown: the only kind that cannot wait on anything when the process is exiting.
  const stopNow = () => {
    server?.kill('SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  };
  const untrack = trackUntilStopped(stopNow);
  try {
    const initdbArgs = ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync'];
    await run(join(bin, 'initdb'), initdbArgs, { ...asPostgres, timeout: 60_000 }).catch((error) => {
      throw new Error(`initdb failed: ${String(error.stderr || error.message).trim()}`);
    });
    let port = 0;
    for (let attempt = 1; !server; attempt++) {
      port = await freePort();
      const settings = ['listen_addresses=127.0.0.1', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
      const args = ['-D', dataDir, '-p', String(port), '-k', dir, ...settings.flatMap((setting) => ['-c', setting])];
      try {
        // SIGQUIT is PostgreSQL's immediate shutdown: nothing left to wait for once we are gone.
        const options = { ...asPostgres, deathSignal: 'SIGQUIT' as const };
        server = await spawnUntilReady(join(bin, 'postgres'), args, options, 'ready to accept connections');
      } catch (error) {
        // Another process took the port between freePort() and the bind: try another one.
        if (attempt < PORT_ATTEMPTS && /could not bind|could not create any TCP/i.test(outputOf(error))) continue;
        throw error;
      }
    }
    const url = `postgres://postgres@127.0.0.1:${port}/caseroom`;
    await createDatabase(url.replace(/\/caseroom$/, '/postgres'), 'caseroom');
    let stopped: Promise<void> | undefined;
    const settings = ['listen_addresses=127.0.0.1', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
    const startArgs = ['-D', dataDir, '-p', String(port), '-k', dir, ...settings.flatMap((setting) => ['-c', setting])];
    return {
      pause: async () => {
        if (server) await stopChild(server, 'SIGINT');
      },
      resume: async () => {
        const options = { ...asPostgres, deathSignal: 'SIGQUIT' as const };
        server = await spawnUntilReady(join(bin, 'postgres'), startArgs, options, 'ready to accept connections');
      },
      url,
      port,
      dir,
      stop: () => {
        stopped ??= (async () => {
          untrack();
          // SIGINT is PostgreSQL's fast shutdown (what `pg_ctl stop -m fast` sends).
          if (server) await stopChild(server, 'SIGINT');
          rmSync(dir, { recursive: true, force: true });
        })();
        return stopped;
      },
    };
  } catch (error) {
    untrack();
    stopNow();
    throw error;
  }
}

/**
 * Creates an empty database `name` on the server at `url` and returns its URL — one per test
 * file, so test files sharing a server never see each other's tables.
 */
export async function createDatabase(url: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

// ---------------------------------------------------------------------------------------------
// Redis

function spawnRedis(binary: string, port: number, dir: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  return spawnUntilReady(binary, args, { cwd: dir, deathSignal: 'SIGTERM' }, 'Ready to accept connections');
}

function redisBinary(): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat('/usr/bin', '/usr/sbin')) {
    if (dir && existsSync(join(dir, 'redis-server'))) return join(dir, 'redis-server');
  }
  throw new Error(`redis-server not found: ${SETUP_HINT}`);
}

/** The last lines a failed child wrote, attached to the error spawnUntilReady rejects with. */
function outputOf(error: unknown): string {
  return (error as { output?: string }).output ?? '';
}

const SETPRIV = '/usr/bin/setpriv';

/**
 * Spawns a server in the foreground and resolves once its output contains `readyText`; rejects
 * (with the output tail) if it exits first or takes longer than 30 s. The server gets
 * `deathSignal` when this process dies: vitest ends a worker without running exit hooks, and a
 * test file that crashed must not leave a server behind (`setpriv --pdeathsig` sets it, then
 * execs the server, so the child's PID is the server's own).
 */
function spawnUntilReady(
  file: string,
  args: string[],
  options: SpawnOptions & { deathSignal: NodeJS.Signals },
  readyText: string,
): Promise<ChildProcess> {
  const name = basename(file);
  const { deathSignal, ...spawnOptions } = options;
  const [command, argv] = existsSync(SETPRIV)
    ? [SETPRIV, ['--pdeathsig', deathSignal, '--', file, ...args]]
    : [file, args];
  const child = spawn(command, argv, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (message: string) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`${message}:\n${output}`), { output }));
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(`${name} did not start within 30 s`);
    }, 30_000);
    const onExit = (code: number | null, signal: string | null) =>
      fail(`${name} exited (${code ?? signal}) before it was ready`);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (!output.includes(readyText)) return;
      clearTimeout(timer);
      child.removeListener('exit', onExit);
      for (const stream of [child.stdout, child.stderr]) {
        stream?.removeListener('data', onData);
        // Keep draining: a server blocked on a full pipe would hang the test.
        stream?.resume();
      }
      resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', (error) => fail(`${name} could not be started (${error.message})`));
  });
}

/** Sends `signal` and resolves when the child has exited (at once if it already has). */
function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/**
 * Starts redis-server as a child process of this test (not daemonized: the test owns its PID)
 * on a free port, in memory only (`--save ''`, no append-only file), in a temporary directory.
 */
export async function startRedis(): Promise<TestRedis> {
  const binary = redisBinary();
  const dir = makeServiceDir('caseroom-redis-');
  let child: ChildProcess | undefined;
  const stopNow = () => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const untrack = trackUntilStopped(stopNow);
  let port = 0;
  try {
    for (let attempt = 1; !child; attempt++) {
      port = await freePort();
      try {
        child = await spawnRedis(binary, port, dir);
      } catch (error) {
        if (attempt < PORT_ATTEMPTS && /address already in use/i.test(outputOf(error))) continue;
        throw error;
      }
    }
  } catch (error) {
    untrack();
    stopNow();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    stop: () => {
      stopped ??= (async () => {
        untrack();
        if (child) await stopChild(child, 'SIGTERM');
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
    restart: async () => {
      if (stopped) throw new Error('restart() after stop()');
      if (child) await stopChild(child, 'SIGTERM');
      child = undefined;
      child = await spawnRedis(binary, port, dir);
    },
  };
}
