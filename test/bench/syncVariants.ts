/**
 * The servers `pnpm bench:sync` compares, each started fresh for every profile:
 *   sqlite          one Caseroom process, SQLite (synchronous=NORMAL), every update committed before relay
 *   sqlite-full     the same with synchronous=FULL       (BENCH_VARIANTS=…,sqlite-full)
 *   sqlite-memory   the same with SQLite in memory       (BENCH_VARIANTS=…,sqlite-memory)
 *   pg+redis ×N     N Caseroom processes on one PostgreSQL database (a fresh one per run) and one
 *                   Redis: one owner per case, the other processes tunnel their clients to it
 *   reference       @y/websocket-server 0.1.1, in memory, persisting nothing
 * PostgreSQL and Redis are started once for the whole bench (test/support/services.ts;
 * PostgreSQL without fsync, as in the tests) and their CPU is read from /proc.
 */
import { createDatabase, startPostgres, startRedis, type TestPostgres, type TestRedis } from '../support/services.ts';
import { BenchProcess, type ServerKind } from './benchProcess.ts';
import { findProcess, treeCpuSeconds } from './procCpu.ts';

/** One server setup under benchmark. */
export type Variant = { name: string; kind: ServerKind; processes: number };

/** Every variant by the name BENCH_VARIANTS uses. */
export const VARIANTS: Record<string, Variant> = {
  sqlite: { name: 'sqlite', kind: 'caseroom', processes: 1 },
  'sqlite-full': { name: 'sqlite FULL', kind: 'caseroom-full', processes: 1 },
  'sqlite-memory': { name: 'sqlite :memory:', kind: 'caseroom-memory', processes: 1 },
  pg1: { name: 'pg+redis ×1', kind: 'caseroom-cluster', processes: 1 },
  pg2: { name: 'pg+redis ×2', kind: 'caseroom-cluster', processes: 2 },
  pg3: { name: 'pg+redis ×3', kind: 'caseroom-cluster', processes: 3 },
  reference: { name: 'reference', kind: 'reference', processes: 1 },
};

/** CPU seconds used so far: the servers under test, and PostgreSQL and Redis (NaN when not running or not found). */
export type CpuReading = { servers: number; postgres: number; redis: number };

/** A case to connect to and the token that opens it (the reference server ignores it). */
export type BenchCase = { id: string; token: string };

/** A variant's processes, running. */
export type Deployment = {
  /** ws://127.0.0.1:PORT/ws of each process. */
  wsUrls: string[];
  createCases(count: number): Promise<BenchCase[]>;
  cpu(): Promise<CpuReading>;
  /** RSS summed over the processes after a full collection, in bytes. */
  retainedRss(): Promise<number>;
  /** Starts or stops every server's CPU profile of the measured window (BENCH_PROF_WINDOW). */
  profile(step: 'profile-start' | 'profile-stop'): Promise<void>;
  /** RSS summed over the processes now, in bytes. */
  rss(): Promise<number>;
  stop(): Promise<void>;
};

type Services = { postgres: TestPostgres; redis: TestRedis; postgresPid?: number; redisPid?: number };
let services: Services | undefined;
let databases = 0;

async function sharedServices(): Promise<Services> {
  if (services) return services;
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  services = {
    postgres,
    redis,
    postgresPid: findProcess(['postgres', '-D', postgres.dir]),
    redisPid: findProcess(['redis-server', `:${redis.port}`]),
  };
  return services;
}

/** Stops PostgreSQL and Redis if a variant started them. */
export async function stopServices(): Promise<void> {
  await Promise.all([services?.postgres.stop(), services?.redis.stop()]);
  services = undefined;
}

/** Starts a variant's processes (for pg+redis: on a database of their own) and waits until they listen. */
export async function deploy(variant: Variant): Promise<Deployment> {
  let env: Record<string, string> = {};
  let shared: Services | undefined;
  if (variant.kind === 'caseroom-cluster') {
    shared = await sharedServices();
    const databaseUrl = await createDatabase(shared.postgres.url, `bench_${process.pid}_${databases++}`);
    env = { BENCH_DATABASE_URL: databaseUrl, BENCH_REDIS_URL: shared.redis.url };
  }
  // The first alone (it creates the schema and the organisation), then the others together.
  const first = await BenchProcess.start(variant.kind, env);
  const others = Array.from({ length: variant.processes - 1 }, () => BenchProcess.start(variant.kind, env));
  const processes = [first, ...(await Promise.all(others))];
  const sum = async (read: (p: BenchProcess) => Promise<number>) =>
    (await Promise.all(processes.map(read))).reduce((total, value) => total + value, 0);
  const serviceCpu = (pid: number | undefined) => (pid === undefined ? Number.NaN : treeCpuSeconds(pid));
  return {
    wsUrls: processes.map((p) => `ws://127.0.0.1:${p.port}/ws`),
    createCases: (count) => createCases(variant.kind, processes[0]!.port, count),
    cpu: async () => ({
      servers: (await sum(async (p) => (await p.usage()).cpuMicros)) / 1e6,
      postgres: shared ? serviceCpu(shared.postgresPid) : Number.NaN,
      redis: shared ? serviceCpu(shared.redisPid) : Number.NaN,
    }),
    profile: async (step) => {
      await Promise.all(processes.map((p) => p.profile(step)));
    },
    retainedRss: () => sum(async (p) => (await p.usage(true)).rss),
    rss: () => sum(async (p) => (await p.usage()).rss),
    stop: async () => {
      await Promise.all(processes.map((p) => p.stop()));
    },
  };
}

async function createCases(kind: ServerKind, port: number, count: number): Promise<BenchCase[]> {
  if (kind === 'reference')
    return Array.from({ length: count }, (_, i) => ({ id: `bench-case-${i}`, token: 'ignored' }));
  const cases: BenchCase[] = [];
  // A few at a time: creation is not what is measured, but 500 one by one take a while.
  for (let i = 0; i < count; i += 10) {
    const batch = Array.from({ length: Math.min(10, count - i) }, async () => {
      const response = await fetch(`http://127.0.0.1:${port}/api/cases`, { method: 'POST' });
      if (!response.ok) throw new Error(`POST /api/cases: ${response.status} ${await response.text()}`);
      return (await response.json()) as BenchCase;
    });
    cases.push(...(await Promise.all(batch)));
  }
  return cases;
}
