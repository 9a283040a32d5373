import { addItem, itemIds, moveItemTo, sectionMap, setField, toModel, writeShortText } from '@caseroom/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  bearer,
  connectSynced,
  createCase,
  type NodeClient,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';

describe('live sync through the server', () => {
  let server: TestServer;
  const clients: NodeClient[] = [];
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });
  async function connect({ id, token }: { id: string; token: string }): Promise<NodeClient> {
    const client = await connectSynced(server.wsUrl, id, { token });
    clients.push(client);
    return client;
  }

  it('a client receives the case structure the server created', async () => {
    const created = await createCase(server.url, { example: true });
    const client = await connect(created);
    const model = toModel(client.doc);
    expect(model.facts.title).toContain('Sygedagpenge');
    expect(model.facts.departments.length).toBeGreaterThan(0);
    const empty = await connect(await createCase(server.url));
    expect(toModel(empty.doc).facts.startYear).toBe(new Date().getFullYear());
    expect(toModel(empty.doc).facts.priceYear).toBe(new Date().getFullYear());
  });

  it('three clients editing one case converge', async () => {
    const created = await createCase(server.url);
    const [a, b, c] = [await connect(created), await connect(created), await connect(created)];
    const facts = (client: NodeClient) => sectionMap(client.doc, 'facts')!;

    a!.doc.transact(() => writeShortText(facts(a!), 'title', 'Unge på kanten'));
    b!.doc.transact(() => writeShortText(facts(b!), 'municipality', 'Holbæk'));
    addItem(c!.doc, 'department', 'jobcenter', { name: 'Jobcenter', level: 'municipal' });
    addItem(a!.doc, 'department', 'health', { name: 'Sundhed', level: 'municipal' });
    addItem(b!.doc, 'department', 'region', { name: 'Region Sjælland', level: 'regional' });

    const all = [a!, b!, c!];
    await waitFor(() => all.every((client) => itemIds(client.doc, 'department').length === 3), {
      what: 'three departments everywhere',
    });
    moveItemTo(c!.doc, 'department', 'region', 0);
    a!.doc.transact(() => setField(facts(a!), 'horizonYears', 12));

    await waitFor(
      () => {
        const models = all.map((client) => JSON.stringify(toModel(client.doc)));
        return models.every((m) => m === models[0]) && itemIds(a!.doc, 'department')[0] === 'region';
      },
      { what: 'identical models' },
    );
    const model = toModel(a!.doc);
    expect(model.facts.title).toBe('Unge på kanten');
    expect(model.facts.municipality).toBe('Holbæk');
    expect(model.facts.horizonYears).toBe(12);
    const departmentIds = model.facts.departments.map((d) => d.id);
    expect(departmentIds[0]).toBe('region');
    expect([...departmentIds].sort()).toEqual(['health', 'jobcenter', 'region']);

    // The server's copy (read over REST) is the same model.
    const response = await fetch(`${server.url}/api/cases/${created.id}/model`, { headers: bearer(created.token) });
    expect(JSON.stringify(await response.json())).toBe(JSON.stringify(model));
  });

  it('a client that edited while offline merges on reconnect', async () => {
    const created = await createCase(server.url);
    const online = await connect(created);
    const traveller = await connect(created);
    const facts = (client: NodeClient) => sectionMap(client.doc, 'facts')!;

    traveller.provider.disconnect();
    await waitFor(() => !traveller.provider.wsconnected, { what: 'disconnect' });
    addItem(traveller.doc, 'outcome', 'employment', { name: 'I beskæftigelse' });
    traveller.doc.transact(() => writeShortText(facts(traveller), 'title', 'Skrevet i toget'));
    online.doc.transact(() => writeShortText(facts(online), 'municipality', 'Kalundborg'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(itemIds(online.doc, 'outcome')).toEqual([]);

    traveller.provider.connect();
    await waitFor(
      () =>
        itemIds(online.doc, 'outcome').includes('employment') &&
        toModel(traveller.doc).facts.municipality === 'Kalundborg',
      { what: 'offline edits merged both ways' },
    );
    expect(toModel(online.doc)).toEqual(toModel(traveller.doc));
    expect(toModel(online.doc).facts.title).toBe('Skrevet i toget');
  });
});
