import { afterEach, describe, expect, it } from 'vitest';
import { silentLog } from '../log.ts';
import { makeNewCase } from '../storage/contracts/contractFixtures.ts';
import type { Stores } from '../storage/Stores.ts';
import { openSqliteStores } from '../storage/sqliteStores.ts';
import { AccessService } from './AccessService.ts';
import { hashToken } from './tokens.ts';

const opened: Stores[] = [];
afterEach(async () => {
  for (const stores of opened.splice(0)) await stores.close();
});

async function setup() {
  const stores = await openSqliteStores(':memory:');
  opened.push(stores);
  const clock = { t: 1_000 };
  const access = new AccessService(stores, { log: silentLog, now: () => clock.t++ });
  const { founder, token } = access.founder('case-1');
  await stores.cases.create(makeNewCase({ founder }));
  await stores.cases.create(makeNewCase({ id: 'case-2', founder: access.founder('case-2').founder }));
  return { stores, access, clock, facilitatorToken: token, facilitatorId: founder.party.id };
}

describe('AccessService', () => {
  it('[A1] stores only the hash of a token; the founder is the facilitator', async () => {
    const { stores, facilitatorToken, facilitatorId } = await setup();
    expect(facilitatorToken).toMatch(/^cr1_[A-Za-z0-9_-]{43}$/);
    expect(await stores.access.findToken(hashToken(facilitatorToken))).toMatchObject({
      caseId: 'case-1',
      partyId: facilitatorId,
    });
    expect(await stores.access.findToken(facilitatorToken)).toBeUndefined();
    expect(await stores.access.listParties('case-1')).toEqual([
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

  it('[A5] checks in order: unknown case, missing, invalid (unknown, malformed, other case), revoked', async () => {
    const { access, facilitatorToken, facilitatorId } = await setup();
    expect(await access.check('nope', facilitatorToken)).toEqual({ ok: false, reason: 'caseNotFound' });
    expect(await access.check('case-1', undefined)).toEqual({ ok: false, reason: 'tokenMissing' });
    expect(await access.check('case-1', '')).toEqual({ ok: false, reason: 'tokenMissing' });
    expect(await access.check('case-1', 'garbage')).toEqual({ ok: false, reason: 'tokenInvalid' });
    expect(await access.check('case-1', `cr1_${'a'.repeat(43)}`)).toEqual({ ok: false, reason: 'tokenInvalid' });
    expect(await access.check('case-2', facilitatorToken)).toEqual({ ok: false, reason: 'tokenInvalid' });
    const granted = await access.check('case-1', facilitatorToken);
    expect(granted).toEqual({
      ok: true,
      party: { id: facilitatorId, name: 'Facilitator', kind: 'facilitator', role: 'facilitator' },
      tokenHash: hashToken(facilitatorToken),
      expiresAt: undefined,
      archived: false,
    });
    await access.rotate('case-1', facilitatorId);
    expect(await access.check('case-1', facilitatorToken)).toEqual({ ok: false, reason: 'tokenRevoked' });
    // A revoked token of another case is just invalid there.
    expect(await access.check('case-2', facilitatorToken)).toEqual({ ok: false, reason: 'tokenInvalid' });
    expect(await access.resolve(facilitatorToken)).toBeUndefined();
  });

  it('[A9] invite gives a party one live token; rotate revokes it, tells listeners and returns a new one', async () => {
    const { access } = await setup();
    const invited = await access.invite('case-1', { name: 'Investor', kind: 'investor', role: 'observer' });
    expect(invited.party).toEqual({ id: expect.any(String), name: 'Investor', kind: 'investor', role: 'observer' });
    expect(await access.resolve(invited.token)).toEqual({ caseId: 'case-1', party: invited.party });
    const heard: unknown[] = [];
    const stop = access.onAccessChange((change) => heard.push(change));
    const rotated = (await access.rotate('case-1', invited.party.id))!;
    expect(rotated.party).toEqual(invited.party);
    expect(rotated.token).not.toBe(invited.token);
    expect(heard).toEqual([
      { kind: 'rotated', caseId: 'case-1', partyId: invited.party.id, tokenHashes: [hashToken(invited.token)] },
    ]);
    expect((await access.check('case-1', rotated.token)).ok).toBe(true);
    expect(await access.rotate('case-1', 'nobody')).toBeUndefined();
    stop();
    await access.rotate('case-1', invited.party.id);
    expect(heard).toHaveLength(1);
  });

  it('[A11] adopts exactly the cases without parties, once', async () => {
    const { stores, access } = await setup();
    await stores.cases.create(
      makeNewCase({ id: 'old', summary: { title: 'Gammel', municipality: undefined, phase: 1 } }),
    );
    const adopted = await access.adoptCasesWithoutParties();
    expect(adopted).toEqual([{ caseId: 'old', title: 'Gammel', token: expect.stringMatching(/^cr1_/) }]);
    expect(await access.check('old', adopted[0]!.token)).toMatchObject({ ok: true, party: { role: 'facilitator' } });
    expect(await access.adoptCasesWithoutParties()).toEqual([]);
  });

  it('[A13] an expired link is refused with linkExpired until the facilitator gives it a later time; listeners hear the change', async () => {
    const { access, clock } = await setup();
    const invited = await access.invite('case-1', { name: 'Investor', kind: 'investor', role: 'observer' });
    const heard: unknown[] = [];
    access.onAccessChange((change) => heard.push(change));
    const set = await access.setExpiry('case-1', invited.party.id, 5_000);
    expect(set).toEqual({
      ok: true,
      value: { ...invited.party, expiresAt: new Date(5_000).toISOString(), endedAt: null },
    });
    expect(heard).toEqual([{ kind: 'expiry', caseId: 'case-1', partyId: invited.party.id, expiresAt: 5_000 }]);
    expect(await access.check('case-1', invited.token)).toMatchObject({ ok: true, expiresAt: 5_000 });
    clock.t = 5_000;
    expect(await access.check('case-1', invited.token)).toEqual({ ok: false, reason: 'linkExpired' });
    expect(await access.recheck('case-1', hashToken(invited.token))).toEqual({ ok: false, reason: 'linkExpired' });
    expect(await access.resolve(invited.token)).toBeUndefined();
    await access.setExpiry('case-1', invited.party.id, undefined);
    expect((await access.check('case-1', invited.token)).ok).toBe(true);
    expect((await access.listParties('case-1')).find((p) => p.id === invited.party.id)?.expiresAt).toBeNull();
    expect(await access.setExpiry('case-1', 'nobody', 9_000)).toMatchObject({
      ok: false,
      status: 404,
      code: 'partyNotFound',
    });
  });

  it('[A13] ending access refuses the link with accessEnded (before its expiry) and tells listeners; a new link lets the party back in', async () => {
    const { access, facilitatorId } = await setup();
    const editor = await access.invite('case-1', { name: 'Jobcenter', kind: 'department', role: 'editor' });
    const heard: unknown[] = [];
    access.onAccessChange((change) => heard.push(change));
    const ended = await access.end('case-1', editor.party.id);
    expect(ended.ok && ended.value.endedAt).toMatch(/^\d{4}-/);
    expect(heard).toEqual([{ kind: 'ended', caseId: 'case-1', partyId: editor.party.id }]);
    expect(await access.check('case-1', editor.token)).toEqual({ ok: false, reason: 'accessEnded' });
    expect(await access.setExpiry('case-1', editor.party.id, 9_999_999)).toMatchObject({
      status: 409,
      code: 'accessEnded',
    });
    // Ending again changes nothing and tells nobody.
    expect(await access.end('case-1', editor.party.id)).toEqual(ended);
    expect(heard).toHaveLength(1);
    const renewed = (await access.rotate('case-1', editor.party.id))!;
    expect(await access.check('case-1', editor.token)).toEqual({ ok: false, reason: 'tokenRevoked' });
    expect((await access.check('case-1', renewed.token)).ok).toBe(true);
    // The only facilitator cannot be ended nor given an end.
    expect(await access.end('case-1', facilitatorId)).toMatchObject({
      ok: false,
      status: 409,
      code: 'lastFacilitator',
    });
    expect(await access.setExpiry('case-1', facilitatorId, 9_999_999)).toMatchObject({
      status: 409,
      code: 'lastFacilitator',
    });
    const second = await access.invite('case-1', { name: 'Co-facilitator', kind: 'facilitator', role: 'facilitator' });
    expect((await access.end('case-1', facilitatorId)).ok).toBe(true);
    expect(await access.end('case-1', second.party.id)).toMatchObject({ status: 409, code: 'lastFacilitator' });
  });
});
