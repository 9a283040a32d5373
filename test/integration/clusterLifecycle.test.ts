import { type CaseModelDraft, CloseCode } from '@caseroom/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  connectSynced,
  type NodeClient,
  openRawSocket,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';
import { createDatabase, startPostgres, startRedis, type TestPostgres, type TestRedis } from '../support/services.ts';
import { caseWithParties } from './accessFixtures.ts';

/**
 * Issue 15's lifecycle on issue 14's cluster: archive, restore and delete change a live case, so
 * a request that reaches a process that does not own the case is run by the owner (ownerGate) —
 * the owner closes its own and the tunnelled connections, and every process refuses the case.
 */
let postgres: TestPostgres;
let redis: TestRedis;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

describe('[issue 15] the case lifecycle in a cluster', () => {
  const servers: TestServer[] = [];
  const clients: NodeClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) await server.close();
  });

  it('archive, restore and delete through the process that does not own the case act on the owner’s document', async () => {
    const databaseUrl = await createDatabase(postgres.url, `cluster_lifecycle_${process.pid}`);
    for (let i = 0; i < 2; i++) servers.push(await startTestServer({ databaseUrl, redisUrl: redis.url }));
    const [a, b] = servers as [TestServer, TestServer];
    const parties = await caseWithParties(a.url, { example: true });
    const caseUrl = (path = '') => `/api/cases/${parties.id}${path}`;

    // A serves the case first (it owns it); B's browser is tunnelled to A.
    const onA = await connectSynced(a.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(onA);
    const rawOnA = await openRawSocket(a.wsUrl, parties.id, parties.editor.token);
    const rawOnB = await openRawSocket(b.wsUrl, parties.id, parties.editor.token);
    await waitFor(() => rawOnB.received.length > 0, { what: 'B’s tunnelled socket synced' });

    const archived = await api(b.url, parties.facilitator, 'POST', caseUrl('/archive'));
    expect(archived.status, JSON.stringify(archived.body)).toBe(200);
    expect((await rawOnA.closed).code).toBe(CloseCode.CaseArchived);
    expect((await rawOnB.closed).code).toBe(CloseCode.CaseArchived);
    for (const server of [a, b]) {
      const refused = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
      expect((await refused.closed).code, server.url).toBe(CloseCode.CaseArchived);
      const write = await api(server.url, parties.facilitator, 'POST', caseUrl('/workshop/decisions'), {
        text: 'Efter arkivering',
      });
      expect([write.status, write.body.error?.code], server.url).toEqual([409, 'caseArchived']);
      // Read-only, not gone.
      expect((await api(server.url, parties.editor.token, 'GET', caseUrl('/model'))).status).toBe(200);
    }

    const restored = await api(b.url, parties.facilitator, 'POST', caseUrl('/restore'));
    expect(restored.status).toBe(200);
    const again = await connectSynced(b.wsUrl, parties.id, { token: parties.editor.token });
    clients.push(again);
    const decided = await api(a.url, parties.facilitator, 'POST', caseUrl('/workshop/decisions'), {
      text: 'Efter genåbning',
    });
    expect(decided.status).toBe(201);

    const model = (await api(a.url, parties.facilitator, 'GET', caseUrl('/model'))).body as CaseModelDraft;
    const rawAgain = await openRawSocket(a.wsUrl, parties.id, parties.editor.token);
    const deleted = await api(b.url, parties.facilitator, 'POST', caseUrl('/delete'), {
      confirm: model.facts.title ?? parties.id,
    });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect((await rawAgain.closed).code).toBe(CloseCode.CaseNotFound);
    for (const server of [a, b]) {
      const gone = await api(server.url, parties.facilitator, 'GET', caseUrl('/model'));
      expect(gone.status, server.url).toBe(404);
      const refused = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
      expect((await refused.closed).code, server.url).toBe(CloseCode.CaseNotFound);
    }
  });
});
