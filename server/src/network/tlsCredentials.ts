import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { NetworkConfigError } from './NetworkConfigError.ts';

/** A certificate and its private key: each a Buffer or PEM text (the content), or any other string (a file path). */
export type TlsSource = { cert: Buffer | string; key: Buffer | string };

/** A certificate chain and private key in PEM, read and checked. */
export type TlsCredentials = { cert: Buffer; key: Buffer };

/**
 * Reads TLS_CERT_FILE and TLS_KEY_FILE (or the startServer `tls` option) and checks that they
 * make a usable pair before the server starts, so a wrong path or a key that does not belong
 * to the certificate is a message at start-up rather than a failed handshake for every visitor.
 */
export function loadTlsCredentials(source: TlsSource): TlsCredentials {
  const cert = readPem(source.cert, 'TLS_CERT_FILE', 'certificate');
  const key = readPem(source.key, 'TLS_KEY_FILE', 'private key');
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NetworkConfigError(
      `The TLS certificate and key cannot be used together (${reason}). TLS_CERT_FILE must hold the PEM certificate (with its chain) and TLS_KEY_FILE its unencrypted PEM private key.`,
    );
  }
  return { cert, key };
}

function readPem(value: Buffer | string, name: string, what: string): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value.trimStart().startsWith('-----BEGIN')) return Buffer.from(value);
  let content: Buffer;
  try {
    content = readFileSync(value);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EACCES'
          ? 'this user may not read it'
          : code === 'EISDIR'
            ? 'it is a directory'
            : ((error as Error).message ?? String(error));
    throw new NetworkConfigError(`${name}: cannot read the TLS ${what} "${value}": ${reason}.`);
  }
  if (!content.toString('latin1').includes('-----BEGIN')) {
    throw new NetworkConfigError(`${name}: "${value}" is not a PEM file (it should start with "-----BEGIN").`);
  }
  return content;
}
