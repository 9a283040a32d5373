/**
 * Issue 11: a write from an old client or an old offline copy that the document's layout 2
 * cannot take — a plain string where a short text is a Y.Text, or that Y.Text deleted or
 * replaced — is refused with `schemaOutdated` (raw frames against a real server). Only the
 * sender is told; an honest edit of the same field passes and reaches everyone.
 */
import { getItem, itemIds, readShortText, writeShortText } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pause, syncFrame, updateOnTopOf } from '../integration/accessFixtures.ts';
import { refusalsIn } from '../integration/workshopFixtures.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, openRawSocket, waitFor } from '../support/server.ts';
import { honestRoom } from './attackFixtures.ts';

describe('issue 11: writes for an older document layout', () => {
  const resources = cleanupAfterEach();

  it('a string written into a short text is refused (the sender alone is told); a Y.Text edit passes', async () => {
    const { server, parties, facilitator } = await honestRoom(resources);
    const attacker = await openRawSocket(server.wsUrl, parties.id, parties.editor.token);
    const bystander = await openRawSocket(server.wsUrl, parties.id, parties.facilitator);
    resources.sockets.push(attacker, bystander);
    const outcomeId = itemIds(facilitator.doc, 'outcome')[0] as string;
    const path = `outcomes/items/${outcomeId}/definition`;
    const before = readShortText(getItem(facilitator.doc, 'outcome', outcomeId), 'definition');

    const oldStyle = updateOnTopOf(facilitator.doc, (doc) =>
      getItem(doc, 'outcome', outcomeId)?.set('definition', 'Skrevet af en gammel klient'),
    );
    attacker.socket.send(syncFrame(2, oldStyle));
    await waitFor(() => refusalsIn(attacker.received).length > 0, { what: 'the refusal (type 100)' });
    expect(refusalsIn(attacker.received)).toEqual([{ reason: 'schemaOutdated', sections: ['outcomes'], path }]);

    const deleting = updateOnTopOf(facilitator.doc, (doc) => getItem(doc, 'outcome', outcomeId)?.delete('definition'));
    attacker.socket.send(syncFrame(2, deleting));
    await waitFor(() => refusalsIn(attacker.received).length > 1, { what: 'the second refusal' });
    expect(refusalsIn(attacker.received)[1]).toMatchObject({ reason: 'schemaOutdated', path });

    const honest = updateOnTopOf(facilitator.doc, (doc) => {
      const item = getItem(doc, 'outcome', outcomeId) as Y.Map<unknown>;
      writeShortText(item, 'definition', `${before ?? ''} (rettet)`);
    });
    attacker.socket.send(syncFrame(2, honest));
    await waitFor(
      () => readShortText(getItem(facilitator.doc, 'outcome', outcomeId), 'definition') === `${before ?? ''} (rettet)`,
      { what: 'the honest edit reaches the facilitator' },
    );
    await pause(200);
    expect(refusalsIn(attacker.received)).toHaveLength(2);
    expect(refusalsIn(bystander.received)).toEqual([]);
    expect(getItem(facilitator.doc, 'outcome', outcomeId)?.get('definition')).toBeInstanceOf(Y.Text);
    const model = await api(server.url, parties.facilitator, 'GET', `/api/cases/${parties.id}/model`);
    const outcome = model.body.outcomes.find((o: { id: string }) => o.id === outcomeId);
    expect(outcome.definition).toBe(`${before ?? ''} (rettet)`);
    expect(server.logs.some((line) => line.message === 'document update refused')).toBe(true);
  });
});
