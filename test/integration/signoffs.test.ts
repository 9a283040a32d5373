import {
  contentHash,
  readWorkshop,
  requiredSignerNames,
  sectionMap,
  signoffStatus,
  toModel,
  writeShortText,
} from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  connectSynced,
  inviteParty,
  makeTempDataDir,
  type NodeClient,
  startTestServer,
  waitFor,
} from '../support/server.ts';
import { caseWithParties } from './accessFixtures.ts';

/** docs/workshop.md W10: sign-offs by the party's own token, against the server's content hash. */
describe('[W10] sign-offs', () => {
  const { clients, servers, dirs } = cleanupAfterEach();

  /** The status of each required signer as a client computes it from its own document. */
  function statusIn(client: NodeClient) {
    const record = readWorkshop(client.doc);
    const signoffs = Object.entries(record.signoffs).map(([partyId, s]) => ({ partyId, hash: s.hash, at: s.at }));
    return signoffStatus(record.requiredSigners, signoffs, contentHash(toModel(client.doc)));
  }

  it('a party signs only for itself, against the current hash; any content change makes it outdated; it survives a restart', async () => {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const server = await startTestServer({ dataDir });
    servers.push(server);
    const parties = await caseWithParties(server.url, { example: true });
    const call = (token: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
      api(server.url, token, method, `/api/cases/${parties.id}${path}`, body);
    const editor = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(editor);
    const editorId = parties.editor.party.id;
    // The second signer is a second editor: observers sign nothing (issue 9).
    const signer = await inviteParty(server.url, parties.id, parties.facilitator, {
      name: 'Investor',
      kind: 'investor',
      role: 'editor',
    });
    const signerId = signer.party.id;

    // Required signers: facilitator only, parties of the case only.
    expect(
      (await call(parties.editor.token, 'PUT', '/workshop/required-signers', { partyIds: [editorId] })).status,
    ).toBe(403);
    const unknown = await call(parties.facilitator, 'PUT', '/workshop/required-signers', { partyIds: ['nobody'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^partyIds:/);
    const required = await call(parties.facilitator, 'PUT', '/workshop/required-signers', {
      partyIds: [editorId, signerId],
    });
    expect(required.body.requiredSigners.sort()).toEqual([editorId, signerId].sort());
    await waitFor(() => readWorkshop(editor.doc).requiredSigners.length === 2, { what: 'required signers' });
    // Stored with their names, so an editor can name an absent signer.
    expect(requiredSignerNames(editor.doc)).toEqual({
      [editorId]: parties.editor.party.name,
      [signerId]: signer.party.name,
    });
    expect(statusIn(editor).map((s) => s.state)).toEqual(['missing', 'missing']);

    const hash = contentHash(toModel(editor.doc));
    expect((await call(parties.editor.token, 'GET', '/workshop')).body.contentHash).toBe(hash);
    // A stale hash is refused with the current one.
    const stale = await call(parties.editor.token, 'POST', '/workshop/signoffs', { hash: 'b'.repeat(64) });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'hashMismatch', currentHash: hash });
    // A body naming another party is refused; nothing is recorded for anyone.
    const forged = await call(parties.editor.token, 'POST', '/workshop/signoffs', { hash, partyId: signerId });
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toContain('partyId');
    expect((await call(parties.facilitator, 'GET', '/workshop')).body.workshop.signoffs).toEqual({});

    // The editor signs: recorded for its own party and the person who signed (issue 15), with an automatic snapshot.
    const signed = await call(parties.editor.token, 'POST', '/workshop/signoffs', {
      hash,
      signerName: ' Erik Eriksen ',
    });
    expect(signed.status).toBe(201);
    expect(signed.body.signoff).toMatchObject({
      partyId: editorId,
      hash,
      partyName: 'Jobcenter Holbæk',
      signerName: 'Erik Eriksen',
    });
    expect(signed.body.snapshot).toMatchObject({ kind: 'signoff', createdByPartyId: editorId });
    // A colleague sharing the link signs the same version: a co-signer, in order; the same person
    // again (case and spaces aside) or no name changes nothing (and no second snapshot: counted below).
    const colleague = await call(parties.editor.token, 'POST', '/workshop/signoffs', {
      hash,
      signerName: 'Lise Leder',
    });
    expect(colleague.status).toBe(201);
    expect(colleague.body.signoff).toMatchObject({ signerName: 'Erik Eriksen', coSigners: [{ name: 'Lise Leder' }] });
    for (const again of [' erik eriksen ', 'LISE LEDER', undefined]) {
      const same = await call(parties.editor.token, 'POST', '/workshop/signoffs', { hash, signerName: again });
      expect(same.body.signoff.coSigners, String(again)).toEqual([{ name: 'Lise Leder', at: expect.any(String) }]);
    }
    // The investor signs too; an observer may not (403, nothing recorded).
    expect((await call(signer.token, 'POST', '/workshop/signoffs', { hash })).status).toBe(201);
    expect((await call(parties.observer.token, 'POST', '/workshop/signoffs', { hash })).status).toBe(403);
    await waitFor(() => Object.keys(readWorkshop(editor.doc).signoffs).length === 2, {
      what: 'sign-offs reach clients',
    });
    expect(Object.keys(readWorkshop(editor.doc).signoffs).sort()).toEqual([editorId, signerId].sort());
    // The name travels in the document; a sign-off without one (as before issue 15) has none and still counts.
    expect(readWorkshop(editor.doc).signoffs[editorId]?.signerName).toBe('Erik Eriksen');
    expect(readWorkshop(editor.doc).signoffs[editorId]?.coSigners?.map((c) => c.name)).toEqual(['Lise Leder']);
    expect(readWorkshop(editor.doc).signoffs[signerId]).not.toHaveProperty('signerName');
    expect(statusIn(editor).map((s) => s.state)).toEqual(['current', 'current']);
    const view = (await call(parties.facilitator, 'GET', '/workshop')).body;
    expect(view.agreed).toBe(true);
    const snapshots = (await call(parties.facilitator, 'GET', '/snapshots')).body as { kind: string }[];
    expect(snapshots.filter((s) => s.kind === 'signoff')).toHaveLength(2);

    // The phase is not content: changing it keeps the sign-offs current.
    await call(parties.facilitator, 'POST', '/workshop/phase', { phase: 3 });
    await waitFor(() => readWorkshop(editor.doc).phase === 3, { what: 'phase' });
    expect(statusIn(editor).map((s) => s.state)).toEqual(['current', 'current']);

    // Any content field change makes them outdated.
    editor.doc.transact(() => writeShortText(sectionMap(editor.doc, 'evaluation')!, 'evaluator', 'Et andet institut'));
    await waitFor(() => statusIn(editor).every((s) => s.state === 'outdated'), { what: 'outdated' });
    // The server has the edit once it reaches it (the editor's own copy shows it at once).
    let after = (await call(parties.facilitator, 'GET', '/workshop')).body;
    for (let i = 0; i < 100 && after.agreed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = (await call(parties.facilitator, 'GET', '/workshop')).body;
    }
    expect(after.agreed).toBe(false);
    expect(after.signoffStatus.map((s: { state: string }) => s.state)).toEqual(['outdated', 'outdated']);

    // Across a restart the sign-offs keep their state (they are in the stored Y.Doc).
    const before = readWorkshop(editor.doc).signoffs;
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    const restarted = await startTestServer({ dataDir });
    servers.push(restarted);
    const again = await connectSynced(restarted.wsUrl, parties.id, { token: parties.observer.token });
    clients.push(again);
    expect(readWorkshop(again.doc).signoffs).toEqual(before);
    expect(statusIn(again).map((s) => s.state)).toEqual(['outdated', 'outdated']);
    const reread = await api(restarted.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/workshop`);
    expect(reread.body.signoffStatus.map((s: { state: string }) => s.state)).toEqual(['outdated', 'outdated']);
    // Signing the new version makes the investor's current again.
    const fresh = await api(restarted.url, signer.token, 'POST', `/api/cases/${parties.id}/workshop/signoffs`, {
      hash: reread.body.contentHash,
    });
    expect(fresh.status).toBe(201);
    await waitFor(
      () =>
        statusIn(again)
          .map((s) => s.state)
          .join() !== 'outdated,outdated',
      { what: 'fresh sign-off' },
    );
    expect(statusIn(again).find((s) => s.partyId === signerId)?.state).toBe('current');
  });
});
