/**
 * Issue 9: the 60-second soak — 150 stock y-websocket clients over 50 cases against the real
 * server in a child process, editing every second with churn. Nothing is lost, nothing honest
 * is refused, the server's memory does not climb, and once everyone has left and the cases were
 * unloaded its heap holds none of their documents, connections or sockets (a heap snapshot says
 * so). (`pnpm bench:soak` is the 10-minute run.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { heapCensus } from '../bench/heapCensus.ts';
import { formatSoak, runSoak } from '../bench/soak.ts';

const snapshots = mkdtempSync(join(tmpdir(), 'caseroom-soak-'));
afterAll(() => rmSync(snapshots, { recursive: true, force: true }));

describe('issue 9: soak', () => {
  it('[9] 150 clients × 50 cases for 60 s with churn: every edit stored, none refused, memory flat, nothing kept', async () => {
    const result = await runSoak({
      cases: 50,
      clientsPerCase: 3,
      seconds: 60,
      editsPerSecond: 1,
      churnPerSecond: 0.02,
      unloadGraceMs: 2_000,
      heapSnapshots: join(snapshots, 'soak'),
    });
    console.log(formatSoak(result));
    expect(result.lost).toEqual([]);
    expect(result.refusals).toBe(0);
    expect(result.edits).toBeGreaterThan(5_000);
    expect(result.deliveries).toBeGreaterThan(result.edits);
    expect(result.reconnects).toBeGreaterThan(50);
    // A generous bound for a shared 2-core machine; the benchmark reports the real figure.
    expect(result.rssGrowthAfterWarmup).toBeLessThan(25);
    // While the cases were open the server held their documents; once they were unloaded it holds none.
    const objects = (census: Map<string, { count: number }>, name: string) => census.get(name)?.count ?? 0;
    const start = heapCensus(join(snapshots, 'soak-start.heapsnapshot'));
    const left = heapCensus(join(snapshots, 'soak-left.heapsnapshot'));
    expect(objects(start, 'CaseDocument')).toBe(50);
    expect(objects(start, 'Connection')).toBe(150);
    for (const name of ['CaseDocument', 'Connection', 'WebSocket', 'Awareness', 'Item', 'StructStore']) {
      expect({ name, count: objects(left, name) }).toEqual({ name, count: 0 });
    }
  }, 180_000);
});
