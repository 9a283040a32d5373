import { describe, expect, it } from 'vitest';
import { NetworkConfigError } from './NetworkConfigError.ts';
import { networkEnv } from './networkEnv.ts';

describe('networkEnv', () => {
  it('reads the variables; empty means unset', () => {
    expect(
      networkEnv({
        HOST: '0.0.0.0',
        PUBLIC_URL: 'https://caseroom.example.org',
        TLS_CERT_FILE: '/etc/caseroom/cert.pem',
        TLS_KEY_FILE: '/etc/caseroom/key.pem',
        TRUST_PROXY: '10.0.0.5',
        ALLOWED_HOSTS: 'caseroom.intern',
      }),
    ).toEqual({
      host: '0.0.0.0',
      publicUrl: 'https://caseroom.example.org',
      tls: { cert: '/etc/caseroom/cert.pem', key: '/etc/caseroom/key.pem' },
      trustProxy: '10.0.0.5',
      allowedHosts: 'caseroom.intern',
    });
    expect(networkEnv({ HOST: '', PUBLIC_URL: ' ' })).toEqual({
      host: undefined,
      publicUrl: undefined,
      tls: undefined,
      trustProxy: undefined,
      allowedHosts: undefined,
    });
  });

  it('one TLS file without the other is a mistake, named', () => {
    expect(() => networkEnv({ TLS_CERT_FILE: '/c.pem' })).toThrow(NetworkConfigError);
    expect(() => networkEnv({ TLS_CERT_FILE: '/c.pem' })).toThrow('TLS_CERT_FILE is set but TLS_KEY_FILE is not');
    expect(() => networkEnv({ TLS_KEY_FILE: '/k.pem' })).toThrow('TLS_KEY_FILE is set but TLS_CERT_FILE is not');
  });
});
