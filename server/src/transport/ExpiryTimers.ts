/**
 * When each open connection's link runs out (docs/access.md A13): one timer per connection
 * whose party has an expiry, set again whenever the facilitator changes it. A timer fires at
 * the expiry (or after MAX_TIMER_MS for a far one, to look again: Node's timers overflow past
 * 24.8 days) and hands the connection back to be checked; it never decides by itself.
 */
export class ExpiryTimers<T> {
  private readonly timers = new Map<T, NodeJS.Timeout>();

  constructor(
    private readonly now: () => number,
    private readonly onDue: (subject: T) => void,
  ) {}

  /** Watches `subject` until `expiresAt` (ms since the epoch); undefined: never (stops watching). */
  watch(subject: T, expiresAt: number | undefined): void {
    this.forget(subject);
    if (expiresAt === undefined) return;
    const delay = Math.min(Math.max(0, expiresAt - this.now()), MAX_TIMER_MS);
    const timer = setTimeout(() => {
      this.timers.delete(subject);
      this.onDue(subject);
    }, delay);
    timer.unref();
    this.timers.set(subject, timer);
  }

  /** Stops watching `subject` (it closed). */
  forget(subject: T): void {
    const timer = this.timers.get(subject);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.timers.delete(subject);
  }

  /** Stops every timer (the transport closes). */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** How many connections are watched (tests). */
  get size(): number {
    return this.timers.size;
  }
}

/** The longest single wait; a link that expires later is looked at again after this long. */
export const MAX_TIMER_MS = 24 * 60 * 60 * 1000;
