import { BlockList, isIP } from 'node:net';
import { NetworkConfigError } from '../network/NetworkConfigError.ts';

const LOOPBACK = ['127.0.0.0/8', '::1/128'];

/**
 * Who may read `GET /metrics` (METRICS_ALLOW): addresses, CIDR ranges or the name `loopback`;
 * loopback only when unset. The address checked is the request's client address (`req.ip`:
 * the socket's, or the forwarded one when the peer is a trusted proxy), so a reverse proxy on
 * the same machine does not open the metrics to everyone behind it.
 */
export class MetricsAllowlist {
  private constructor(
    private readonly list: BlockList,
    /** What was configured, for log lines. */
    readonly entries: readonly string[],
  ) {}

  /** Parses METRICS_ALLOW ("loopback", "10.0.0.7", "10.0.0.0/24, ::1"); throws NetworkConfigError on anything else. */
  static parse(value: string | undefined): MetricsAllowlist {
    const entries = (value ?? '')
      .split(/[\s,]+/)
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (entries.length === 0) entries.push('loopback');
    const list = new BlockList();
    for (const entry of entries) {
      for (const range of entry.toLowerCase() === 'loopback' ? LOOPBACK : [entry]) addRange(list, range, entry);
    }
    return new MetricsAllowlist(list, entries);
  }

  /** Whether this client address may read the metrics. */
  allows(address: string | undefined): boolean {
    if (!address) return false;
    const bare = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
    const family = isIP(bare);
    if (family === 0) return false;
    return this.list.check(bare, family === 4 ? 'ipv4' : 'ipv6');
  }
}

function addRange(list: BlockList, range: string, entry: string): void {
  const [base = '', prefixText, ...rest] = range.split('/');
  const family = isIP(base);
  const prefix = prefixText === undefined ? undefined : Number(prefixText);
  if (
    family === 0 ||
    rest.length > 0 ||
    (prefixText !== undefined && (!/^\d{1,3}$/.test(prefixText) || (prefix as number) > (family === 4 ? 32 : 128)))
  ) {
    throw new NetworkConfigError(
      `METRICS_ALLOW: "${entry}" is not an IP address (10.0.0.7), a range (10.0.0.0/24) or "loopback". Name the address of your Prometheus.`,
    );
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefix === undefined) list.addAddress(base, type);
  else list.addSubnet(base, prefix, type);
}
