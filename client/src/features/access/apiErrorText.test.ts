import { describe, expect, it } from 'vitest';
import { da } from '../../i18n/da.ts';
import { en } from '../../i18n/en.ts';
import { apiErrorText } from './apiErrorText.ts';

describe('apiErrorText (the parties dialog)', () => {
  it('keeps its own words where it says more than the code', () => {
    expect(apiErrorText(da, { reason: 'server', status: 409, code: 'accessEnded' })).toBe(da.invite.errors.partyEnded);
    expect(apiErrorText(da, { reason: 'server', status: 403, code: 'forbidden' })).toBe(da.invite.errors.forbidden);
    expect(apiErrorText(en, { reason: 'server', status: 404, code: 'partyNotFound' })).toBe(en.invite.errors.notFound);
    expect(apiErrorText(da, { reason: 'unreachable' })).toBe(da.invite.errors.unreachable);
  });

  it("says what the server's code means otherwise, in the person's language", () => {
    expect(apiErrorText(da, { reason: 'server', status: 409, code: 'lastFacilitator' })).toBe(
      da.apiErrors.lastFacilitator,
    );
    expect(apiErrorText(en, { reason: 'server', status: 400, code: 'badRequest' })).toBe(en.apiErrors.badRequest);
    expect(apiErrorText(da, { reason: 'server', status: 401, code: 'tokenMissing' })).toBe(da.apiErrors.tokenInvalid);
    expect(apiErrorText(en, { reason: 'server', status: 503, code: 'storageUnavailable' })).toBe(
      en.apiErrors.storageUnavailable,
    );
    expect(apiErrorText(da, { reason: 'server', status: 502 })).toBe(da.invite.errors.failed);
  });
});
