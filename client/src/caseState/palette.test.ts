import { partyColors } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { withPartyColors } from './palette.ts';

const peer = (clientId: number, partyId: string | undefined, color = '#123456') => ({
  clientId,
  color,
  party: partyId === undefined ? undefined : { id: partyId },
});

describe('withPartyColors', () => {
  it('draws each person in their party’s colour, whatever colour their browser published', () => {
    const before = withPartyColors([peer(1, 'p-a'), peer(2, 'p-b'), peer(3, undefined, '#E69F00')]);
    // After a reset or a reload the browser has a new client id and may publish another colour.
    const after = withPartyColors([peer(9, 'p-b', '#000000'), peer(8, 'p-a', '#CC79A7')]);
    const expected = partyColors(['p-a', 'p-b']);
    expect(before.find((p) => p.party?.id === 'p-a')?.color).toBe(expected.get('p-a'));
    expect(after.find((p) => p.party?.id === 'p-a')?.color).toBe(expected.get('p-a'));
    expect(after.find((p) => p.party?.id === 'p-b')?.color).toBe(expected.get('p-b'));
    expect(before.find((p) => p.clientId === 3)?.color).toBe('#E69F00');
  });
});
