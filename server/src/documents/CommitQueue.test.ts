import { describe, expect, it } from 'vitest';
import { type CommitOutcome, CommitQueue } from './CommitQueue.ts';

/** An update whose bytes spell its name, so a write's batch reads as a list of names. */
function update(name: string): Uint8Array {
  return new TextEncoder().encode(name);
}

/** A promise with its resolve and reject in hand. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * A queue over a fake store write that records each write's batch (and everything else that
 * happens, in order, in `events`). `hold()` makes the next write wait until the test resolves
 * (stored) or rejects (failed) it by hand.
 */
function recordingQueue() {
  const writes: string[][] = [];
  const events: string[] = [];
  const holds: ReturnType<typeof deferred>[] = [];
  const queue = new CommitQueue(async (updates) => {
    const names = updates.map((bytes) => new TextDecoder().decode(bytes));
    writes.push(names);
    events.push(`write ${names.join(',')}`);
    const held = holds.shift();
    if (held) await held.promise;
  });
  const hold = () => {
    const held = deferred();
    holds.push(held);
    return held;
  };
  return { queue, writes, events, hold };
}

/** Lets the event loop run a few turns: enough for a queued batch to start writing. */
async function turns(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Whether a promise has settled by now (after a few turns). */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  await turns();
  return settled;
}

describe('CommitQueue', () => {
  it('writes the updates appended in one turn in one write call, in the order appended', async () => {
    const { queue, writes } = recordingQueue();
    const outcomes = ['a', 'b', 'c'].map((name) => queue.append(update(name)));
    expect(writes).toEqual([]);
    expect(await Promise.all(outcomes)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(writes).toEqual([['a', 'b', 'c']]);
  });

  it('group commit: what is appended while a write is in flight is the next batch, written after it', async () => {
    const { queue, writes, hold } = recordingQueue();
    const first = hold();
    const a = queue.append(update('a'));
    await turns();
    expect(writes).toEqual([['a']]);
    const b = queue.append(update('b'));
    await turns();
    const c = queue.append(update('c'));
    await turns();
    // Nothing more is written while the first write is in flight, and nothing has resolved.
    expect(writes).toEqual([['a']]);
    expect(await isSettled(a)).toBe(false);
    expect(await isSettled(b)).toBe(false);

    first.resolve();
    expect(await a).toEqual({ ok: true });
    expect(await Promise.all([b, c])).toEqual([{ ok: true }, { ok: true }]);
    expect(writes).toEqual([['a'], ['b', 'c']]);
  });

  it('a failed write resolves every update of its batch with ok: false (never rejects), and the next batch still runs', async () => {
    const { queue, writes, hold } = recordingQueue();
    const first = hold();
    const a = queue.append(update('a'));
    const b = queue.append(update('b'));
    await turns();
    const c = queue.append(update('c'));
    const fault = new Error('disk full');
    first.reject(fault);
    const failed: CommitOutcome = { ok: false, error: fault };
    expect(await Promise.all([a, b])).toEqual([failed, failed]);
    expect(await c).toEqual({ ok: true });
    expect(writes).toEqual([['a', 'b'], ['c']]);
    // And the queue goes on after that.
    expect(await queue.append(update('d'))).toEqual({ ok: true });
    expect(writes).toEqual([['a', 'b'], ['c'], ['d']]);
  });

  it('run(job) runs after everything queued before it and before anything queued after', async () => {
    const { queue, events } = recordingQueue();
    queue.append(update('a'));
    const result = queue.run(async () => {
      events.push('job');
      return 7;
    });
    // Appended in the same turn as `a`, but after the job: not in `a`'s batch.
    queue.append(update('b'));
    expect(await result).toBe(7);
    await queue.settled();
    expect(events).toEqual(['write a', 'job', 'write b']);
  });

  it('run(job) waits for a write in flight, and what is appended meanwhile waits for the job', async () => {
    const { queue, events, hold } = recordingQueue();
    const first = hold();
    queue.append(update('a'));
    await turns();
    const job = deferred();
    const ran = queue.run(async () => {
      events.push('job start');
      await job.promise;
      events.push('job end');
    });
    const b = queue.append(update('b'));
    await turns();
    expect(events).toEqual(['write a']);

    first.resolve();
    await turns();
    expect(events).toEqual(['write a', 'job start']);
    expect(await isSettled(b)).toBe(false);

    job.resolve();
    await ran;
    expect(await b).toEqual({ ok: true });
    expect(events).toEqual(['write a', 'job start', 'job end', 'write b']);
  });

  it('a job that throws rejects its own run, and the queue goes on', async () => {
    const { queue, writes } = recordingQueue();
    const failing = queue.run(async () => {
      throw new Error('compaction failed');
    });
    const after = queue.append(update('a'));
    await expect(failing).rejects.toThrow('compaction failed');
    expect(await after).toEqual({ ok: true });
    expect(writes).toEqual([['a']]);
  });

  it('settled() resolves only when everything queued so far is written, failed or run', async () => {
    const { queue, events, hold } = recordingQueue();
    expect(await isSettled(queue.settled())).toBe(true);

    const first = hold();
    const second = hold();
    queue.append(update('a'));
    await turns();
    queue.append(update('b'));
    queue.run(async () => {
      events.push('job');
    });
    const settled = queue.settled();
    expect(await isSettled(settled)).toBe(false);

    first.reject(new Error('disk full'));
    await turns();
    expect(events).toEqual(['write a', 'write b']);
    expect(await isSettled(settled)).toBe(false);

    second.resolve();
    await settled;
    expect(events).toEqual(['write a', 'write b', 'job']);
  });

  it('depth counts the updates queued and not yet written (failed ones included until their write ends)', async () => {
    const { queue, hold } = recordingQueue();
    expect(queue.depth).toBe(0);
    const first = hold();
    const second = hold();
    queue.append(update('a'));
    queue.append(update('b'));
    expect(queue.depth).toBe(2);
    await turns();
    queue.append(update('c'));
    queue.append(update('d'));
    queue.append(update('e'));
    expect(queue.depth).toBe(5);

    first.resolve();
    await turns();
    expect(queue.depth).toBe(3);

    second.reject(new Error('disk full'));
    await queue.settled();
    expect(queue.depth).toBe(0);
  });
});
