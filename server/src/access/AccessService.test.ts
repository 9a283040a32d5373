import { describe, expect, it } from 'vitest';
import { silentLog } from '../log.ts';
import { MemoryDocumentStore } from '../storage/MemoryDocumentStore.ts';
import { makeNewCase } from '../storage/storageContractSuite.ts';
import { AccessService } from './AccessService.ts';
import { hashToken } from './tokens.ts';

function setup() {
  const store = new MemoryDocumentStore();
  const clock = { t: 1_000 };
  const access = new AccessService(store, { log: silentLog, now: () => clock.t++ });
  const { founder, token } = access.founder('case-1');
  store.createCase(makeNewCase({ founder }));
  store.createCase(makeNewCase({ id: 'case-2', founder: access.founder('case-2').founder }));
  return { store, access, clock, facilitatorToken: token, facilitatorId: founder.party.id };
}

describe('AccessService', () => {
  it('[A1] stores only the hash of a token; the founder is the facilitator', () => {
    const { store, facilitatorToken, facilitatorId } = setup();
    expect(facilitatorToken).toMatch(/^cr1_[A-Za-z0-9_-]{43}$/);
    expect(store.findToken(hashToken(facilitatorToken))).toMatchObject({ caseId: 'case-1', partyId: facilitatorId });
    expect(store.findToken(facilitatorToken)).toBeUndefined();
    expect(store.listParties('case-1')).toEqual([
      {
        id: facilitatorId,
        caseId: 'case-1',
        name: 'Facilitator',
        kind: 'facilitator',
        role: 'facilitator',
        departmentId: undefined,
      },
    ]);
  });

  it('[A5] checks in order: unknown case, missing, invalid (unknown, malformed, other case), revoked', () => {
    const { access, facilitatorToken, facilitatorId } = setup();
    expect(access.check('nope', facilitatorToken)).toEqual({ ok: false, reason: 'caseNotFound' });
    expect(access.check('case-1', undefined)).toEqual({ ok: false, reason: 'tokenMissing' });
    expect(access.check('case-1', '')).toEqual({ ok: false, reason: 'tokenMissing' });
    expect(access.check('case-1', 'garbage')).toEqual({ ok: false, reason: 'tokenInvalid' });
    expect(access.check('case-1', `cr1_${'a'.repeat(43)}`)).toEqual({ ok: false, reason: 'tokenInvalid' });
    expect(access.check('case-2', facilitatorToken)).toEqual({ ok: false, reason: 'tokenInvalid' });
    const granted = access.check('case-1', facilitatorToken);
    expect(granted).toEqual({
      ok: true,
      party: { id: facilitatorId, name: 'Facilitator', kind: 'facilitator', role: 'facilitator' },
      tokenHash: hashToken(facilitatorToken),
      expiresAt: undefined,
    });
    access.rotate('case-1', facilitatorId);
    expect(access.check('case-1', facilitatorToken)).toEqual({ ok: false, reason: 'tokenRevoked' });
    // A revoked token of another case is just invalid there.
    expect(access.check('case-2', facilitatorToken)).toEqual({ ok: false, reason: 'tokenInvalid' });
    expect(access.resolve(facilitatorToken)).toBeUndefined();
  });

  it('[A9] invite gives a party one live token; rotate revokes it, tells listeners and returns a new one', () => {
    const { access } = setup();
    const invited = access.invite('case-1', { name: 'Investor', kind: 'investor', role: 'observer' });
    expect(invited.party).toEqual({ id: expect.any(String), name: 'Investor', kind: 'investor', role: 'observer' });
    expect(access.resolve(invited.token)).toEqual({ caseId: 'case-1', party: invited.party });
    const heard: unknown[] = [];
    const stop = access.onAccessChange((change) => heard.push(change));
    const rotated = access.rotate('case-1', invited.party.id)!;
    expect(rotated.party).toEqual(invited.party);
    expect(rotated.token).not.toBe(invited.token);
    expect(heard).toEqual([
      { kind: 'rotated', caseId: 'case-1', partyId: invited.party.id, tokenHashes: [hashToken(invited.token)] },
    ]);
    expect(access.check('case-1', rotated.token).ok).toBe(true);
    expect(access.rotate('case-1', 'nobody')).toBeUndefined();
    stop();
    access.rotate('case-1', invited.party.id);
    expect(heard).toHaveLength(1);
  });

  it('[A11] adopts exactly the cases without parties, once', () => {
    const { store, access } = setup();
    store.createCase(makeNewCase({ id: 'old', summary: { title: 'Gammel', municipality: undefined, phase: 1 } }));
    const adopted = access.adoptCasesWithoutParties();
    expect(adopted).toEqual([{ caseId: 'old', title: 'Gammel', token: expect.stringMatching(/^cr1_/) }]);
    expect(access.check('old', adopted[0]!.token)).toMatchObject({ ok: true, party: { role: 'facilitator' } });
    expect(access.adoptCasesWithoutParties()).toEqual([]);
  });

  it('[A13] an expired link is refused with linkExpired until the facilitator gives it a later time; listeners hear the change', () => {
    const { access, clock } = setup();
    const invited = access.invite('case-1', { name: 'Investor', kind: 'investor', role: 'observer' });
    const heard: unknown[] = [];
    access.onAccessChange((change) => heard.push(change));
    const set = access.setExpiry('case-1', invited.party.id, 5_000);
    expect(set).toEqual({
      ok: true,
      value: { ...invited.party, expiresAt: new Date(5_000).toISOString(), endedAt: null },
    });
    expect(heard).toEqual([{ kind: 'expiry', caseId: 'case-1', partyId: invited.party.id, expiresAt: 5_000 }]);
    expect(access.check('case-1', invited.token)).toMatchObject({ ok: true, expiresAt: 5_000 });
    clock.t = 5_000;
    expect(access.check('case-1', invited.token)).toEqual({ ok: false, reason: 'linkExpired' });
    expect(access.recheck('case-1', hashToken(invited.token))).toEqual({ ok: false, reason: 'linkExpired' });
    expect(access.resolve(invited.token)).toBeUndefined();
    access.setExpiry('case-1', invited.party.id, undefined);
    expect(access.check('case-1', invited.token).ok).toBe(true);
    expect(access.listParties('case-1').find((p) => p.id === invited.party.id)?.expiresAt).toBeNull();
    expect(access.setExpiry('case-1', 'nobody', 9_000)).toMatchObject({
      ok: false,
      status: 404,
      code: 'partyNotFound',
    });
  });

  it('[A13] ending access refuses the link with accessEnded (before its expiry) and tells listeners; a new link lets the party back in', () => {
    const { access, facilitatorId } = setup();
    const editor = access.invite('case-1', { name: 'Jobcenter', kind: 'department', role: 'editor' });
    const heard: unknown[] = [];
    access.onAccessChange((change) => heard.push(change));
    const ended = access.end('case-1', editor.party.id);
    expect(ended.ok && ended.value.endedAt).toMatch(/^\d{4}-/);
    expect(heard).toEqual([{ kind: 'ended', caseId: 'case-1', partyId: editor.party.id }]);
    expect(access.check('case-1', editor.token)).toEqual({ ok: false, reason: 'accessEnded' });
    expect(access.setExpiry('case-1', editor.party.id, 9_999_999)).toMatchObject({ status: 409, code: 'accessEnded' });
    // Ending again changes nothing and tells nobody.
    expect(access.end('case-1', editor.party.id)).toEqual(ended);
    expect(heard).toHaveLength(1);
    const renewed = access.rotate('case-1', editor.party.id)!;
    expect(access.check('case-1', editor.token)).toEqual({ ok: false, reason: 'tokenRevoked' });
    expect(access.check('case-1', renewed.token).ok).toBe(true);
    // The only facilitator cannot be ended nor given an end.
    expect(access.end('case-1', facilitatorId)).toMatchObject({ ok: false, status: 409, code: 'lastFacilitator' });
    expect(access.setExpiry('case-1', facilitatorId, 9_999_999)).toMatchObject({
      status: 409,
      code: 'lastFacilitator',
    });
    const second = access.invite('case-1', { name: 'Co-facilitator', kind: 'facilitator', role: 'facilitator' });
    expect(access.end('case-1', facilitatorId).ok).toBe(true);
    expect(access.end('case-1', second.party.id)).toMatchObject({ status: 409, code: 'lastFacilitator' });
  });
});
