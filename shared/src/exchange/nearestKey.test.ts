import { describe, expect, it } from 'vitest';
import { editDistance, nearestKey } from './nearestKey.ts';

const KNOWN = ['payerShares', 'investorFundedShare', 'paymentCap', 'returnCap', 'guaranteeAmount', 'sources'];

describe('nearestKey', () => {
  it('prefers a key equal but for case, even when another is nearer by edits', () => {
    expect(nearestKey('paymentcap', KNOWN)).toBe('paymentCap');
    expect(nearestKey('PAYMENTCAP', KNOWN)).toBe('paymentCap');
    // "returncap" is one substitution from "returnCap" lower-cased, but equal to it without case.
    expect(nearestKey('RETURNCAP', ['returnCaps', 'returnCap'])).toBe('returnCap');
  });

  it('offers the nearest key within three edits, a swap of neighbours counting as one', () => {
    expect(nearestKey('paymnetCap', KNOWN)).toBe('paymentCap'); // swap
    expect(nearestKey('paymentCp', KNOWN)).toBe('paymentCap'); // deletion
    expect(nearestKey('retrunCapp', KNOWN)).toBe('returnCap'); // swap + insertion
    expect(nearestKey('guarantee', ['guaranteeAmount', 'guarantor'])).toBe('guarantor');
    expect(nearestKey('sourcesXYZ', KNOWN)).toBe('sources'); // three insertions
  });

  it('offers nothing past three edits, or among no keys', () => {
    expect(nearestKey('sourcesWXYZ', KNOWN)).toBeUndefined();
    expect(nearestKey('cap', KNOWN)).toBeUndefined();
    expect(nearestKey('paymentCap', [])).toBeUndefined();
  });

  it('breaks ties by the order the keys are listed in', () => {
    expect(nearestKey('lowX', ['low', 'lox', 'high'])).toBe('low');
    expect(nearestKey('lowX', ['lox', 'low', 'high'])).toBe('lox');
  });
});

describe('editDistance (optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3); // OSA, not full Damerau (which gives 2)
    expect(editDistance('abcdef', 'abdcef')).toBe(1);
  });

  it('answers the limit once the distance cannot be below it', () => {
    expect(editDistance('a'.repeat(1000), 'b', 4)).toBe(4);
    expect(editDistance('abcdefgh', 'hgfedcba', 4)).toBe(4);
    expect(editDistance('abc', 'abd', 4)).toBe(1);
  });
});
