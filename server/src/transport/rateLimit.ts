/**
 * A token bucket: `ratePerSecond` tokens flow in, up to `burst`; `take(n)` spends n or says no.
 * One per connection for messages and one for bytes (issue 9: a sender over its bound is cut
 * off alone). The clock is handed in, so tests need not wait.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Spends `amount` tokens if there are enough; false (spending nothing) otherwise. */
  take(amount = 1): boolean {
    this.refill();
    if (amount > this.tokens) return false;
    this.tokens -= amount;
    return true;
  }

  /** Spends `amount` already used (work done): false once the bucket is in debt. */
  spend(amount: number): boolean {
    this.refill();
    this.tokens -= amount;
    return this.tokens >= 0;
  }

  private refill(): void {
    const at = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((at - this.last) / 1000) * this.ratePerSecond);
    this.last = at;
  }
}
