import { BlockList, isIP } from 'node:net';
import { NetworkConfigError } from './NetworkConfigError.ts';

/** The names TRUST_PROXY accepts besides addresses and ranges (the same ranges Express's names mean). */
const NAMED_RANGES: Record<string, readonly string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * The reverse proxies whose `X-Forwarded-For` and `X-Forwarded-Proto` are believed
 * (TRUST_PROXY): exact addresses, CIDR ranges, or the names loopback, linklocal, uniquelocal.
 * Anyone else could write any address into that header, so for them the header is ignored
 * and the socket's address counts. Express's `trust proxy` is set to `trusts` (never `true`),
 * and the websocket upgrade gate resolves addresses with the same rule, so both count a
 * person under the same address.
 */
export class TrustedProxies {
  private constructor(
    private readonly list: BlockList,
    /** What was configured, for log lines and messages. */
    readonly entries: readonly string[],
  ) {}

  /** No proxy is trusted: X-Forwarded-For is ignored everywhere. */
  static none(): TrustedProxies {
    return new TrustedProxies(new BlockList(), []);
  }

  /** Parses TRUST_PROXY ("10.0.0.5", "10.0.0.0/24, ::1", "loopback"); throws NetworkConfigError on anything else. */
  static parse(value: string | readonly string[] | undefined): TrustedProxies {
    const entries = (typeof value === 'string' ? value.split(/[\s,]+/) : (value ?? []))
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    const list = new BlockList();
    for (const entry of entries) {
      const named = NAMED_RANGES[entry.toLowerCase()];
      for (const range of named ?? [entry]) addRange(list, range, entry);
    }
    return new TrustedProxies(list, entries);
  }

  /** Whether X-Forwarded-* from this peer address is believed. */
  readonly trusts = (address: string | undefined): boolean => {
    if (!address) return false;
    const bare = unmapped(address);
    const family = isIP(bare);
    if (family === 0) return false;
    return this.list.check(bare, family === 4 ? 'ipv4' : 'ipv6');
  };

  /**
   * The address a request came from: the peer's, unless the peer is a trusted proxy — then the
   * nearest X-Forwarded-For entry (from the right) that is not itself a trusted proxy, as
   * Express computes `req.ip`.
   */
  clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string {
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
      .split(',')
      .map((hop) => hop.trim())
      .filter((hop) => hop !== '')
      .reverse();
    let address = peer ?? '';
    for (const hop of hops) {
      if (!this.trusts(address)) break;
      address = hop;
    }
    return address;
  }
}

/** `::ffff:10.0.0.5` (an IPv4 peer of a dual-stack socket) → `10.0.0.5`. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? address;
}

function addRange(list: BlockList, range: string, entry: string): void {
  const [base = '', prefixText, ...rest] = range.split('/');
  const family = isIP(base);
  const prefix = prefixText === undefined ? undefined : Number(prefixText);
  const maxPrefix = family === 4 ? 32 : 128;
  if (
    family === 0 ||
    rest.length > 0 ||
    (prefix !== undefined && (!/^\d{1,3}$/.test(prefixText ?? '') || (prefix as number) > maxPrefix))
  ) {
    throw new NetworkConfigError(
      `TRUST_PROXY: "${entry}" is not an IP address (10.0.0.5), a range (10.0.0.0/24) or one of loopback, linklocal, uniquelocal. Name the address of your reverse proxy.`,
    );
  }
  if (prefix === 0) {
    throw new NetworkConfigError(
      `TRUST_PROXY: "${entry}" would trust every address, so anyone could choose the address they are counted under. Name the address of your reverse proxy.`,
    );
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefix === undefined) list.addAddress(base, type);
  else list.addSubnet(base, prefix, type);
}
