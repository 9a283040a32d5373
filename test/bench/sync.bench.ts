/**
 * Sync benchmark (issue 14): edit → other-client latency, edits/s, server CPU per edit and
 * memory per open case, for three profiles —
 *   (a) 50 clients in one case, 2 edits/s each
 *   (b) 200 cases × 5 clients, 1 edit/s each
 *   (c) 500 cases × 3 clients, 0.25 edit/s each
 * — against Caseroom on SQLite (one process, every update committed before it is relayed), on
 * PostgreSQL + Redis with 1, 2 and 3 processes (a case's clients spread over them), and the
 * reference @y/websocket-server 0.1.1 (in memory, persisting nothing), all in the same run and
 * each started fresh for each profile (syncVariants.ts, syncLoad.ts).
 *
 *   pnpm bench:sync                 all profiles and variants, BENCH_SECONDS=15 measured per run (~10 min)
 *   pnpm bench:sync --quick         (or BENCH_QUICK=1) a smoke run: profiles a fifth of the size
 *                                   (20 clients; 40 × 5; 100 × 3), 3 s measured (~2 min)
 *   BENCH_PROFILES=bc               some profiles; BENCH_PROFILES=none: only the token check
 *   BENCH_VARIANTS=sqlite,pg2       some variants (the reference always runs); more:
 *                                   sqlite-full (synchronous=FULL), sqlite-memory (SQLite in memory)
 *   BENCH_ROUNDS=3                  alternate the variants' order and report medians
 *   BENCH_WARMUP=20                 seconds of load before the measured window (default 3): a
 *                                   longer one measures a server whose code V8 has finished optimising
 *   BENCH_PROF=<dir>                --cpu-prof every server process into <dir> (cpuProfileTop.ts reads them)
 *   BENCH_PROF_WINDOW=<dir>         the same for the measured window only (no start-up, no case creation)
 *
 * CPU is user + system seconds of the server processes in the measured window (summed over a
 * variant's processes); PostgreSQL's (every backend) and Redis's are shown apart, read from
 * /proc. The clients all run in this process: when the servers use little CPU and latency still
 * grows, the clients are the bottleneck. Exits with 1 if any edit was lost: every client must
 * see every edit of every other client of its case.
 */

import { type LoadResult, type Profile, runLoad, type Timing } from './syncLoad.ts';
import { deploy, stopServices, VARIANTS, type Variant } from './syncVariants.ts';
import { formatTokenCheck, measureTokenCheck } from './tokenCheck.ts';

const QUICK = process.env.BENCH_QUICK === '1' || process.argv.includes('--quick');
const SCALE = QUICK ? 5 : 1;
const PROFILES: Profile[] = [
  { key: 'a', name: '(a) 50 clients in one case, 2 edits/s each', cases: 1, clientsPerCase: 50, editsPerSecond: 2 },
  { key: 'b', name: '(b) 200 cases × 5 clients, 1 edit/s each', cases: 200, clientsPerCase: 5, editsPerSecond: 1 },
  {
    key: 'c',
    name: '(c) 500 cases × 3 clients, 0.25 edit/s each',
    cases: 500,
    clientsPerCase: 3,
    editsPerSecond: 0.25,
  },
].map((profile) =>
  QUICK
    ? {
        ...profile,
        name: `${profile.name} — quick: ÷${SCALE}`,
        cases: Math.max(1, profile.cases / SCALE),
        clientsPerCase: profile.cases === 1 ? Math.round((profile.clientsPerCase * 2) / SCALE) : profile.clientsPerCase,
      }
    : profile,
);
const TIMING: Timing = {
  warmup: Number(process.env.BENCH_WARMUP ?? (QUICK ? 1 : 3)),
  measure: Number(process.env.BENCH_SECONDS ?? (QUICK ? 3 : 15)),
  drainTimeout: 10,
};
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const variantKeys = (process.env.BENCH_VARIANTS ?? 'sqlite,pg1,pg2,pg3')
  .split(',')
  .filter((key) => key !== 'reference');
for (const key of variantKeys) {
  if (!VARIANTS[key]) throw new Error(`unknown variant ${key}: one of ${Object.keys(VARIANTS).join(', ')}`);
}
const variants: Variant[] = [...variantKeys.map((key) => VARIANTS[key]!), VARIANTS.reference!];
const REFERENCE = VARIANTS.reference!.name;

/** The numbers a table row shows, from one run or the medians of several. */
type Row = {
  p50: number;
  p99: number;
  max: number;
  editsPerSecond: number;
  cpuPer1000: number;
  postgresPer1000: number;
  redisPer1000: number;
  rssPerCaseKiB: number;
  peakRssMiB: number;
  lost: number;
};

/** Below this many cases, RSS per case is mostly the noise of the process's RSS: not shown. */
const RSS_PER_CASE_MIN_CASES = 20;

function rowOf(result: LoadResult, profile: Profile): Row {
  const per1000 = (seconds: number) => (1000 * seconds) / Math.max(1, result.edits);
  return {
    p50: result.p50,
    p99: result.p99,
    max: result.max,
    editsPerSecond: result.deliveredEditsPerSecond,
    cpuPer1000: per1000(result.cpu.servers),
    postgresPer1000: per1000(result.cpu.postgres),
    redisPer1000: per1000(result.cpu.redis),
    rssPerCaseKiB: profile.cases >= RSS_PER_CASE_MIN_CASES ? result.rssPerCaseKiB : Number.NaN,
    peakRssMiB: result.peakRssMiB,
    lost: result.lost,
  };
}

/** Field-wise medians of several rounds; losses add up. */
function medianRow(rows: Row[]): Row {
  const median = (field: keyof Row) => {
    const values = rows.map((row) => row[field]).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)]!;
  };
  const row = Object.fromEntries(Object.keys(rows[0]!).map((field) => [field, median(field as keyof Row)])) as Row;
  return { ...row, lost: rows.reduce((sum, r) => sum + r.lost, 0) };
}

const COLUMNS: [string, number][] = [
  ['variant', 13],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['max ms', 7],
  ['edits/s', 8],
  ['CPU s/1k', 9],
  ['PG s/1k', 8],
  ['Redis s/1k', 11],
  ['RSS/case KiB', 13],
  ['peak MiB', 9],
  ['lost', 5],
  ['p99 vs ref', 11],
  ['CPU vs ref', 11],
];

function line(cells: string[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(COLUMNS[i]![1]) : cell.padStart(COLUMNS[i]![1]))).join(' ');
}

function formatRow(name: string, row: Row, reference: Row): string {
  const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
  const ratio = (ours: number, theirs: number) => `×${fixed(ours / theirs, 2)}`;
  return line([
    name,
    fixed(row.p50, 1),
    fixed(row.p99, 1),
    fixed(row.max, 0),
    fixed(row.editsPerSecond, 0),
    fixed(row.cpuPer1000, 3),
    fixed(row.postgresPer1000, 3),
    fixed(row.redisPer1000, 3),
    fixed(row.rssPerCaseKiB, 1),
    fixed(row.peakRssMiB, 0),
    String(row.lost),
    name === REFERENCE ? '' : ratio(row.p99, reference.p99),
    name === REFERENCE ? '' : ratio(row.cpuPer1000, reference.cpuPer1000),
  ]);
}

// Every WebsocketProvider adds a process 'exit' listener.
process.setMaxListeners(0);
const benchStart = performance.now();
console.log(
  `Sync benchmark${QUICK ? ' (quick)' : ''}: ${TIMING.measure} s measured per run after ${TIMING.warmup} s warm-up, ${ROUNDS} round(s), node ${process.version}`,
);
console.log(formatTokenCheck(await measureTokenCheck()));
const selected = PROFILES.filter((profile) => (process.env.BENCH_PROFILES ?? 'abc').includes(profile.key));
let totalLost = 0;
try {
  for (const profile of selected) {
    const rows = new Map<string, Row[]>(variants.map((variant) => [variant.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const variant of round % 2 === 0 ? variants : [...variants].reverse()) {
        const started = performance.now();
        const deployment = await deploy(variant);
        const deployed = performance.now();
        let result: LoadResult;
        try {
          result = await runLoad(deployment, profile, TIMING);
        } finally {
          await deployment.stop();
        }
        rows.get(variant.name)!.push(rowOf(result, profile));
        const seconds = (ms: number) => (ms / 1000).toFixed(1);
        console.error(
          `  ${profile.key} ${variant.name}: ${seconds(performance.now() - started)} s (start ${seconds(deployed - started)} s, cases and clients ${result.setupSeconds.toFixed(1)} s)`,
        );
      }
    }
    const medians = new Map([...rows].map(([name, runs]) => [name, medianRow(runs)]));
    const reference = medians.get(REFERENCE)!;
    console.log(`\n${profile.name}`);
    console.log(line(COLUMNS.map(([title]) => title)));
    for (const [name, row] of medians) {
      console.log(formatRow(name, row, reference));
      totalLost += row.lost;
    }
  }
} finally {
  await stopServices();
}
console.log(
  `\nedits/s: delivered to every other client of the case; CPU s/1k: server CPU seconds per 1,000 edits (PG, Redis: theirs);` +
    ` RSS/case: retained RSS with every case open and its clients connected, less the idle server's, per case;` +
    ` ratios: against the reference${ROUNDS > 1 ? ' (medians of the rounds)' : ''}. ${((performance.now() - benchStart) / 1000).toFixed(0)} s in all.`,
);
if (totalLost > 0) {
  console.log(`LOST: ${totalLost} edit deliveries never reached a client`);
  process.exit(1);
}
process.exit(0);
