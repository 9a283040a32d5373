import type { ApiErrorCode } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { da } from '../i18n/da.ts';
import { en } from '../i18n/en.ts';
import { networkFailureText } from './failureText.ts';
import { readRetryAfter } from './request.ts';

const server = (status: number, code?: ApiErrorCode, retryAfterSeconds?: number) => ({
  reason: 'server' as const,
  status,
  ...(code ? { code } : {}),
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
});

describe('networkFailureText (issue 10)', () => {
  it('explains expired and ended links, and the organisation key, in both languages', () => {
    expect(networkFailureText(da, server(403, 'linkExpired'))).toBe(da.network.errors.linkExpired);
    expect(networkFailureText(en, server(403, 'accessEnded'))).toBe(en.network.errors.accessEnded);
    expect(networkFailureText(da, server(401, 'organisationKeyMissing'))).toContain('organisationsnøgle');
    expect(networkFailureText(en, server(403, 'organisationKeyInvalid'))).toContain('not accepted');
  });

  it('says when to try again after too many requests', () => {
    expect(networkFailureText(da, server(429, 'tooManyRequests', 30))).toContain('Prøv igen om 30 sekunder.');
    expect(networkFailureText(da, server(429, 'tooManyRequests', 1))).toContain('om 1 sekund.');
    expect(networkFailureText(da, server(429, undefined, 61))).toContain('Prøv igen om 2 minutter.');
    expect(networkFailureText(en, server(429, 'tooManyRequests', 60))).toContain('Try again in 1 minute.');
    expect(networkFailureText(en, server(429))).toContain('Try again in a moment.');
  });

  it("an ended party's 409 from the parties API is not the caller's own link", () => {
    expect(networkFailureText(da, server(409, 'accessEnded'))).toBeUndefined();
  });

  it('leaves other failures to the feature (a 429 for too many exports is the exports’ own)', () => {
    expect(networkFailureText(da, server(429, 'tooManyExports'))).toBeUndefined();
    expect(networkFailureText(da, server(403, 'forbidden'))).toBeUndefined();
    expect(networkFailureText(da, { reason: 'unreachable' })).toBeUndefined();
  });
});

describe('readRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(readRetryAfter('120')).toBe(120);
    expect(readRetryAfter('0.2')).toBe(1);
    const now = Date.parse('2026-03-01T10:00:00Z');
    expect(readRetryAfter('Sun, 01 Mar 2026 10:01:30 GMT', now)).toBe(90);
    expect(readRetryAfter('Sun, 01 Mar 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    expect(readRetryAfter(null)).toBeUndefined();
    expect(readRetryAfter('')).toBeUndefined();
    expect(readRetryAfter('soon')).toBeUndefined();
    expect(readRetryAfter('-5')).toBeUndefined();
  });
});
