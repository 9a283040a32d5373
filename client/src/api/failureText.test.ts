import { ApiErrorCode } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { da } from '../i18n/da.ts';
import { en } from '../i18n/en.ts';
import { failureOf, failureText, networkFailureText, UNREADABLE_ANSWER } from './failureText.ts';
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

describe('failureText in the parties dialog (docs/access.md A5, A9)', () => {
  const parties = (failure: Parameters<typeof failureText>[1], m = da) => failureText(m, failure, 'parties');

  it('keeps its own words where it says more than the code', () => {
    expect(parties({ reason: 'server', status: 409, code: 'accessEnded' })).toBe(da.invite.errors.partyEnded);
    expect(parties({ reason: 'server', status: 403, code: 'forbidden' })).toBe(da.invite.errors.forbidden);
    expect(parties({ reason: 'server', status: 404, code: 'partyNotFound' }, en)).toBe(en.invite.errors.notFound);
    expect(parties({ reason: 'unreachable' })).toBe(da.invite.errors.unreachable);
  });

  it("says what the server's code means otherwise, in the person's language", () => {
    expect(parties({ reason: 'server', status: 409, code: 'lastFacilitator' })).toBe(da.apiErrors.lastFacilitator);
    expect(parties({ reason: 'server', status: 400, code: 'badRequest' }, en)).toBe(en.apiErrors.badRequest);
    expect(parties({ reason: 'server', status: 401, code: 'tokenMissing' })).toBe(da.apiErrors.tokenInvalid);
    expect(parties({ reason: 'server', status: 503, code: 'storageUnavailable' }, en)).toBe(
      en.apiErrors.storageUnavailable,
    );
    expect(parties({ reason: 'server', status: 502 })).toBe(da.invite.errors.failed);
  });

  it('an expired link is the network text, as everywhere', () => {
    expect(parties({ reason: 'server', status: 403, code: 'linkExpired' })).toBe(da.network.errors.linkExpired);
  });
});

describe('[11] failureText in the workshop and comments', () => {
  it("says the server's reason when it gave a known code, in Danish and English", () => {
    const failure = { reason: 'server' as const, status: 403, code: ApiErrorCode.Forbidden };
    expect(failureText(da, failure)).toBe(da.apiErrors.forbidden);
    expect(failureText(en, failure)).toBe(en.apiErrors.forbidden);
    expect(failureText(en, failure)).not.toBe(en.workshop.failed);
  });

  it('uses the storage wording when the store cannot write', () => {
    const failure = { reason: 'server' as const, status: 503, code: ApiErrorCode.StorageUnavailable };
    expect(failureText(da, failure)).toBe(da.workshop.storage.unavailable);
    expect(failureText(en, failure)).toBe(en.workshop.storage.unavailable);
  });

  it('says when to try again after too many requests', () => {
    expect(failureText(en, server(429, 'tooManyRequests', 60))).toContain('Try again in 1 minute.');
  });

  it('falls back to the generic text without a known code', () => {
    expect(failureText(da, undefined)).toBe(da.workshop.failed);
    expect(failureText(en, { reason: 'unreachable' })).toBe(en.workshop.failed);
    expect(failureText(da, { reason: 'server', status: 500 })).toBe(da.workshop.failed);
    expect(failureText(en, UNREADABLE_ANSWER)).toBe(en.workshop.failed);
    const unknown = { reason: 'server', status: 418, code: 'teapot' } as unknown as Parameters<typeof failureText>[1];
    expect(failureText(en, unknown)).toBe(en.workshop.failed);
  });

  it('keeps the failure of a failed result and nothing of a success', () => {
    expect(failureOf({ ok: true, value: 1 })).toBeUndefined();
    expect(failureOf({ ok: false, reason: 'server', status: 409, code: ApiErrorCode.Forbidden })?.code).toBe(
      ApiErrorCode.Forbidden,
    );
  });
});
