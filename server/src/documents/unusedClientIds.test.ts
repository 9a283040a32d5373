import { describe, expect, it } from 'vitest';
import { type BoundClientId, SERVER_PARTY_ID } from '../storage/ClientIdStore.ts';
import { MAX_UNWRITTEN_CLIENT_IDS, UNUSED_CLIENT_ID_DAYS, unusedClientIds } from './unusedClientIds.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-06-01T00:00:00Z');
const idle = NOW - UNUSED_CLIENT_ID_DAYS * DAY - 1;

function binding(clientId: number, boundAt: number, partyId = 'p-a'): BoundClientId {
  return { clientId, partyId, boundAt };
}

describe('unusedClientIds (issue 9: the client-id bindings of a case are bounded)', () => {
  it('[9.2] forgets ids that never wrote and are idle past the limit; keeps written ids, the server’s and recent ones', () => {
    const written = new Set([2]);
    const { kept, forgotten } = unusedClientIds(
      [
        binding(1, idle),
        binding(2, idle - 365 * DAY),
        binding(3, idle, SERVER_PARTY_ID),
        binding(4, idle + 2),
        binding(5, NOW),
      ],
      (clientId) => written.has(clientId),
      NOW,
    );
    expect(forgotten).toEqual([1]);
    expect(kept.map((b) => b.clientId).sort()).toEqual([2, 3, 4, 5]);
  });

  it('[9.2] keeps at most MAX_UNWRITTEN_CLIENT_IDS ids that never wrote, the newest; written ids do not count', () => {
    const stored = Array.from({ length: MAX_UNWRITTEN_CLIENT_IDS + 3 }, (_, i) => binding(1_000 + i, NOW - i));
    stored.push(binding(7, idle - DAY));
    const { kept, forgotten } = unusedClientIds(stored, (clientId) => clientId === 7, NOW);
    expect(kept).toHaveLength(MAX_UNWRITTEN_CLIENT_IDS + 1);
    expect(kept.some((b) => b.clientId === 7)).toBe(true);
    // The three bound longest ago go.
    const last = 1_000 + MAX_UNWRITTEN_CLIENT_IDS;
    expect(forgotten.sort()).toEqual([last, last + 1, last + 2]);
  });
});
