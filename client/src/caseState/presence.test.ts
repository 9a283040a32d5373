import { partyColors } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { publishPresence, readPeers } from './presence.ts';

/** An awareness whose other clients are parties as the server stamps them. */
function room(others: { clientId: number; partyId: string; color: string }[]): Awareness {
  const awareness = new Awareness(new Y.Doc());
  for (const other of others) {
    awareness.states.set(other.clientId, {
      user: {
        name: other.partyId,
        department: '',
        color: other.color,
        party: { id: other.partyId, name: other.partyId, kind: 'department', role: 'editor' },
      },
    });
  }
  return awareness;
}

describe('presence colours (issue 13: stable per party)', () => {
  it('publishes the party’s colour, the same in every room and after a reset', () => {
    const user = { name: 'Anne', department: 'Jobcenter', section: 'facts' as const };
    const alone = publishPresence(room([]), user, 'party-anne');
    expect(alone.color).toBe(partyColors(['party-anne']).get('party-anne'));
    // Another room, another client id, other people: the same colour while it is free.
    const other = room([{ clientId: 1, partyId: 'party-zz', color: '#000000' }]);
    const colors = partyColors(['party-anne', 'party-zz']);
    expect(publishPresence(other, user, 'party-anne').color).toBe(colors.get('party-anne'));
    expect(colors.get('party-anne')).not.toBe(colors.get('party-zz'));
  });

  it('draws the people present in their parties’ colours, whatever colour they published', () => {
    const awareness = room([{ clientId: 7, partyId: 'party-bo', color: '#000000' }]);
    const peers = readPeers(awareness);
    const bo = peers.find((peer) => peer.party?.id === 'party-bo');
    expect(bo?.color).toBe(partyColors(['party-bo']).get('party-bo'));
  });
});
