import { describe, expect, it } from 'vitest';
import { generalise, mapEntryBound, RICH_TEXT_PATHS, SHORT_TEXT_BOUNDS, shortTextBound } from './bounds.ts';

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

  it('derives the rich-text paths and the tighter short-text bounds from the field registry', () => {
    expect(RICH_TEXT_PATHS).toEqual([
      'problem/text',
      'targetGroup/eligibility',
      'targetGroup/baseline',
      'interventions/rationale',
      'interventions/candidates/*/description',
      'evaluation/notes',
      'evaluation/earlyStop',
    ]);
    expect(SHORT_TEXT_BOUNDS).toEqual({
      'facts/title': 200,
      'facts/municipality': 200,
      'facts/partners/authority': 200,
      'facts/partners/provider': 200,
      'facts/partners/investor': 200,
      'facts/partners/guarantor': 200,
      'facts/departments/*/name': 200,
      'targetGroup/name': 200,
      'interventions/chosenId': 64,
      'interventions/candidates/*/name': 200,
      'interventions/candidates/*/provider': 200,
      'outcomes/items/*/name': 200,
      'evaluation/signatories/*/name': 200,
      'evaluation/signatories/*/organisation': 200,
      'outcomes/items/*/libraryLinks/*': 300,
      'outcomes/items/*/libraryLinks': 8_000,
    });
    expect(shortTextBound('interventions/chosenId')).toBe(64);
    expect(shortTextBound('evaluation/dataSources')).toBe(2_000);
  });
});
