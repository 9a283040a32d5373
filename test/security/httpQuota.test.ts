/**
 * Issue 9: comments, comment resolutions, decisions and votes written over HTTP are server
 * changes made for a person, and respect the case's storage quota as a websocket edit does:
 * at the quota (or when the new content would pass it) they are refused with 507 storageFull,
 * nothing is stored, the room's notice turns `full`, and after the facilitator tidies up
 * (`POST …/storage/compact`) they are accepted again. Against a real server.
 */
import { commentsMap, readShortText, readWorkshop, sectionMap, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { caseWithParties } from '../integration/accessFixtures.ts';
import { recordRefusals } from '../integration/workshopFixtures.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, connectSynced, type NodeClient, startTestServer, waitFor } from '../support/server.ts';
import { prose } from './exampleWorkshop.ts';

const QUOTA = 96 * 1024;

describe('[9] HTTP-written workshop content and the storage quota', () => {
  const { clients, servers } = cleanupAfterEach();

  async function startFull() {
    const server = await startTestServer({ compactEvery: 100_000, caseQuotaBytes: QUOTA });
    servers.push(server);
    const parties = await caseWithParties(server.url, { example: true });
    const at = (path: string) => `/api/cases/${parties.id}${path}`;
    const usage = async () =>
      (await api(server.url, parties.facilitator, 'GET', at('/storage'))).body as {
        usedBytes: number;
        quotaBytes: number;
      };
    const workshop = async () => (await api(server.url, parties.observer.token, 'GET', at('/workshop'))).body.workshop;
    return { server, parties, at, usage, workshop };
  }

  /** An edit of about a kilobyte over the websocket: the evaluation's data sources. */
  function writeKilobyte(client: NodeClient, seed: number): string {
    const value = `${seed}: ${prose(1000, seed)}`;
    client.doc.transact(() => writeShortText(sectionMap(client.doc, 'evaluation')!, 'dataSources', value));
    return value;
  }

  it('[9] at the quota a comment, a resolution, a decision and a vote are refused with storageFull and not stored; /health stays fine; after the facilitator tidies up a comment is accepted again', async () => {
    const { server, parties, at, usage, workshop } = await startFull();
    // One comment while there is room, to resolve later.
    const early = await api(server.url, parties.editor.token, 'POST', at('/workshop/comments'), {
      itemPath: 'problem',
      text: 'Skrevet før sagen blev fuld.',
    });
    expect(early.status).toBe(201);
    const earlyId = early.body.commentId as string;
    // A vote over two interventions, revealed, to decide later.
    const model = await api(server.url, parties.facilitator, 'GET', at('/model'));
    const itemIds = (model.body.interventions.candidates as { id: string }[]).slice(0, 2).map((c) => c.id);
    expect(itemIds).toHaveLength(2);
    const vote = { list: 'interventions', itemIds, votesPerPerson: 1 };
    const opened = await api(server.url, parties.facilitator, 'POST', at('/workshop/votes'), vote);
    expect(opened.status).toBe(201);
    const voteId = opened.body.voteId as string;
    expect((await api(server.url, parties.facilitator, 'POST', at(`/workshop/votes/${voteId}/reveal`))).status).toBe(
      200,
    );

    // Fill the case over the websocket until the write guard refuses an edit for the quota.
    const writer = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    const watcher = await connectSynced(server.wsUrl, parties.id, { token: parties.observer.token });
    clients.push(writer, watcher);
    const refusals = recordRefusals(writer);
    for (let seed = 1; refusals.length === 0 && seed < 200; seed++) {
      const value = writeKilobyte(writer, seed);
      await waitFor(
        () => readShortText(sectionMap(watcher.doc, 'evaluation'), 'dataSources') === value || refusals.length > 0,
        { what: `edit ${seed} answered` },
      );
    }
    expect(refusals[0]?.reason).toBe('quotaExceeded');
    const full = await usage();
    const before = await workshop();
    const commentsBefore = commentsMap(watcher.doc)?.toJSON();
    expect(Object.keys(commentsBefore ?? {})).toEqual([earlyId]);

    const comment = await api(server.url, parties.editor.token, 'POST', at('/workshop/comments'), {
      itemPath: 'problem',
      text: 'Kommentar efter at sagen er fuld.',
    });
    expect(comment.status).toBe(507);
    expect(comment.body.error).toMatchObject({ code: 'storageFull', quotaBytes: QUOTA });
    const resolve = await api(server.url, parties.editor.token, 'POST', at(`/workshop/comments/${earlyId}/resolve`), {
      resolved: true,
    });
    expect(resolve.status).toBe(507);
    expect(resolve.body.error.code).toBe('storageFull');
    const decision = await api(server.url, parties.facilitator, 'POST', at('/workshop/decisions'), {
      text: 'Beslutning efter at sagen er fuld.',
    });
    expect(decision.status).toBe(507);
    expect(decision.body.error.code).toBe('storageFull');
    const decide = await api(server.url, parties.facilitator, 'POST', at(`/workshop/votes/${voteId}/decide`), {
      itemId: itemIds[0],
      text: 'Valgt efter at sagen er fuld.',
    });
    expect(decide.status).toBe(507);
    expect(decide.body.error.code).toBe('storageFull');
    const another = await api(server.url, parties.facilitator, 'POST', at('/workshop/votes'), vote);
    expect(another.status).toBe(507);
    expect(another.body.error.code).toBe('storageFull');

    // Nothing was stored: the record, the stored bytes and the watcher's copy are as before.
    const after = await workshop();
    expect(after.decisions).toEqual(before.decisions);
    expect(after.votes).toEqual(before.votes);
    expect(after.votes[voteId].status).toBe('revealed');
    expect(commentsMap(watcher.doc)?.toJSON()).toEqual(commentsBefore);
    expect((commentsMap(watcher.doc)?.get(earlyId) as { resolved?: boolean } | undefined)?.resolved).toBe(false);
    expect((await usage()).usedBytes).toBe(full.usedBytes);
    expect(Object.keys(readWorkshop(watcher.doc).decisions)).toEqual([]);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await waitFor(() => readWorkshop(watcher.doc).storage?.level === 'full', { what: 'the notice says full' });

    // The facilitator tidies up; a comment is accepted again and reaches the room.
    const compacted = await api(server.url, parties.facilitator, 'POST', at('/storage/compact'));
    expect(compacted.status).toBe(200);
    const accepted = await api(server.url, parties.editor.token, 'POST', at('/workshop/comments'), {
      itemPath: 'problem',
      text: 'Kommentar efter oprydningen.',
    });
    expect(accepted.status).toBe(201);
    await waitFor(
      () =>
        (commentsMap(watcher.doc)?.get(accepted.body.commentId) as { text?: string } | undefined)?.text ===
        'Kommentar efter oprydningen.',
      {
        what: 'the comment after tidying relayed',
      },
    );
    const decided = await api(server.url, parties.facilitator, 'POST', at('/workshop/decisions'), { text: 'Nu igen.' });
    expect(decided.status).toBe(201);
    const decidedVote = await api(server.url, parties.facilitator, 'POST', at(`/workshop/votes/${voteId}/decide`), {
      itemId: itemIds[0],
      text: 'Valgt efter oprydningen.',
    });
    expect(decidedVote.status).toBe(201);
  }, 60_000);

  it('[9] comments that would carry the case past its quota are refused before it is reached, and the refusal alone turns the notice to full', async () => {
    const { server, parties, at, usage } = await startFull();
    const watcher = await connectSynced(server.wsUrl, parties.id, { token: parties.observer.token });
    clients.push(watcher);
    let accepted = 0;
    let refused: { status: number; body: { error: { code: string } } } | undefined;
    for (let seed = 1; refused === undefined && seed < 200; seed++) {
      const answer = await api(server.url, parties.editor.token, 'POST', at('/workshop/comments'), {
        itemPath: 'problem',
        text: prose(3000, seed),
      });
      if (answer.status === 201) accepted++;
      else refused = answer;
    }
    expect(accepted).toBeGreaterThan(0);
    expect(refused?.status).toBe(507);
    expect(refused?.body.error.code).toBe('storageFull');
    // Refused for the content it would add: the case itself stays below its quota.
    const { usedBytes } = await usage();
    expect(usedBytes).toBeLessThanOrEqual(QUOTA);

    await waitFor(() => readWorkshop(watcher.doc).storage?.level === 'full', {
      what: 'the refusal turns the notice full',
    });
    // Nothing of the refused comment reached the room.
    expect(commentsMap(watcher.doc)?.size).toBe(accepted);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  }, 60_000);
});
