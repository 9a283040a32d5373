import { describe, expect, it } from 'vitest';
import { NetworkConfigError } from './NetworkConfigError.ts';
import { TrustedProxies } from './TrustedProxies.ts';

describe('TrustedProxies', () => {
  it('believes X-Forwarded-For only from a listed proxy, taking the nearest untrusted hop', () => {
    const proxies = TrustedProxies.parse('10.0.0.5, 192.168.10.0/24');
    expect(proxies.clientAddress('10.0.0.5', '203.0.113.7')).toBe('203.0.113.7');
    expect(proxies.clientAddress('::ffff:10.0.0.5', '203.0.113.7')).toBe('203.0.113.7');
    expect(proxies.clientAddress('192.168.10.200', '203.0.113.7')).toBe('203.0.113.7');
    // The client wrote its own hop first; the proxy appended the real one: the spoofed one is ignored.
    expect(proxies.clientAddress('10.0.0.5', '1.2.3.4, 203.0.113.7')).toBe('203.0.113.7');
    // A chain of trusted proxies is walked back to the first untrusted address.
    expect(proxies.clientAddress('10.0.0.5', '203.0.113.7, 192.168.10.3')).toBe('203.0.113.7');
    // Anyone else's header means nothing.
    expect(proxies.clientAddress('198.51.100.1', '203.0.113.7')).toBe('198.51.100.1');
    expect(TrustedProxies.none().clientAddress('127.0.0.1', '203.0.113.7')).toBe('127.0.0.1');
    expect(proxies.clientAddress('10.0.0.5', undefined)).toBe('10.0.0.5');
  });

  it('knows the names loopback, linklocal and uniquelocal, and IPv6', () => {
    const proxies = TrustedProxies.parse(['loopback', 'fd00::/8']);
    expect(proxies.trusts('127.0.0.1')).toBe(true);
    expect(proxies.trusts('::1')).toBe(true);
    expect(proxies.trusts('fd12::1')).toBe(true);
    expect(proxies.trusts('10.0.0.1')).toBe(false);
    expect(TrustedProxies.parse('uniquelocal').trusts('172.20.1.1')).toBe(true);
    expect(TrustedProxies.parse('linklocal').trusts('169.254.1.1')).toBe(true);
    expect(TrustedProxies.parse('').entries).toEqual([]);
  });

  it.each(['true', '*', '1', 'proxy.example', '10.0.0.0/33', '0.0.0.0/0', '::/0', '10.0.0.1/8/2'])(
    'refuses %s with a message naming it',
    (entry) => {
      expect(() => TrustedProxies.parse(entry)).toThrow(NetworkConfigError);
      expect(() => TrustedProxies.parse(entry)).toThrow(`TRUST_PROXY: "${entry}"`);
    },
  );
});
