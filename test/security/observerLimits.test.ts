/**
 * Issue 9 item 4, the HTTP side: each observer sign-off stored a full snapshot (observers should
 * not sign at all), and any observer could fill the 20-job export queue.
 */
import { contentHash, readShortText, readWorkshop, sectionMap, toModel, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { caseWithParties } from '../integration/accessFixtures.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, bearer, connectSynced, startTestServer, waitFor } from '../support/server.ts';
import { healthProbe } from './attackFixtures.ts';

describe('[9.4] observers and per-party limits on the HTTP side', () => {
  const { clients, servers } = cleanupAfterEach();

  async function setUp() {
    const server = await startTestServer();
    servers.push(server);
    const parties = await caseWithParties(server.url, { example: true });
    const call = (token: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
      api(server.url, token, method, `/api/cases/${parties.id}${path}`, body);
    return { server, parties, call };
  }

  it('[9.4] an observer cannot sign off: 403 forbidden saying so; nothing is recorded or stored; nor can it be made a required signer', async () => {
    const { parties, call } = await setUp();
    const { contentHash: hash } = (await call(parties.observer.token, 'GET', '/workshop')).body;

    const refused = await call(parties.observer.token, 'POST', '/workshop/signoffs', { hash });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect(refused.body.error.message).toMatch(/Observers cannot sign off/);
    // Refused before the body is even read: a malformed body gets the same answer.
    expect((await call(parties.observer.token, 'POST', '/workshop/signoffs', { nonsense: 1 })).status).toBe(403);
    expect((await call(parties.facilitator, 'GET', '/workshop')).body.workshop.signoffs).toEqual({});
    expect((await call(parties.facilitator, 'GET', '/snapshots')).body).toEqual([]);

    const required = await call(parties.facilitator, 'PUT', '/workshop/required-signers', {
      partyIds: [parties.editor.party.id, parties.observer.party.id],
    });
    expect(required.status).toBe(400);
    expect(required.body.error.message).toContain(`observers cannot sign off: ${parties.observer.party.id}`);
    // An editor still signs.
    expect((await call(parties.editor.token, 'POST', '/workshop/signoffs', { hash })).status).toBe(201);
  });

  it('[9.4] signing the same content again stores no second snapshot (at most one per party and content hash)', async () => {
    const { server, parties, call } = await setUp();
    const editor = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(editor);
    const signoffSnapshots = async () =>
      ((await call(parties.facilitator, 'GET', '/snapshots')).body as { id: string; kind: string }[]).filter(
        (s) => s.kind === 'signoff',
      );
    const serverHash = async () => (await call(parties.editor.token, 'GET', '/workshop')).body.contentHash as string;
    /** The editor's edit reaches the server (its own copy has it at once). */
    const serverHas = async (hash: string) => {
      for (let i = 0; i < 250 && (await serverHash()) !== hash; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await serverHash()).toBe(hash);
    };
    const first = contentHash(toModel(editor.doc));
    await serverHas(first);

    const signed = await call(parties.editor.token, 'POST', '/workshop/signoffs', { hash: first });
    expect(signed.status).toBe(201);
    const signedAt = signed.body.signoff.at;
    for (let i = 0; i < 5; i++) {
      const again = await call(parties.editor.token, 'POST', '/workshop/signoffs', { hash: first });
      expect(again.status).toBe(201);
      // The same sign-off and the same snapshot: nothing new is written.
      expect(again.body.signoff.at).toBe(signedAt);
      expect(again.body.snapshot.id).toBe(signed.body.snapshot.id);
    }
    expect((await signoffSnapshots()).map((s) => s.id)).toEqual([signed.body.snapshot.id]);

    // Other content is another hash: one more snapshot. Back to the first content: none.
    const evaluation = sectionMap(editor.doc, 'evaluation')!;
    const evaluator = readShortText(evaluation, 'evaluator');
    editor.doc.transact(() => writeShortText(evaluation, 'evaluator', 'Et andet institut'));
    const second = contentHash(toModel(editor.doc));
    await serverHas(second);
    expect((await call(parties.editor.token, 'POST', '/workshop/signoffs', { hash: second })).status).toBe(201);
    expect(await signoffSnapshots()).toHaveLength(2);
    editor.doc.transact(() => writeShortText(evaluation, 'evaluator', evaluator));
    await serverHas(first);
    const back = await call(parties.editor.token, 'POST', '/workshop/signoffs', { hash: first });
    expect(back.status).toBe(201);
    expect(back.body.snapshot.id).toBe(signed.body.snapshot.id);
    expect(await signoffSnapshots()).toHaveLength(2);
    await waitFor(() => readWorkshop(editor.doc).signoffs[parties.editor.party.id]?.hash === first, {
      what: 'the sign-off of the first content again',
    });
  });

  it('[9.4] a party may have at most 2 exports being made at once (429 tooManyExports); others still export meanwhile', async () => {
    const { server, parties } = await setUp();
    const exportAs = (token: string, format = 'pdf') =>
      fetch(`${server.url}/api/cases/${parties.id}/export.${format}?version=current`, { headers: bearer(token) });
    // Warm the worker, so the three below overlap in the queue rather than in its start-up.
    expect((await exportAs(parties.facilitator, 'json')).status).toBe(200);

    const probe = healthProbe(server.url);
    const flood = [0, 1, 2].map(() => exportAs(parties.observer.token));
    // Another party's export goes through while the observer's two are waiting or running.
    const other = exportAs(parties.editor.token, 'json');
    const answers = await Promise.all(flood);
    const statuses = answers.map((response) => response.status).sort();
    expect(statuses).toEqual([200, 200, 429]);
    const refused = answers.find((response) => response.status === 429)!;
    const body = (await refused.json()) as { error: { code: string; message: string; limit: number } };
    expect(body.error.code).toBe('tooManyExports');
    expect(body.error.limit).toBe(2);
    expect(body.error.message).toMatch(/wait until one is done/);
    expect((await other).status).toBe(200);
    expect(await probe.stop()).toBeLessThan(1_000);

    // Once they are done, the observer may export again.
    expect((await exportAs(parties.observer.token, 'json')).status).toBe(200);
  });
});
