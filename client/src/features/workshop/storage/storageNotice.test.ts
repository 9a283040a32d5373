import { STORAGE_BOUNDS } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { da } from '../../../i18n/da.ts';
import { en } from '../../../i18n/en.ts';
import { storageNoticeText, storagePercent, tidiedText, tidyFailedText } from './storageNotice.ts';

const MB = 1024 * 1024;
const quota = STORAGE_BOUNDS.caseQuotaBytes;
const warn = { level: 'warn' as const, usedBytes: 0.82 * quota, quotaBytes: quota };
const full = { level: 'full' as const, usedBytes: quota + 2 * 1024, quotaBytes: quota };

describe('[9] the storage notice', () => {
  it('tells the facilitator the share used, in Danish number format, from the warning on', () => {
    expect(storageNoticeText(warn, undefined, true, da.workshop.storage)).toBe(
      'Sagen har brugt 82 % af sin lagerplads (52,5 MB af 64 MB).',
    );
    expect(storageNoticeText(warn, undefined, true, en.workshop.storage)).toBe(
      'The case has used 82 % of its storage (52,5 MB of 64 MB).',
    );
  });

  it('prefers the latest usage the server gave to the figure the notice was written with', () => {
    const latest = { usedBytes: 60 * MB, quotaBytes: quota };
    expect(storageNoticeText(warn, latest, true, da.workshop.storage)).toBe(
      'Sagen har brugt 93 % af sin lagerplads (60 MB af 64 MB).',
    );
  });

  it('says at the quota that changes are refused until the case is tidied up', () => {
    expect(storageNoticeText(full, undefined, true, da.workshop.storage)).toBe(
      'Sagen har brugt hele sin lagerplads (64 MB af 64 MB). Ændringer afvises, indtil der er ryddet op.',
    );
  });

  it('tells the other parties nothing at the warning and one short line at the quota', () => {
    expect(storageNoticeText(warn, undefined, false, da.workshop.storage)).toBeUndefined();
    expect(storageNoticeText(full, undefined, false, da.workshop.storage)).toBe(
      'Sagen har brugt hele sin lagerplads. Ændringer afvises, indtil facilitatoren har ryddet op.',
    );
    expect(storageNoticeText(full, undefined, false, en.workshop.storage)).toBe(
      'The case has used all of its storage. Changes are refused until the facilitator tidies it up.',
    );
    expect(storageNoticeText(undefined, undefined, true, da.workshop.storage)).toBeUndefined();
  });

  it('rounds the share down, so 80 % is shown only once it is reached', () => {
    expect(storagePercent({ usedBytes: 799, quotaBytes: 1000 })).toBe('79');
    expect(storagePercent({ usedBytes: 1000, quotaBytes: 1000 })).toBe('100');
  });

  it('states the result of tidying up, and why it failed', () => {
    expect(tidiedText({ usedBytes: 1.5 * MB, quotaBytes: quota }, da.workshop.storage)).toBe(
      'Der er ryddet op. Sagen bruger nu 2 % af sin lagerplads (1,5 MB af 64 MB).',
    );
    expect(tidyFailedText('storageUnavailable', da)).toBe(da.workshop.storage.unavailable);
    expect(tidyFailedText('forbidden', en)).toBe(en.workshop.failed);
    expect(tidyFailedText(undefined, da)).toBe(da.workshop.failed);
  });
});
