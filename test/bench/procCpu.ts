/**
 * CPU time of processes the benchmark did not fork itself (PostgreSQL and Redis, started by
 * test/support/services.ts, which does not hand out their PIDs), read from Linux's /proc.
 * PostgreSQL runs a process per connection: its CPU is the postmaster's own, what it reaped
 * from exited children (cutime, cstime) and what its live children used so far.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second (USER_HZ): 100 on every Linux architecture Node runs on. */
const TICKS_PER_SECOND = 100;

type ProcStat = { pid: number; ppid: number; ownTicks: number; reapedTicks: number };

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // exited meanwhile
  }
  // The command name (field 2) may hold spaces and parentheses: fields after its last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
  const at = (field: number) => Number(fields[field - 3]);
  return { pid, ppid: at(4), ownTicks: at(14) + at(15), reapedTicks: at(16) + at(17) };
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** The PID of the one process whose command line contains every one of `parts`; undefined if none. */
export function findProcess(parts: string[]): number | undefined {
  for (const pid of allPids()) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue;
    }
    if (parts.every((part) => cmdline.includes(part))) return pid;
  }
  return undefined;
}

/** CPU seconds (user + system) used so far by `rootPid`, its reaped children and its live children. */
export function treeCpuSeconds(rootPid: number): number {
  const stats = allPids()
    .map(readStat)
    .filter((stat) => stat !== undefined);
  const root = stats.find((stat) => stat.pid === rootPid);
  if (!root) return Number.NaN;
  const children = stats.filter((stat) => stat.ppid === rootPid);
  const ticks = root.ownTicks + root.reapedTicks + children.reduce((sum, child) => sum + child.ownTicks, 0);
  return ticks / TICKS_PER_SECOND;
}
