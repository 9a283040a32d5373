import { describe, expect, it } from 'vitest';
import {
  caseIdFrom,
  personalDataFilename,
  readMemberExpiry,
  readRetentionDays,
  retentionFieldText,
} from './adminForms.ts';

describe('the administrator page’s entries (issue 15)', () => {
  it('reads the retention in days: empty keeps, Danish whole numbers within 1–3650', () => {
    expect(readRetentionDays('')).toEqual({ ok: true, days: null });
    expect(readRetentionDays('  ')).toEqual({ ok: true, days: null });
    expect(readRetentionDays('30')).toEqual({ ok: true, days: 30 });
    expect(readRetentionDays('1.000')).toEqual({ ok: true, days: 1000 });
    expect(readRetentionDays('3650')).toEqual({ ok: true, days: 3650 });
    expect(readRetentionDays('3651')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(readRetentionDays('0')).toEqual({ ok: false, problem: 'tooSmall' });
    expect(readRetentionDays('-5')).toEqual({ ok: false, problem: 'tooSmall' });
    expect(readRetentionDays('2,5')).toEqual({ ok: false, problem: 'notWhole' });
    expect(readRetentionDays('en måned')).toEqual({ ok: false, problem: 'notWhole' });
    expect(readRetentionDays('1e20')).toEqual({ ok: false, problem: 'notWhole' });
    expect(retentionFieldText(null)).toBe('');
    expect(retentionFieldText(90)).toBe('90');
    expect(retentionFieldText(1095)).toBe('1.095');
    expect(readRetentionDays(retentionFieldText(1095))).toEqual({ ok: true, days: 1095 });
  });

  it('reads a member’s expiry day: none when empty, the start of the next day, never a past day', () => {
    const now = new Date(2026, 4, 10, 12).getTime();
    expect(readMemberExpiry('', now)).toEqual({ ok: true, expiresAt: null });
    expect(readMemberExpiry('2026-05-10', now)).toEqual({
      ok: true,
      expiresAt: new Date(2026, 4, 11).toISOString(),
    });
    expect(readMemberExpiry('2026-05-09', now)).toEqual({ ok: false, problem: 'datePassed' });
    expect(readMemberExpiry('2026-02-30', now)).toEqual({ ok: false, problem: 'dateRequired' });
    expect(readMemberExpiry('i morgen', now)).toEqual({ ok: false, problem: 'dateRequired' });
  });

  it('takes a case id as typed or out of a pasted case link, never anything with a slash or space', () => {
    expect(caseIdFrom('  abc-123 ')).toBe('abc-123');
    expect(caseIdFrom('https://caseroom.example/case/abc-123#token=secret')).toBe('abc-123');
    expect(caseIdFrom('/case/a%20b')).toBeUndefined();
    expect(caseIdFrom('/case/%E0%A4%A')).toBeUndefined();
    expect(caseIdFrom('a/b')).toBeUndefined();
    expect(caseIdFrom('')).toBeUndefined();
    expect(caseIdFrom('x'.repeat(201))).toBeUndefined();
  });

  it('names the download after the case and the day, safe as a file name', () => {
    expect(personalDataFilename({ caseId: 'abc-123', listedAt: '2026-05-10T12:00:00.000Z' })).toBe(
      'persondata-abc-123-2026-05-10.json',
    );
    expect(personalDataFilename({ caseId: '../../etc', listedAt: '2026-05-10T12:00:00.000Z' })).toBe(
      'persondata-______etc-2026-05-10.json',
    );
  });
});
