import { NetworkConfigError } from './NetworkConfigError.ts';

/**
 * Reads PUBLIC_URL, the address people use: an http(s) URL of the server's root, returned
 * without a trailing slash. Anything else (no scheme, another scheme, a path, a query, a
 * user name) would build invite links that do not open, so it is refused with a message.
 */
export function parsePublicUrl(text: string, name = 'PUBLIC_URL'): string {
  const example = 'https://caseroom.example.org';
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new NetworkConfigError(
      `${name} must be the address people open, like ${example} or http://192.168.1.20:4321, not "${text}".`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NetworkConfigError(`${name} must start with https:// or http://, not "${url.protocol}" ("${text}").`);
  }
  if (url.username || url.password) {
    throw new NetworkConfigError(`${name} must not contain a user name or password ("${text}").`);
  }
  if (url.search || url.hash) {
    throw new NetworkConfigError(`${name} must not have a query or a fragment ("${text}"): give only ${example}.`);
  }
  if (url.pathname !== '/') {
    throw new NetworkConfigError(
      `${name} must be the address of the server's root, like ${example}, not "${text}": Caseroom cannot be served under a path.`,
    );
  }
  return url.origin;
}
