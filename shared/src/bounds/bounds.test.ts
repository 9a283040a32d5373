import { describe, expect, it } from 'vitest';
import { generalise, mapEntryBound, shortTextBound } from './bounds.ts';

describe('bounds table', () => {
  it('generalises list item ids, and looks bounds up by field path', () => {
    expect(generalise('outcomes/items/abc/definition')).toBe('outcomes/items/*/definition');
    expect(generalise('outcomes/items/abc/definition')).toBe('outcomes/items/*/definition');
    expect(generalise('facts/title')).toBe('facts/title');
    expect(shortTextBound('facts/title')).toBe(200);
    expect(shortTextBound('facts/partners/authority')).toBe(200);
    expect(shortTextBound('outcomes/items/x/name')).toBe(200);
    expect(shortTextBound('outcomes/items/x/order')).toBe(64);
    expect(shortTextBound('outcomes/items/x/definition')).toBe(2_000);
    expect(mapEntryBound('outcomes/items')).toBe(100);
    expect(mapEntryBound('interventions/candidates/c1/sources')).toBe(100);
  });
});
