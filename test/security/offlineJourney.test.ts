/**
 * Issue 9: the guard must not cost honest people anything. A client offline creates and
 * deletes an outcome, types and deletes text, edits numbers, reconnects — everything merges,
 * nothing is refused, and it is all still there after a restart.
 */
import {
  addItem,
  getItem,
  nestedFragment,
  removeItem,
  sectionMap,
  setField,
  toModel,
  writeShortText,
} from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { caseWithParties } from '../integration/accessFixtures.ts';
import { recordRefusals } from '../integration/workshopFixtures.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, connectSynced, makeTempDataDir, startTestServer, waitFor } from '../support/server.ts';

describe('issue 9: the honest offline journey', () => {
  const resources = cleanupAfterEach();

  it('[9] offline: create and delete an outcome, type and delete text — all merged on reconnect, nothing refused, kept across a restart', async () => {
    const dataDir = makeTempDataDir();
    resources.dirs.push(dataDir);
    const server = await startTestServer({ dataDir });
    resources.servers.push(server);
    const parties = await caseWithParties(server.url, { example: true });
    const train = await connectSynced(server.wsUrl, parties.id, { token: parties.editor.token });
    const room = await connectSynced(server.wsUrl, parties.id, { token: parties.facilitator });
    resources.clients.push(train, room);
    const refusals = [recordRefusals(train), recordRefusals(room)];
    train.provider.awareness.setLocalStateField('user', { name: 'Kollega i toget' });

    train.provider.disconnect();
    const doc = train.doc;
    const problemText = () => {
      const paragraph = nestedFragment(sectionMap(doc, 'problem'), 'text')?.get(0) as Y.XmlElement;
      return paragraph.get(0) as Y.XmlText;
    };
    doc.transact(() => addItem(doc, 'outcome', 'o-temp', { name: 'Midlertidigt mål' }));
    doc.transact(() => writeShortText(getItem(doc, 'outcome', 'o-temp')!, 'definition', 'skal slettes igen'));
    doc.transact(() => removeItem(doc, 'outcome', 'o-temp'));
    doc.transact(() => addItem(doc, 'outcome', 'o-kept', { name: 'Nyt mål fra toget' }));
    doc.transact(() => problemText().insert(0, 'Skrevet offline og slettet. '));
    doc.transact(() => problemText().delete(0, 'Skrevet offline og slettet. '.length));
    doc.transact(() => problemText().insert(0, 'Skrevet offline. '));
    doc.transact(() => writeShortText(sectionMap(doc, 'targetGroup')!, 'name', 'Midlertidig'));
    doc.transact(() => writeShortText(sectionMap(doc, 'targetGroup')!, 'name', 'Unge 18-29 med angst'));
    doc.transact(() => setField(getItem(doc, 'intervention', 'int-ips')!, 'costPerParticipant', 61_000));
    // Meanwhile the room edits too.
    room.doc.transact(() => writeShortText(sectionMap(room.doc, 'facts')!, 'municipality', 'Holbæk Kommune'));

    train.provider.connect();
    await waitFor(() => toModel(room.doc).outcomes.some((o) => o.name === 'Nyt mål fra toget'), {
      what: 'the offline outcome reaches the room',
    });
    await waitFor(() => toModel(train.doc).facts.municipality === 'Holbæk Kommune', {
      what: 'the room’s edit reaches the train',
    });
    const model = toModel(room.doc);
    expect(model.outcomes.some((o) => o.name === 'Midlertidigt mål')).toBe(false);
    expect(model.targetGroup.name).toBe('Unge 18-29 med angst');
    expect(JSON.stringify(model.problem.text)).toContain('Skrevet offline. ');
    expect(JSON.stringify(model.problem.text)).not.toContain('og slettet');
    expect(model.interventions.candidates.find((c) => c.id === 'int-ips')?.costPerParticipant).toBe(61_000);
    expect(refusals.flat()).toEqual([]);
    expect(server.logs.filter((l) => l.message === 'document update refused')).toEqual([]);

    await server.close();
    const again = await startTestServer({ dataDir });
    resources.servers.push(again);
    const stored = await api(again.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`);
    expect(stored.body.outcomes.some((o: { name?: string }) => o.name === 'Nyt mål fra toget')).toBe(true);
    expect(stored.body.targetGroup.name).toBe('Unge 18-29 med angst');
    expect(stored.body.facts.municipality).toBe('Holbæk Kommune');
  });
});
