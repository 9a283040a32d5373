import { describe, expect, it } from 'vitest';
import type { PartyRecord } from '../storage/AccessStore.ts';
import { isLastLastingFacilitator, linkState, parseExpiryChange } from './linkLifetime.ts';

const NOW = Date.parse('2026-01-15T12:00:00Z');

describe('link lifetime (A13)', () => {
  it('a link is open until its time, ended when the facilitator ended it', () => {
    expect(linkState({}, NOW)).toBe('open');
    expect(linkState({ expiresAt: NOW + 1 }, NOW)).toBe('open');
    expect(linkState({ expiresAt: NOW }, NOW)).toBe('expired');
    expect(linkState({ expiresAt: NOW + 1, endedAt: NOW - 5 }, NOW)).toBe('ended');
    expect(linkState({ expiresAt: NOW - 1, endedAt: NOW - 5 }, NOW)).toBe('ended');
  });

  it('reads an ISO time or null; refuses a time that is not one, one that passed, and other fields, saying what to send', () => {
    expect(parseExpiryChange({ expiresAt: '2026-06-30T16:00:00Z' }, NOW)).toEqual({
      ok: true,
      expiresAt: Date.parse('2026-06-30T16:00:00Z'),
    });
    expect(parseExpiryChange({ expiresAt: '2026-06-30T18:00:00+02:00' }, NOW)).toEqual({
      ok: true,
      expiresAt: Date.parse('2026-06-30T16:00:00Z'),
    });
    expect(parseExpiryChange({ expiresAt: '2026-06-30' }, NOW)).toMatchObject({ ok: true });
    expect(parseExpiryChange({ expiresAt: null }, NOW)).toEqual({ ok: true, expiresAt: undefined });
    for (const body of [
      { expiresAt: 'next tuesday' },
      { expiresAt: '30-06-2026' },
      { expiresAt: 1_800_000_000_000 },
      { expiresAt: '2026-02-30T10:00:00Z' },
      {},
      null,
      [],
    ]) {
      const parsed = parseExpiryChange(body, NOW);
      expect(parsed.ok, JSON.stringify(body)).toBe(false);
      expect(!parsed.ok && parsed.message, JSON.stringify(body)).toContain('{"expiresAt": null}');
    }
    const past = parseExpiryChange({ expiresAt: '2025-12-31T23:00:00Z' }, NOW);
    expect(!past.ok && past.message).toContain('has already passed');
    const extra = parseExpiryChange({ expiresAt: null, partyId: 'x' }, NOW);
    expect(!extra.ok && extra.message).toContain('Unknown field partyId');
  });

  it('the last facilitator whose link lasts is the one a case cannot lose', () => {
    const party = (id: string, role: PartyRecord['role'], extra: Partial<PartyRecord> = {}): PartyRecord => ({
      id,
      caseId: 'c',
      name: id,
      kind: 'facilitator',
      role,
      departmentId: undefined,
      ...extra,
    });
    const parties = [party('f1', 'facilitator'), party('e', 'editor')];
    expect(isLastLastingFacilitator(parties, 'f1')).toBe(true);
    expect(isLastLastingFacilitator(parties, 'e')).toBe(false);
    expect(isLastLastingFacilitator([...parties, party('f2', 'facilitator')], 'f1')).toBe(false);
    expect(isLastLastingFacilitator([...parties, party('f2', 'facilitator', { endedAt: 1 })], 'f1')).toBe(true);
    expect(isLastLastingFacilitator([...parties, party('f2', 'facilitator', { expiresAt: NOW })], 'f1')).toBe(true);
  });
});
