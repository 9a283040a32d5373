/**
 * The benchmark's side of a server process (benchServer.ts forked with tsx): its port, its
 * memory and CPU time over IPC, and a clean stop. BENCH_PROF=<dir> starts it with --cpu-prof.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Which server benchServer.ts runs (see there). */
export type ServerKind = 'caseroom' | 'caseroom-full' | 'caseroom-memory' | 'caseroom-cluster' | 'reference';

/** Memory and CPU time a server process reports about itself. */
export type ProcessUsage = { rss: number; heapUsed: number; cpuMicros: number };

/** One server process under benchmark. */
export class BenchProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  /** Forks benchServer.ts as `kind` with extra environment variables; resolves once it listens. */
  static start(kind: ServerKind, env: Record<string, string> = {}): Promise<BenchProcess> {
    const child = fork(join(here, 'benchServer.ts'), [kind], {
      execArgv: [
        '--import',
        'tsx',
        '--expose-gc',
        ...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
        // E.g. '--perf-basic-prof' (for `perf record -p <pid>`) or '--trace-deopt'.
        ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      ],
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    child.setMaxListeners(0);
    return new Promise((resolve, reject) => {
      child.once('message', (message: { type: string; port: number }) =>
        resolve(new BenchProcess(child, message.port)),
      );
      child.once('exit', (code) => reject(new Error(`bench server ${kind} exited with ${code}`)));
    });
  }

  /** Current memory and CPU time; `afterGc` collects garbage first (RSS of what is retained). */
  usage(afterGc = false): Promise<ProcessUsage> {
    return new Promise((resolve) => {
      const onMessage = (message: { type: string } & ProcessUsage) => {
        if (message.type !== 'memory') return;
        this.child.off('message', onMessage);
        resolve(message);
      };
      this.child.on('message', onMessage);
      this.child.send(afterGc ? 'retained' : 'memory');
    });
  }

  /** Starts or stops the measured window's CPU profile (a no-op unless BENCH_PROF_WINDOW is set). */
  profile(step: 'profile-start' | 'profile-stop'): Promise<void> {
    if (!process.env.BENCH_PROF_WINDOW) return Promise.resolve();
    return new Promise((resolve) => {
      const onMessage = (message: { type: string }) => {
        if (message.type !== step) return;
        this.child.off('message', onMessage);
        resolve();
      };
      this.child.on('message', onMessage);
      this.child.send(step);
    });
  }

  /** Asks the server to close and resolves when the process has exited. */
  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send('stop');
    });
  }
}
