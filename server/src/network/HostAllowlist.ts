import { isIP } from 'node:net';
import { hostname as machineName, networkInterfaces } from 'node:os';
import { NetworkConfigError } from './NetworkConfigError.ts';
import { isLoopbackHost, type NetworkFacts } from './NetworkFacts.ts';

/** The names this machine answers to on loopback. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'];

/** Listen addresses that mean "every interface". */
const WILDCARD_HOSTS = new Set(['', '0.0.0.0', '::', '[::]']);

/** How the allowlist is derived (startServer). */
export type HostAllowlistSource = {
  /** The address the server listens on (HOST). */
  listenHost: string;
  /** The server's facts; `publicUrl` is PUBLIC_URL, or empty until the listen URL is known. Read again for messages. */
  network: NetworkFacts;
  /** More host names the server answers to (ALLOWED_HOSTS). */
  extraHosts?: readonly string[];
};

/**
 * The host names this server answers to, against DNS rebinding: a page on a foreign name
 * that resolves to this machine reaches the server with that foreign name in `Host` (HTTP) and
 * `Origin` (websocket), and is refused. Derived once at start-up:
 * - the host of PUBLIC_URL;
 * - the listen address itself; on loopback also 127.0.0.1, localhost and ::1;
 * - listening on every interface (0.0.0.0, ::): the loopback names, every address of this
 *   machine's network interfaces at start-up, and the machine's host name;
 * - every name in ALLOWED_HOSTS.
 * Only host names are compared (no ports): rebinding works through a name, never a port.
 */
export class HostAllowlist {
  private constructor(
    private readonly names: ReadonlySet<string>,
    private readonly network: NetworkFacts,
  ) {}

  /** The host of the public URL (host:port, as in a Host header): what refusals tell people to use. */
  get expectedHost(): string {
    return this.network.publicUrl ? new URL(this.network.publicUrl).host : '';
  }

  /** Builds the allowlist; throws NetworkConfigError for an entry of ALLOWED_HOSTS that is not a host name. */
  static build(source: HostAllowlistSource): HostAllowlist {
    const names = new Set<string>();
    if (source.network.publicUrl) names.add(bareHostname(new URL(source.network.publicUrl).hostname));
    const listen = bareHostname(source.listenHost);
    if (WILDCARD_HOSTS.has(listen)) {
      for (const name of LOOPBACK_NAMES) names.add(name);
      for (const addresses of Object.values(networkInterfaces())) {
        for (const { address } of addresses ?? []) names.add(bareHostname(address));
      }
      names.add(bareHostname(machineName()));
    } else {
      names.add(listen);
      if (isLoopbackHost(listen)) for (const name of LOOPBACK_NAMES) names.add(name);
    }
    for (const entry of source.extraHosts ?? []) names.add(parseAllowedHost(entry));
    return new HostAllowlist(names, source.network);
  }

  /** Whether a request's Host header (`name`, `name:port`, `[v6]:port`) names this server. */
  allowsHost(hostHeader: string | undefined): boolean {
    if (!hostHeader) return false;
    const name = hostnameOfHostHeader(hostHeader);
    return name !== undefined && this.names.has(name);
  }

  /** Whether a websocket upgrade's Origin is a page of this server (an http(s) origin on an allowed host). */
  allowsOrigin(origin: string): boolean {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false; // includes the opaque origin "null"
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return this.names.has(bareHostname(url.hostname));
  }

  /** The allowed names, sorted (start-up log line). */
  list(): string[] {
    return [...this.names].sort();
  }
}

/** Reads ALLOWED_HOSTS (comma or space separated host names, a port is ignored). */
export function parseAllowedHosts(value: string | readonly string[] | undefined): string[] {
  const entries = typeof value === 'string' ? value.split(/[\s,]+/) : [...(value ?? [])];
  return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

function parseAllowedHost(entry: string): string {
  const name = isIP(entry) === 6 ? bareHostname(entry) : hostnameOfHostHeader(entry);
  if (name === undefined) {
    throw new NetworkConfigError(
      `ALLOWED_HOSTS lists host names such as caseroom.example.org or 10.0.0.5, not "${entry}" (no scheme, no path).`,
    );
  }
  return name;
}

/** `Example.org:443` → `example.org`; `[::1]:80` → `::1`; undefined if it is not a host. */
function hostnameOfHostHeader(value: string): string | undefined {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9._-]+))(?::\d{1,5})?$/.exec(value.trim());
  if (!match) return undefined;
  return bareHostname(match[1] ?? match[2] ?? '');
}

function bareHostname(name: string): string {
  return name
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}
