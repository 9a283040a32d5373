/**
 * Issue 9: the 60-second soak — 150 stock y-websocket clients over 50 cases against the real
 * server in a child process, editing every second with churn. Nothing is lost, nothing honest
 * is refused, the server's memory does not climb. (`pnpm bench:soak` is the 10-minute run.)
 */
import { describe, expect, it } from 'vitest';
import { formatSoak, runSoak } from '../bench/soak.ts';

describe('issue 9: soak', () => {
  it('[9] 150 clients × 50 cases for 60 s with churn: every edit stored, none refused, memory flat', async () => {
    const result = await runSoak({
      cases: 50,
      clientsPerCase: 3,
      seconds: 60,
      editsPerSecond: 1,
      churnPerSecond: 0.02,
    });
    console.log(formatSoak(result));
    expect(result.lost).toEqual([]);
    expect(result.refusals).toBe(0);
    expect(result.edits).toBeGreaterThan(5_000);
    expect(result.deliveries).toBeGreaterThan(result.edits);
    expect(result.reconnects).toBeGreaterThan(50);
    // A generous bound for a shared 2-core machine; the benchmark reports the real figure.
    expect(result.rssGrowthAfterWarmup).toBeLessThan(25);
  }, 180_000);
});
