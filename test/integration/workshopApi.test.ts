import { readWorkshop, timerRemaining, toModel } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, connectSynced, openRawSocket, startTestServer, waitFor } from '../support/server.ts';
import { caseWithParties, pause } from './accessFixtures.ts';
import { EMPTY_SYNC_STEP_1, syncFramesIn } from './workshopFixtures.ts';

/** docs/workshop.md W3, W5, W7, W8: the workshop API writes the record; clients read it live. */
describe('workshop API', () => {
  const { clients, sockets, servers } = cleanupAfterEach();

  async function setup() {
    const server = await startTestServer();
    servers.push(server);
    const parties = await caseWithParties(server.url, { example: true });
    const connect = async (token: string) => {
      const client = await connectSynced(server.wsUrl, parties.id, { token });
      clients.push(client);
      return client;
    };
    const call = (token: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
      api(server.url, token, method, `/api/cases/${parties.id}${path}`, body);
    return { server, parties, connect, call };
  }

  it('[W3][W11] the facilitator changes the phase; everyone sees it live; a change takes a phase snapshot; others may not', async () => {
    const { server, parties, connect, call } = await setup();
    const editor = await connect(parties.editor.token);
    expect(readWorkshop(editor.doc).phase).toBe(2); // the example case's phase, moved into workshop
    expect((await call(parties.editor.token, 'POST', '/workshop/phase', { phase: 3 })).status).toBe(403);
    expect((await call(parties.observer.token, 'POST', '/workshop/phase', { phase: 3 })).status).toBe(403);
    const bad = await call(parties.facilitator, 'POST', '/workshop/phase', { phase: 4 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('badRequest');
    expect(bad.body.error.message).toMatch(/^phase:/);
    expect((await call(parties.facilitator, 'GET', '/snapshots')).body).toEqual([]);

    const changed = await call(parties.facilitator, 'POST', '/workshop/phase', { phase: 3 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ phase: 3, snapshot: { kind: 'phase', name: 'Phase 3' } });
    await waitFor(() => toModel(editor.doc).facts.phase === 3, { what: 'the phase reaches the editor' });
    expect(readWorkshop(editor.doc).phase).toBe(3);
    const listed = (await call(parties.observer.token, 'GET', '/snapshots')).body;
    expect(listed).toEqual([expect.objectContaining({ id: changed.body.snapshot.id, kind: 'phase' })]);
    const model = await call(parties.observer.token, 'GET', `/snapshots/${changed.body.snapshot.id}/model`);
    expect(model.body.facts.phase).toBe(3);
    // Setting the same phase again changes nothing and takes no snapshot.
    expect((await call(parties.facilitator, 'POST', '/workshop/phase', { phase: 3 })).body).toEqual({ phase: 3 });
    expect((await call(parties.facilitator, 'GET', '/snapshots')).body).toHaveLength(1);
    // The case list shows the workshop phase.
    const list = await api(server.url, parties.facilitator, 'GET', '/api/cases');
    expect(list.body[0].phase).toBe(3);
  });

  it('[W5] the timer: start, pause, add, resume — with the server clock; validation names the field', async () => {
    const { parties, connect, call } = await setup();
    const observer = await connect(parties.observer.token);
    const first = await call(parties.facilitator, 'GET', '/workshop');
    expect(first.body.workshop.timer.status).toBe('idle');
    expect(first.body.serverNow).toBeGreaterThan(0);

    expect((await call(parties.facilitator, 'POST', '/workshop/timer', { action: 'start' })).status).toBe(400);
    const badAction = await call(parties.facilitator, 'POST', '/workshop/timer', { action: 'stop' });
    expect(badAction.status).toBe(400);
    expect(badAction.body.error.message).toMatch(/^action:/);
    expect((await call(parties.editor.token, 'POST', '/workshop/timer', { action: 'pause' })).status).toBe(403);

    const started = await call(parties.facilitator, 'POST', '/workshop/timer', { action: 'start', seconds: 600 });
    expect(started.status).toBe(200);
    const { timer } = started.body;
    expect(timer).toMatchObject({ status: 'running', durationMs: 600_000 });
    expect(timer.endsAt - timer.serverNow).toBe(600_000);
    await waitFor(() => readWorkshop(observer.doc).timer.status === 'running', { what: 'the timer reaches clients' });
    expect(readWorkshop(observer.doc).timer).toEqual(timer);

    await pause(30);
    const paused = (await call(parties.facilitator, 'POST', '/workshop/timer', { action: 'pause' })).body.timer;
    expect(paused.status).toBe('paused');
    expect(paused.remainingMs).toBeLessThan(600_000);
    expect(paused.remainingMs).toBeGreaterThan(590_000);
    const longer = (await call(parties.facilitator, 'POST', '/workshop/timer', { action: 'add', seconds: 60 })).body
      .timer;
    expect(longer.remainingMs).toBe(paused.remainingMs + 60_000);
    expect(longer.durationMs).toBe(660_000);
    const resumed = (await call(parties.facilitator, 'POST', '/workshop/timer', { action: 'start' })).body.timer;
    expect(resumed.status).toBe('running');
    expect(timerRemaining(resumed, resumed.serverNow)).toBe(longer.remainingMs);
    await waitFor(() => readWorkshop(observer.doc).timer.status === 'running', { what: 'resumed' });
  });

  it('[W7] hidden ballots: never in another client’s document or messages before reveal; reveal writes the tally; decide sets the chosen intervention and records a decision', async () => {
    const { server, parties, connect, call } = await setup();
    const editorClient = await connect(parties.editor.token);
    const observerClient = await connect(parties.observer.token);
    const updatesSeen: Uint8Array[] = [];
    for (const client of [editorClient, observerClient]) {
      client.doc.on('update', (update: Uint8Array) => updatesSeen.push(update));
    }
    // A raw socket asks for the whole state and records every frame it receives.
    const raw = await openRawSocket(server.wsUrl, parties.id, parties.observer.token);
    sockets.push(raw);
    raw.socket.send(EMPTY_SYNC_STEP_1);
    await waitFor(() => syncFramesIn(raw.received).length >= 2, { what: 'the full state' });

    const badVote = await call(parties.facilitator, 'POST', '/workshop/votes', {
      list: 'interventions',
      itemIds: ['int-ips', 'nope'],
      votesPerPerson: 3,
    });
    expect(badVote.status).toBe(400);
    expect(badVote.body.error.message).toMatch(/^itemIds:/);
    const opened = await call(parties.facilitator, 'POST', '/workshop/votes', {
      list: 'interventions',
      itemIds: ['int-ips', 'int-mentor', 'int-coordination'],
      votesPerPerson: 3,
    });
    expect(opened.status).toBe(201);
    const { voteId } = opened.body;
    await waitFor(() => readWorkshop(observerClient.doc).votes[voteId]?.status === 'open', { what: 'the open vote' });
    await pause(100);
    const framesBefore = raw.received.length;
    const updatesBefore = updatesSeen.length;

    // Ballots: the editor and the facilitator vote; the observer may not.
    const ballotPath = `/workshop/votes/${voteId}/ballot`;
    const editorBallot = await call(parties.editor.token, 'PUT', ballotPath, { itemIds: ['int-mentor', 'int-mentor'] });
    expect(editorBallot.status).toBe(200);
    expect(editorBallot.body.ballot.itemIds).toEqual(['int-mentor', 'int-mentor']);
    expect((await call(parties.facilitator, 'PUT', ballotPath, { itemIds: ['int-ips'] })).status).toBe(200);
    const changedMind = await call(parties.facilitator, 'PUT', ballotPath, { itemIds: ['int-mentor', 'int-ips'] });
    expect(changedMind.status).toBe(200);
    expect((await call(parties.observer.token, 'PUT', ballotPath, { itemIds: ['int-ips'] })).status).toBe(403);
    const tooMany = await call(parties.editor.token, 'PUT', ballotPath, {
      itemIds: ['int-ips', 'int-ips', 'int-ips', 'int-ips'],
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'invalidBallot', reason: 'tooManyVotes' });
    expect((await call(parties.editor.token, 'PUT', ballotPath, { itemIds: ['int-unknown'] })).body.error.reason).toBe(
      'unknownItem',
    );
    // Withdrawing every dot is allowed (the party then counts as not voting); then back again.
    const withdrawn = await call(parties.editor.token, 'PUT', ballotPath, { itemIds: [] });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.ballot.itemIds).toEqual([]);
    expect((await call(parties.editor.token, 'GET', ballotPath)).body.ballot.itemIds).toEqual([]);
    expect(
      (await call(parties.editor.token, 'PUT', ballotPath, { itemIds: ['int-mentor', 'int-mentor'] })).status,
    ).toBe(200);
    // Each reads only its own ballot.
    expect((await call(parties.editor.token, 'GET', ballotPath)).body.ballot.itemIds).toEqual([
      'int-mentor',
      'int-mentor',
    ]);
    expect((await call(parties.facilitator, 'GET', ballotPath)).body.ballot.itemIds).toEqual(['int-mentor', 'int-ips']);
    expect((await call(parties.observer.token, 'GET', ballotPath)).status).toBe(403);
    await pause(300);

    // What reached the clients is how many have voted (W7: "n af m har stemt"), never what:
    // no counts, no voters, no ballot. It rose and fell with the ballots: 1, 2, 1 (withdrawn), 2.
    expect(syncFramesIn(raw.received.slice(framesBefore)).length).toBeGreaterThan(0);
    expect(updatesSeen.length).toBeGreaterThan(updatesBefore);
    for (const client of [editorClient, observerClient]) {
      const vote = readWorkshop(client.doc).votes[voteId]!;
      expect(vote.voted).toBe(2);
      expect(vote.counts).toBeUndefined();
      expect(vote.voters).toBeUndefined();
      expect(JSON.stringify(client.doc.toJSON())).not.toContain('ballot');
      expect(JSON.stringify(vote)).not.toContain('int-mentor","int-mentor');
    }

    // Deciding before the reveal is refused.
    const early = await call(parties.facilitator, 'POST', `/workshop/votes/${voteId}/decide`, {
      itemId: 'int-mentor',
      text: 'x',
    });
    expect(early.status).toBe(409);
    expect((await call(parties.editor.token, 'POST', `/workshop/votes/${voteId}/reveal`)).status).toBe(403);
    const revealed = await call(parties.facilitator, 'POST', `/workshop/votes/${voteId}/reveal`);
    expect(revealed.status).toBe(200);
    expect(revealed.body.vote).toMatchObject({
      status: 'revealed',
      counts: { 'int-ips': 1, 'int-mentor': 3, 'int-coordination': 0 },
      voters: 2,
    });
    await waitFor(() => readWorkshop(observerClient.doc).votes[voteId]?.status === 'revealed', { what: 'the reveal' });
    expect(readWorkshop(observerClient.doc).votes[voteId]!.counts).toEqual(revealed.body.vote.counts);
    // No ballots after the reveal.
    expect((await call(parties.editor.token, 'PUT', ballotPath, { itemIds: ['int-ips'] })).status).toBe(409);

    const decided = await call(parties.facilitator, 'POST', `/workshop/votes/${voteId}/decide`, {
      itemId: 'int-mentor',
      text: 'Vi vælger mentorforløbet.',
    });
    expect(decided.status).toBe(201);
    expect(decided.body.decision).toMatchObject({
      text: 'Vi vælger mentorforløbet.',
      itemPath: 'interventions/candidates/int-mentor',
      partyId: expect.any(String),
      partyName: 'Facilitator',
      order: 1,
    });
    await waitFor(() => toModel(editorClient.doc).interventions.chosenId === 'int-mentor', {
      what: 'the chosen intervention',
    });
    const record = readWorkshop(editorClient.doc);
    expect(record.votes[voteId]!.status).toBe('decided');
    expect(record.decisions[decided.body.decisionId]).toEqual(decided.body.decision);
  });

  it('[W8] decisions: who and when from the token and the server clock; in order; facilitator only', async () => {
    const { parties, connect, call } = await setup();
    const observer = await connect(parties.observer.token);
    expect((await call(parties.editor.token, 'POST', '/workshop/decisions', { text: 'x' })).status).toBe(403);
    const empty = await call(parties.facilitator, 'POST', '/workshop/decisions', { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/^text:/);
    const forged = await call(parties.facilitator, 'POST', '/workshop/decisions', {
      text: 'x',
      partyName: 'Someone else',
    });
    expect(forged.status).toBe(400);
    const before = Date.now();
    const first = await call(parties.facilitator, 'POST', '/workshop/decisions', { text: 'Første beslutning' });
    const second = await call(parties.facilitator, 'POST', '/workshop/decisions', {
      text: 'Anden',
      itemPath: 'outcomes/out-employment',
    });
    expect(first.status).toBe(201);
    expect(first.body.decision).toMatchObject({ text: 'Første beslutning', partyName: 'Facilitator', order: 1 });
    expect(Date.parse(first.body.decision.at)).toBeGreaterThanOrEqual(before - 5);
    expect(second.body.decision).toMatchObject({ order: 2, itemPath: 'outcomes/out-employment' });
    await waitFor(() => Object.keys(readWorkshop(observer.doc).decisions).length === 2, { what: 'decisions' });
  });
});
