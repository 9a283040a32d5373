import { describe, expect, it } from 'vitest';
import { TokenBucket } from './rateLimit.ts';

describe('TokenBucket', () => {
  it('allows a burst, then the rate, and refills with time', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 5, () => now);
    for (let i = 0; i < 5; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 100; // 0.1 s × 10/s = one token
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 10_000; // refills to the burst, never beyond
    for (let i = 0; i < 5; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('takes amounts (bytes) and refuses one larger than what is left, spending nothing', () => {
    let now = 0;
    const bucket = new TokenBucket(1000, 1000, () => now);
    expect(bucket.take(600)).toBe(true);
    expect(bucket.take(600)).toBe(false);
    expect(bucket.take(400)).toBe(true);
    now += 500;
    expect(bucket.take(500)).toBe(true);
  });

  it('spends work already done and says when it is in debt; time pays the debt back', () => {
    let now = 0;
    const work = new TokenBucket(250, 1_000, () => now);
    expect(work.spend(900)).toBe(true);
    expect(work.spend(300)).toBe(false);
    now += 1_000; // +250
    expect(work.spend(10)).toBe(true);
  });
});
