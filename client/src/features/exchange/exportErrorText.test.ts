import { describe, expect, it } from 'vitest';
import { da } from '../../i18n/da.ts';
import { en } from '../../i18n/en.ts';
import { exportErrorText } from './exportErrorText.ts';

describe('exportErrorText', () => {
  const errors = da.exchange.export.errors;
  it('tells a lasting failure (500) from a passing one (503): only the latter says try again', () => {
    expect(exportErrorText(da, { reason: 'server', status: 500, code: 'exportFailed' })).toBe(errors.exportFailed);
    expect(exportErrorText(da, { reason: 'server', status: 503, code: 'exportUnavailable' })).toBe(
      errors.exportUnavailable,
    );
    expect(errors.exportFailed).not.toMatch(/prøv igen om lidt/i);
    expect(errors.exportUnavailable).toMatch(/prøv igen om lidt/i);
  });

  it('explains a lost link, a missing version and an unreachable server', () => {
    expect(exportErrorText(da, { reason: 'server', status: 401, code: 'tokenInvalid' })).toBe(errors.tokenInvalid);
    expect(exportErrorText(da, { reason: 'server', status: 404, code: 'snapshotNotFound' })).toBe(
      errors.snapshotNotFound,
    );
    expect(exportErrorText(da, { reason: 'unreachable' })).toBe(errors.unreachable);
  });
});

describe('exportErrorText: codes the export has no words of its own for', () => {
  it("says what the server's code means, in the person's language", () => {
    expect(exportErrorText(da, { reason: 'server', status: 503, code: 'storageUnavailable' })).toBe(
      da.apiErrors.storageUnavailable,
    );
    expect(exportErrorText(en, { reason: 'server', status: 404, code: 'unknownFormat' })).toBe(
      en.apiErrors.unknownFormat,
    );
    expect(exportErrorText(da, { reason: 'server', status: 500, code: 'internal' })).toBe(
      da.exchange.export.errors.exportFailed,
    );
    expect(exportErrorText(da, { reason: 'server', status: 502 })).toBe(da.exchange.export.errors.failed);
  });
});
