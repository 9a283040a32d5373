import { describe, expect, it } from 'vitest';
import { NetworkConfigError } from '../network/NetworkConfigError.ts';
import { MetricsAllowlist } from './MetricsAllowlist.ts';

describe('MetricsAllowlist (METRICS_ALLOW)', () => {
  it('allows loopback only when unset or empty', () => {
    for (const value of [undefined, '', '  ']) {
      const allow = MetricsAllowlist.parse(value);
      expect(allow.entries).toEqual(['loopback']);
      expect(allow.allows('127.0.0.1')).toBe(true);
      expect(allow.allows('127.8.9.10')).toBe(true);
      expect(allow.allows('::1')).toBe(true);
      expect(allow.allows('::ffff:127.0.0.1')).toBe(true);
      expect(allow.allows('10.0.0.7')).toBe(false);
      expect(allow.allows(undefined)).toBe(false);
      expect(allow.allows('not an address')).toBe(false);
    }
  });

  it('takes addresses and ranges, and then no longer loopback unless named', () => {
    const allow = MetricsAllowlist.parse('10.0.0.7, 192.168.4.0/24 fd00::/8');
    expect(allow.allows('10.0.0.7')).toBe(true);
    expect(allow.allows('::ffff:10.0.0.7')).toBe(true);
    expect(allow.allows('10.0.0.8')).toBe(false);
    expect(allow.allows('192.168.4.200')).toBe(true);
    expect(allow.allows('fd12::1')).toBe(true);
    expect(allow.allows('127.0.0.1')).toBe(false);
    expect(MetricsAllowlist.parse('loopback,10.0.0.7').allows('127.0.0.1')).toBe(true);
  });

  it('refuses what is not an address, a range or loopback, naming the variable', () => {
    for (const value of ['prometheus.internal', '10.0.0.0/33', '10.0.0.0/x', '1.2.3.4/8/9']) {
      expect(() => MetricsAllowlist.parse(value)).toThrow(NetworkConfigError);
      expect(() => MetricsAllowlist.parse(value)).toThrow(/^METRICS_ALLOW: /);
    }
  });
});
