/** Query parameters that may carry a secret: any whose name contains "token" or "key" (case-insensitive). */
const SECRET_PARAMETER = /token|key/i;

/** What a secret's value is replaced with in a logged URL. */
export const REDACTED = '[redacted]';

/**
 * A request URL as it may be logged: the value of every query parameter that may carry a
 * secret is replaced — the stock y-websocket client (the compatibility path of docs/access.md)
 * still puts `?token=` into the websocket URL. A URL that cannot be parsed keeps only its path.
 */
export function redactSecrets(url: string | undefined): string {
  if (!url) return '';
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  const path = url.slice(0, queryStart);
  const query = url.slice(queryStart + 1);
  const parts = query.split('&').map((part) => {
    const equals = part.indexOf('=');
    const rawName = equals === -1 ? part : part.slice(0, equals);
    let name: string;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
    } catch {
      return REDACTED; // undecodable name: it might be anything
    }
    return SECRET_PARAMETER.test(name) ? `${rawName}=${REDACTED}` : part;
  });
  return `${path}?${parts.join('&')}`;
}
