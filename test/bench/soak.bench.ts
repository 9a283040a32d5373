/**
 * `pnpm bench:soak` (issue 9): 1,500 stock y-websocket clients over 500 cases, each editing
 * every 2 s, 1 % of them dropping off and coming back every second, for 10 minutes against the
 * real server in a child process. Prints RSS over time (flat after warm-up: growth under 5 %),
 * edit → other client p50/p99, and whether every client's last edit is stored.
 *   BENCH_SECONDS=600  BENCH_CASES=500  BENCH_CLIENTS_PER_CASE=3
 */
import { formatSoak, runSoak } from './soak.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 600);
const cases = Number(process.env.BENCH_CASES ?? 500);
const clientsPerCase = Number(process.env.BENCH_CLIENTS_PER_CASE ?? 3);
console.log(`bench:soak — ${cases * clientsPerCase} clients over ${cases} cases for ${seconds} s`);
const result = await runSoak({
  cases,
  clientsPerCase,
  seconds,
  editsPerSecond: 0.5,
  churnPerSecond: 0.01,
  progress: (line) => console.log(`  ${line}`),
});
console.log(formatSoak(result));
process.exit(result.lost.length === 0 ? 0 : 1);
