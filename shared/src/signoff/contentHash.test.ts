import { describe, expect, it } from 'vitest';
import { exampleCase } from '../example/exampleCase.ts';
import { contentHash } from './contentHash.ts';

describe('content hash (what a sign-off signs)', () => {
  it('is a stable SHA-256 of the canonical content', () => {
    const hash = contentHash(exampleCase());
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(exampleCase())).toBe(hash);
  });

  it('does not depend on key order in the JSON (RFC 8785)', () => {
    const reverseKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reverseKeys);
      if (value && typeof value === 'object') {
        return Object.fromEntries(
          Object.entries(value)
            .reverse()
            .map(([k, v]) => [k, reverseKeys(v)]),
        );
      }
      return value;
    };
    const model = exampleCase();
    const reversed = reverseKeys(model) as typeof model;
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(model));
    expect(contentHash(reversed)).toBe(contentHash(model));
  });

  it('changes with any content field, but not with the phase or re-keyed order keys', () => {
    const base = contentHash(exampleCase());
    const changed = exampleCase();
    changed.outcomes[0]!.expectedRate = 0.41;
    expect(contentHash(changed)).not.toBe(base);
    const phase = exampleCase();
    phase.facts.phase = 3;
    expect(contentHash(phase)).toBe(base);
    const rekeyed = exampleCase();
    rekeyed.outcomes[0]!.order = 'Zz';
    expect(contentHash(rekeyed)).toBe(base);
    const reordered = exampleCase();
    reordered.outcomes.reverse();
    expect(contentHash(reordered)).not.toBe(base);
  });
});
