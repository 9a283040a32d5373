import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { HostAllowlist, parseAllowedHosts } from './HostAllowlist.ts';
import { NetworkConfigError } from './NetworkConfigError.ts';

const facts = (publicUrl: string) => ({ publicUrl, beyondLoopback: false });

describe('HostAllowlist', () => {
  it('on loopback: the loopback names and the public URL host, any port, any case', () => {
    const hosts = HostAllowlist.build({ listenHost: '127.0.0.1', network: facts('https://caseroom.example.org') });
    for (const host of ['127.0.0.1:4321', 'localhost', '[::1]:4321', 'caseroom.example.org', 'CASEROOM.example.org.']) {
      expect(hosts.allowsHost(host), host).toBe(true);
    }
    for (const host of ['evil.example', 'caseroom.example.org.evil.example', '192.168.1.5', '', undefined, 'a b']) {
      expect(hosts.allowsHost(host), String(host)).toBe(false);
    }
    expect(hosts.expectedHost).toBe('caseroom.example.org');
  });

  it('on a specific address: that address (not the loopback names)', () => {
    const hosts = HostAllowlist.build({ listenHost: '192.168.1.5', network: facts('http://192.168.1.5:4321') });
    expect(hosts.allowsHost('192.168.1.5:4321')).toBe(true);
    expect(hosts.allowsHost('localhost:4321')).toBe(false);
  });

  it("on every interface: the loopback names and this machine's addresses", () => {
    const hosts = HostAllowlist.build({ listenHost: '0.0.0.0', network: facts('') });
    expect(hosts.allowsHost('localhost')).toBe(true);
    for (const addresses of Object.values(networkInterfaces())) {
      for (const { family, address } of addresses ?? []) {
        if (family === 'IPv4') expect(hosts.allowsHost(`${address}:4321`), address).toBe(true);
      }
    }
  });

  it('ALLOWED_HOSTS adds names; a URL or path in it is refused with a message', () => {
    const hosts = HostAllowlist.build({
      listenHost: '127.0.0.1',
      network: facts('http://127.0.0.1:4321'),
      extraHosts: parseAllowedHosts('caseroom.intern, 10.1.2.3:8080 fd00::7'),
    });
    expect(hosts.allowsHost('caseroom.intern')).toBe(true);
    expect(hosts.allowsHost('10.1.2.3')).toBe(true);
    expect(hosts.allowsHost('[fd00::7]:443')).toBe(true);
    for (const entry of ['https://caseroom.intern', 'caseroom.intern/path']) {
      expect(() => HostAllowlist.build({ listenHost: '127.0.0.1', network: facts(''), extraHosts: [entry] })).toThrow(
        NetworkConfigError,
      );
    }
  });

  it('origins: http(s) pages on an allowed host only', () => {
    const hosts = HostAllowlist.build({ listenHost: '127.0.0.1', network: facts('https://caseroom.example.org') });
    expect(hosts.allowsOrigin('https://caseroom.example.org')).toBe(true);
    expect(hosts.allowsOrigin('http://localhost:5173')).toBe(true);
    for (const origin of ['https://evil.example', 'null', 'file://', 'chrome-extension://caseroom.example.org', '']) {
      expect(hosts.allowsOrigin(origin), origin).toBe(false);
    }
  });
});
