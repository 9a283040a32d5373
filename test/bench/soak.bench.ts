/**
 * `pnpm bench:soak` (issue 9): 1,500 stock y-websocket clients over 500 cases, each editing
 * every 2 s, 1 % of them dropping off and coming back every second, for 10 minutes against the
 * real server in a child process. Prints RSS over time (flat after warm-up: growth under 5 %),
 * edit → other client p50/p99, and whether every client's last edit is stored.
 *   BENCH_SECONDS=600  BENCH_CASES=500  BENCH_CLIENTS_PER_CASE=3
 *   BENCH_UNLOAD_GRACE_MS=30000   how long the server keeps a case nobody is connected to
 *   BENCH_HEAP_SNAPSHOT=/tmp/soak   heap snapshots of the server at the start and once everyone left
 *   BENCH_SERVER=reference   the same load on @y/websocket-server 0.1.1 (in memory): how much a
 *                            server that only holds the documents grows under it
 */
import { formatSoak, runSoak } from './soak.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 600);
const cases = Number(process.env.BENCH_CASES ?? 500);
const clientsPerCase = Number(process.env.BENCH_CLIENTS_PER_CASE ?? 3);
const server = process.env.BENCH_SERVER === 'reference' ? 'reference' : 'caseroom';
console.log(`bench:soak — ${server}: ${cases * clientsPerCase} clients over ${cases} cases for ${seconds} s`);
const result = await runSoak({
  cases,
  clientsPerCase,
  seconds,
  editsPerSecond: 0.5,
  churnPerSecond: 0.01,
  server,
  unloadGraceMs: process.env.BENCH_UNLOAD_GRACE_MS ? Number(process.env.BENCH_UNLOAD_GRACE_MS) : undefined,
  heapSnapshots: process.env.BENCH_HEAP_SNAPSHOT,
  progress: (line) => console.log(`  ${line}`),
});
console.log(formatSoak(result));
process.exit(result.lost.length === 0 ? 0 : 1);
