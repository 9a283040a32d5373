import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExpiryTimers, MAX_TIMER_MS } from './ExpiryTimers.ts';

describe('ExpiryTimers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires at the expiry, again later after a change, never after forget; a far expiry is looked at after MAX_TIMER_MS', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const due: string[] = [];
    const timers = new ExpiryTimers<string>(Date.now, (subject) => due.push(subject));
    timers.watch('a', Date.now() + 1_000);
    timers.watch('b', Date.now() + 1_000);
    timers.watch('c', undefined);
    expect(timers.size).toBe(2);
    timers.watch('b', Date.now() + 5_000);
    timers.forget('a');
    vi.advanceTimersByTime(1_000);
    expect(due).toEqual([]);
    vi.advanceTimersByTime(4_000);
    expect(due).toEqual(['b']);
    expect(timers.size).toBe(0);

    // 60 days away: Node would overflow such a delay into 1 ms; it waits a day and asks again.
    timers.watch('far', Date.now() + 60 * MAX_TIMER_MS);
    vi.advanceTimersByTime(MAX_TIMER_MS - 1);
    expect(due).toEqual(['b']);
    vi.advanceTimersByTime(1);
    expect(due).toEqual(['b', 'far']);

    // Past already: at once.
    timers.watch('late', Date.now() - 10);
    vi.advanceTimersByTime(0);
    expect(due).toEqual(['b', 'far', 'late']);
    timers.watch('x', Date.now() + 10);
    timers.clear();
    vi.advanceTimersByTime(20);
    expect(due).toHaveLength(3);
  });
});
