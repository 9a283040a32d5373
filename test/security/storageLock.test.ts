/**
 * Issue 9 item 7: two processes on one data directory lose edits. The data directory is locked
 * (server/src/storage/DataDirLock.ts): a second server refuses to start and names the holder;
 * a lock left by a process that died is taken over.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { openSqliteStores } from '@caseroom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_HOLDER_FILE } from '../../server/src/storage/DataDirLock.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  createCase,
  makeTempDataDir,
  type ServerProcess,
  spawnServerProcess,
  startTestServer,
} from '../support/server.ts';

/** The PID of a process that has exited (and so holds nothing). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('[9.7] the data directory is locked', () => {
  const { servers, dirs } = cleanupAfterEach();
  const processes: ServerProcess[] = [];
  afterEach(async () => {
    for (const child of processes.splice(0)) await child.kill('SIGKILL');
  });

  it('[9.7] a second process on the same data directory refuses to start, naming the holder; the first keeps serving', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const first = await spawnServerProcess(dataDir);
    processes.push(first);
    const { id, token } = await createCase(first.url);

    const refused = await spawnServerProcess(dataDir).then(
      (second) => {
        processes.push(second);
        return 'started';
      },
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/exited \(1\) before listening/);
    expect(refused).toContain(`in use by process ${first.process.pid} on ${hostname()}`);
    expect(refused).toContain(dataDir);
    expect(refused).not.toMatch(/\n\s+at /); // a message, not a stack trace

    // The first server is untouched: it answers and still stores.
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    const decision = await api(first.url, token, 'POST', `/api/cases/${id}/workshop/decisions`, { text: 'Videre' });
    expect(decision.status).toBe(201);
    const holder = JSON.parse(readFileSync(join(dataDir, LOCK_HOLDER_FILE), 'utf8'));
    expect(holder.pid).toBe(first.process.pid);

    // Once the first stops cleanly the directory is free again (and the holder file is gone).
    await first.kill('SIGTERM');
    expect(first.process.exitCode).toBe(0);
    expect(() => readFileSync(join(dataDir, LOCK_HOLDER_FILE))).toThrow();
    const next = await spawnServerProcess(dataDir);
    processes.push(next);
    const model = await api(next.url, token, 'GET', `/api/cases/${id}/workshop`);
    expect(Object.values(model.body.workshop.decisions).map((d) => (d as { text: string }).text)).toEqual(['Videre']);
  });

  it('[9.7] a second server in the same process is refused; the store it would have opened is never touched', async () => {
    const first = await startTestServer();
    servers.push(first);
    const error = await startTestServer({ dataDir: first.dataDir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain(`in use by process ${process.pid}`);
    expect((error as Error).message).toContain('this very process');
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
  });

  it('[9.7] a lock left by a process that died (kill -9, or a holder file naming a dead PID) is taken over, and that is logged', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    // A real crash: the operating system released the lock, the holder file stayed behind.
    const crashed = await spawnServerProcess(dataDir);
    const { id, token } = await createCase(crashed.url);
    await crashed.kill('SIGKILL');
    const left = JSON.parse(readFileSync(join(dataDir, LOCK_HOLDER_FILE), 'utf8'));
    expect(left.pid).toBe(crashed.process.pid);

    const afterCrash = await startTestServer({ dataDir });
    servers.push(afterCrash);
    const takeover = afterCrash.logs.find((line) => line.message.startsWith('data directory lock taken over'));
    expect(takeover?.level).toBe('warn');
    expect(takeover?.fields.previousPid).toBe(crashed.process.pid);
    expect((await api(afterCrash.url, token, 'GET', `/api/cases/${id}/me`)).status).toBe(200);
    await afterCrash.close();

    // A holder file written by hand, naming a PID that is not running.
    const pid = deadPid();
    writeFileSync(
      join(dataDir, LOCK_HOLDER_FILE),
      JSON.stringify({ pid, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z', dataDir }),
    );
    const afterStale = await startTestServer({ dataDir });
    servers.push(afterStale);
    const logged = afterStale.logs.find((line) => line.message.startsWith('data directory lock taken over'));
    expect(logged?.fields.previousPid).toBe(pid);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_HOLDER_FILE), 'utf8')).pid).toBe(process.pid);
    // Reading the database directly (a backup, a test) is not locked out.
    const reader = await openSqliteStores(dataDir);
    expect(await reader.cases.exists(id)).toBe(true);
    await reader.close();
  });
});
