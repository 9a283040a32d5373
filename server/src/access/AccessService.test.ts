import { describe, expect, it } from 'vitest';
import { silentLog } from '../log.ts';
import { MemoryDocumentStore } from '../storage/MemoryDocumentStore.ts';
import { makeNewCase } from '../storage/storageContractSuite.ts';
import { AccessService } from './AccessService.ts';
import { hashToken } from './tokens.ts';

function setup() {
  const store = new MemoryDocumentStore();
  let t = 1_000;
  const access = new AccessService(store, { log: silentLog, now: () => t++ });
  const { founder, token } = access.founder('case-1');
  store.createCase(makeNewCase({ founder }));
  store.createCase(makeNewCase({ id: 'case-2', founder: access.founder('case-2').founder }));
  return { store, access, facilitatorToken: token, facilitatorId: founder.party.id };
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
    const stop = access.onRevoke((revocation) => heard.push(revocation));
    const rotated = access.rotate('case-1', invited.party.id)!;
    expect(rotated.party).toEqual(invited.party);
    expect(rotated.token).not.toBe(invited.token);
    expect(heard).toEqual([{ caseId: 'case-1', partyId: invited.party.id, tokenHashes: [hashToken(invited.token)] }]);
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
});
