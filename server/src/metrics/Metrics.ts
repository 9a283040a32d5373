import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** How long a group commit took, in seconds: a fast SQLite append is ~0.1 ms, a struggling database seconds. */
export const COMMIT_BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A number read when Prometheus scrapes (open cases, queue depth, Redis lag). */
export type Reading = () => number;

/**
 * The server's metrics in Prometheus' text format (`GET /metrics`), in a registry of its own, so
 * several servers in one process (tests) never count into each other. The server calls the plain
 * methods as things happen; gauges that describe a state are read from callbacks at scrape time.
 * Without Redis the lag reads NaN ("no value"), never a reassuring 0.
 */
export class Metrics {
  /** The registry `GET /metrics` renders: these metrics and Node's default process metrics. */
  readonly registry = new Registry();
  private readonly connections: Gauge;
  private readonly updates: Counter;
  private readonly commitSeconds: Histogram;
  private readonly storeFailures: Counter;
  private openCases: Reading = () => 0;
  private queueDepth: Reading = () => 0;
  private redisLag: Reading | undefined;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.connections = new Gauge({
      name: 'caseroom_connections',
      help: 'Open websocket connections to case documents.',
      registers,
    });
    this.readAtScrape('caseroom_open_cases', 'Case documents loaded in this server.', () => this.openCases());
    this.updates = new Counter({
      name: 'caseroom_updates_total',
      help: 'Document updates stored (updates per second: rate() of this).',
      registers,
    });
    this.commitSeconds = new Histogram({
      name: 'caseroom_commit_seconds',
      help: 'Time to store one group commit of updates, in seconds.',
      buckets: COMMIT_BUCKETS,
      registers,
    });
    this.readAtScrape('caseroom_commit_queue_depth', 'Updates waiting in the commit queues of all cases.', () =>
      this.queueDepth(),
    );
    this.storeFailures = new Counter({
      name: 'caseroom_store_failures_total',
      help: 'Writes to the store that failed.',
      registers,
    });
    this.readAtScrape(
      'caseroom_redis_lag_seconds',
      'How far this server is behind the Redis stream it follows, in seconds (NaN without Redis).',
      () => (this.redisLag ? this.redisLag() : Number.NaN),
    );
  }

  /** A websocket connection to a case opened. */
  connectionOpened(): void {
    this.connections.inc();
  }

  /** A websocket connection to a case closed. */
  connectionClosed(): void {
    this.connections.dec();
  }

  /** A group commit of `updates` updates was stored in `seconds`. */
  committed(updates: number, seconds: number): void {
    this.updates.inc(updates);
    this.commitSeconds.observe(seconds);
  }

  /** A write to the store failed. */
  storeFailed(): void {
    this.storeFailures.inc();
  }

  /** How many case documents are loaded, read at each scrape. */
  setOpenCases(read: Reading): void {
    this.openCases = read;
  }

  /** How many updates wait in commit queues, read at each scrape. */
  setQueueDepth(read: Reading): void {
    this.queueDepth = read;
  }

  /** The Redis follower's lag in seconds, read at each scrape (never set without Redis). */
  setRedisLag(read: Reading): void {
    this.redisLag = read;
  }

  /** A gauge whose value is read when Prometheus scrapes. */
  private readAtScrape(name: string, help: string, read: Reading): void {
    const gauge: Gauge = new Gauge({ name, help, registers: [this.registry], collect: () => gauge.set(read()) });
  }

  /** The content type of `text()`. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric in Prometheus' text exposition format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}
