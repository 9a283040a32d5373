/**
 * Link tokens (docs/access.md A1): `cr1_` + 32 random bytes in base64url. The server keeps
 * only their SHA-256; a token is found by the hash of what a caller presents, so the secret
 * itself is never stored, compared byte by byte, or written to a log line.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The version prefix of every token this server issues. */
export const TOKEN_PREFIX = 'cr1_';

/** The exact shape of a token: the prefix and 43 base64url characters (32 bytes). */
const TOKEN_PATTERN = /^cr1_[A-Za-z0-9_-]{43}$/;

/** A fresh, unguessable token (256 random bits). */
export function newToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Whether a string has the shape of a token (a cheap check before hashing). */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

/** The SHA-256 of a token as lowercase hex: what the store keeps and looks tokens up by. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex hashes (false for different lengths). */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/**
 * The tokens in an `Authorization: Bearer t1,t2` header (A4): several may be comma-separated.
 * No header, another scheme or an empty list → [].
 */
export function bearerTokens(header: string | undefined): string[] {
  const match = /^Bearer\s+(.*)$/i.exec(header?.trim() ?? '');
  if (!match) return [];
  return (match[1] ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token.length > 0);
}

/**
 * The `token` query parameter as sent — '' when the URL has `?token=` with nothing after it —
 * or undefined when the URL has none (the Caseroom client: its token comes in the first message).
 */
export function tokenParameter(url: string | undefined): string | undefined {
  const query = (url ?? '').split('?')[1];
  if (query === undefined) return undefined;
  return new URLSearchParams(query).get('token') ?? undefined;
}
