import { describe, expect, it } from 'vitest';
import { Metrics } from './Metrics.ts';

/** The sample lines of one metric name (without `# HELP` / `# TYPE`), as `name{labels} value`. */
function samples(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`));
}

/** The one value of an unlabelled sample. */
function value(text: string, name: string): number {
  const [line, ...more] = samples(text, name);
  if (!line || more.length > 0) throw new Error(`expected one sample of ${name}, got ${samples(text, name).length}`);
  return Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('Metrics', () => {
  it('names every caseroom metric with its Prometheus type', async () => {
    const text = await new Metrics().text();
    const types = Object.fromEntries(
      [...text.matchAll(/^# TYPE (caseroom_\w+) (\w+)$/gm)].map(([, name, type]) => [name, type]),
    );
    expect(types).toEqual({
      caseroom_connections: 'gauge',
      caseroom_open_cases: 'gauge',
      caseroom_updates_total: 'counter',
      caseroom_commit_seconds: 'histogram',
      caseroom_commit_queue_depth: 'gauge',
      caseroom_store_failures_total: 'counter',
      caseroom_redis_lag_seconds: 'gauge',
    });
    // Node's default process metrics are there too.
    expect(text).toMatch(/^# TYPE process_cpu_user_seconds_total counter$/m);
    expect(text).toMatch(/^# TYPE nodejs_eventloop_lag_seconds gauge$/m);
  });

  it('counts connections, updates, commit times and store failures', async () => {
    const metrics = new Metrics();
    metrics.connectionOpened();
    metrics.connectionOpened();
    metrics.connectionOpened();
    metrics.connectionClosed();
    metrics.committed(3, 0.0004);
    metrics.committed(2, 0.2);
    metrics.storeFailed();
    const text = await metrics.text();
    expect(value(text, 'caseroom_connections')).toBe(2);
    expect(value(text, 'caseroom_updates_total')).toBe(5);
    expect(value(text, 'caseroom_store_failures_total')).toBe(1);
    expect(value(text, 'caseroom_commit_seconds_count')).toBe(2);
    expect(value(text, 'caseroom_commit_seconds_sum')).toBeCloseTo(0.2004, 6);
    // Sub-millisecond and slow commits fall in different buckets.
    const bucket = (le: string) =>
      Number(
        samples(text, 'caseroom_commit_seconds_bucket')
          .find((line) => line.includes(`le="${le}"`))
          ?.split(' ')[1],
      );
    expect(bucket('0.0001')).toBe(0);
    expect(bucket('0.0005')).toBe(1);
    expect(bucket('0.1')).toBe(1);
    expect(bucket('0.25')).toBe(2);
    expect(bucket('+Inf')).toBe(2);
  });

  it('reads open cases, queue depth and Redis lag from their callbacks at each scrape', async () => {
    const metrics = new Metrics();
    const before = await metrics.text();
    expect(value(before, 'caseroom_open_cases')).toBe(0);
    expect(value(before, 'caseroom_commit_queue_depth')).toBe(0);
    // Without Redis the lag is not a number, not a reassuring 0 (prom-client writes "Nan";
    // Prometheus parses NaN in any case).
    expect(value(before, 'caseroom_redis_lag_seconds')).toBeNaN();
    expect(samples(before, 'caseroom_redis_lag_seconds')).toEqual([expect.stringMatching(/ nan$/i)]);

    let open = 4;
    metrics.setOpenCases(() => open);
    metrics.setQueueDepth(() => 17);
    metrics.setRedisLag(() => 0.25);
    const first = await metrics.text();
    expect(value(first, 'caseroom_open_cases')).toBe(4);
    expect(value(first, 'caseroom_commit_queue_depth')).toBe(17);
    expect(value(first, 'caseroom_redis_lag_seconds')).toBe(0.25);
    open = 1;
    expect(value(await metrics.text(), 'caseroom_open_cases')).toBe(1);
  });

  it('keeps each server’s numbers in its own registry', async () => {
    const one = new Metrics();
    const other = new Metrics();
    one.connectionOpened();
    one.committed(7, 0.001);
    expect(value(await one.text(), 'caseroom_connections')).toBe(1);
    expect(value(await other.text(), 'caseroom_connections')).toBe(0);
    expect(value(await other.text(), 'caseroom_updates_total')).toBe(0);
    expect(one.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });
});
