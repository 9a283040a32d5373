import { NetworkConfigError } from './NetworkConfigError.ts';
import type { TlsSource } from './tlsCredentials.ts';

/** The network part of startServer's options, as the environment sets them (main.ts). */
export type NetworkEnv = {
  host?: string;
  publicUrl?: string;
  tls?: TlsSource;
  trustProxy?: string;
  allowedHosts?: string;
};

/**
 * Reads HOST, PUBLIC_URL, TLS_CERT_FILE + TLS_KEY_FILE, TRUST_PROXY and ALLOWED_HOSTS. Empty
 * means unset. Only what needs both variables is decided here (one TLS file without the other);
 * each value's own form is checked by startServer, so code that starts a server directly gets
 * the same messages.
 */
export function networkEnv(env: NodeJS.ProcessEnv): NetworkEnv {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const certFile = read('TLS_CERT_FILE');
  const keyFile = read('TLS_KEY_FILE');
  if ((certFile === undefined) !== (keyFile === undefined)) {
    const [set, missing] =
      certFile === undefined ? ['TLS_KEY_FILE', 'TLS_CERT_FILE'] : ['TLS_CERT_FILE', 'TLS_KEY_FILE'];
    throw new NetworkConfigError(
      `${set} is set but ${missing} is not: to serve HTTPS set both (the PEM certificate and its private key), or neither.`,
    );
  }
  return {
    host: read('HOST'),
    publicUrl: read('PUBLIC_URL'),
    tls: certFile && keyFile ? { cert: certFile, key: keyFile } : undefined,
    trustProxy: read('TRUST_PROXY'),
    allowedHosts: read('ALLOWED_HOSTS'),
  };
}
