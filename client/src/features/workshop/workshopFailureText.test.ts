import { ApiErrorCode } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { da } from '../../i18n/da.ts';
import { en } from '../../i18n/en.ts';
import { failureOf, UNREADABLE_ANSWER, workshopFailureText } from './workshopFailureText.ts';

describe('[11] the text of a failed workshop request', () => {
  it("says the server's reason when it gave a known code, in Danish and English", () => {
    const failure = { reason: 'server' as const, status: 403, code: ApiErrorCode.Forbidden };
    expect(workshopFailureText(failure, da)).toBe(da.apiErrors.forbidden);
    expect(workshopFailureText(failure, en)).toBe(en.apiErrors.forbidden);
    expect(workshopFailureText(failure, en)).not.toBe(en.workshop.failed);
  });

  it('uses the storage wording when the store cannot write', () => {
    const failure = { reason: 'server' as const, status: 503, code: ApiErrorCode.StorageUnavailable };
    expect(workshopFailureText(failure, da)).toBe(da.workshop.storage.unavailable);
    expect(workshopFailureText(failure, en)).toBe(en.workshop.storage.unavailable);
  });

  it('falls back to the generic text without a known code', () => {
    expect(workshopFailureText(undefined, da)).toBe(da.workshop.failed);
    expect(workshopFailureText({ reason: 'unreachable' }, en)).toBe(en.workshop.failed);
    expect(workshopFailureText({ reason: 'server', status: 500 }, da)).toBe(da.workshop.failed);
    expect(workshopFailureText(UNREADABLE_ANSWER, en)).toBe(en.workshop.failed);
    const unknown = { reason: 'server', status: 418, code: 'teapot' } as unknown as Parameters<
      typeof workshopFailureText
    >[0];
    expect(workshopFailureText(unknown, en)).toBe(en.workshop.failed);
  });

  it('keeps the failure of a failed result and nothing of a success', () => {
    expect(failureOf({ ok: true, value: 1 })).toBeUndefined();
    expect(failureOf({ ok: false, reason: 'server', status: 409, code: ApiErrorCode.Forbidden })?.code).toBe(
      ApiErrorCode.Forbidden,
    );
  });
});
