import { LIBRARY_BOUNDS, type LibraryEntry, LibraryEntryFields, SEED_ENTRIES } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import {
  blankDraft,
  draftOf,
  type EntryDraft,
  entryBody,
  fieldOfServerMessage,
  formatSourceDate,
  readSourceDate,
  valueText,
  webLink,
} from './entryForm.ts';

/** A filled-in form as a person types it: Danish numbers, a Danish date. */
function typed(overrides: Partial<EntryDraft> = {}): EntryDraft {
  return {
    ...blankDraft(),
    name: '  Forebyggende familieindsats ',
    level: 'regional',
    valuePerYear: '130.000',
    unit: 'pr. familie',
    priceYear: '2024',
    sourceText: 'KL, nøgletal',
    sourceLink: 'https://www.kl.dk/noegletal',
    sourceDate: '19.11.2020',
    validFrom: '2021-01',
    ...overrides,
  };
}

describe('the library entry form → the request body', () => {
  it('reads Danish numbers and dates into the body the server parses', () => {
    const result = entryBody(typed());
    expect(result).toEqual({
      ok: true,
      body: {
        name: 'Forebyggende familieindsats',
        level: 'regional',
        valuePerYear: 130_000,
        unit: 'pr. familie',
        priceYear: 2024,
        source: { text: 'KL, nøgletal', link: 'https://www.kl.dk/noegletal', date: '2020-11-19' },
        validFrom: '2021-01',
      },
    });
    if (result.ok) expect(LibraryEntryFields.safeParse(result.body).success).toBe(true);
  });

  it('takes decimals with a comma and values with a unit ("1,5", "130.000 kr.")', () => {
    const decimal = entryBody(typed({ valuePerYear: '1,5' }));
    expect(decimal.ok && decimal.body.valuePerYear).toBe(1.5);
    const withUnit = entryBody(typed({ valuePerYear: '1.160.000 kr.' }));
    expect(withUnit.ok && withUnit.body.valuePerYear).toBe(1_160_000);
  });

  it('leaves out an empty link (it is optional)', () => {
    const result = entryBody(typed({ sourceLink: '  ' }));
    expect(result.ok && result.body.source).toEqual({ text: 'KL, nøgletal', date: '2020-11-19' });
  });

  it('refuses each field the server would refuse, with the reason', () => {
    const result = entryBody({
      ...blankDraft(),
      name: 'x'.repeat(LIBRARY_BOUNDS.nameChars + 1),
      valuePerYear: '1.000.000.001',
      unit: '',
      priceYear: '1899',
      sourceText: 'Kilde',
      sourceLink: 'javascript:alert(1)',
      sourceDate: '31.02.2020',
      validFrom: '',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: 'tooLong',
        valuePerYear: 'valueTooLarge',
        unit: 'required',
        priceYear: 'yearRange',
        sourceLink: 'notWebLink',
        sourceDate: 'notADate',
        validFrom: 'required',
      },
    });
  });

  it('refuses a value that is no number, negative, and a year with decimals', () => {
    expect(entryBody(typed({ valuePerYear: 'mange' }))).toEqual({ ok: false, errors: { valuePerYear: 'notANumber' } });
    expect(entryBody(typed({ valuePerYear: '-5' }))).toEqual({ ok: false, errors: { valuePerYear: 'negative' } });
    expect(entryBody(typed({ priceYear: '2020,5' }))).toEqual({ ok: false, errors: { priceYear: 'notWhole' } });
    expect(entryBody(typed({ priceYear: '2201' }))).toEqual({ ok: false, errors: { priceYear: 'yearRange' } });
    expect(entryBody(typed({ valuePerYear: '' }))).toEqual({ ok: false, errors: { valuePerYear: 'required' } });
  });

  it('accepts the bounds themselves', () => {
    const result = entryBody(
      typed({
        valuePerYear: '1.000.000.000',
        priceYear: '2200',
        name: 'n'.repeat(LIBRARY_BOUNDS.nameChars),
        sourceText: 's'.repeat(LIBRARY_BOUNDS.sourceTextChars),
      }),
    );
    expect(result.ok).toBe(true);
    expect(entryBody(typed({ valuePerYear: '0', priceYear: '1900' })).ok).toBe(true);
  });

  it('an entry shown for editing makes the same body again (seeded figures round-trip)', () => {
    for (const { id, ...fields } of SEED_ENTRIES) {
      const entry: LibraryEntry = {
        ...fields,
        id,
        version: 1,
        changedAt: '2026-01-01T00:00:00.000Z',
        changedBy: 'Caseroom',
      };
      const draft = draftOf(entry);
      expect(draft.valuePerYear).toMatch(/^\d{1,3}(\.\d{3})+$/);
      expect(entryBody(draft)).toEqual({ ok: true, body: fields });
    }
  });
});

describe('source dates, links and server messages', () => {
  it('reads ISO and Danish dates as ISO, and refuses days that do not exist', () => {
    expect(readSourceDate('2019')).toBe('2019');
    expect(readSourceDate('2020-11')).toBe('2020-11');
    expect(readSourceDate('11.2020')).toBe('2020-11');
    expect(readSourceDate('1.2.2024')).toBe('2024-02-01');
    expect(readSourceDate('29-02-2024')).toBe('2024-02-29');
    expect(readSourceDate('29.02.2023')).toBeUndefined();
    expect(readSourceDate('2020-13')).toBeUndefined();
    expect(readSourceDate('i går')).toBeUndefined();
    expect(formatSourceDate('2020-11-19', 'da')).toBe('19.11.2020');
    expect(formatSourceDate('2020-11', 'da')).toBe('11.2020');
    expect(formatSourceDate('2020-11-19', 'en')).toBe('2020-11-19');
  });

  it('reads a value in Danish format, its øre kept', () => {
    expect(valueText(130_000)).toBe('130.000 kr.');
    expect(valueText(137_500.5)).toBe('137.500,5 kr.');
    expect(valueText(0)).toBe('0 kr.');
  });

  it('renders only http(s) addresses as links', () => {
    expect(webLink('https://nb-okonomi.dk')).toBe('https://nb-okonomi.dk/');
    expect(webLink('http://example.org/a?b=1')).toBe('http://example.org/a?b=1');
    expect(webLink('javascript:alert(1)')).toBeUndefined();
    expect(webLink('data:text/html,x')).toBeUndefined();
    expect(webLink('//evil.example')).toBeUndefined();
    expect(webLink(undefined)).toBeUndefined();
  });

  it('finds the field a 400 names', () => {
    expect(fieldOfServerMessage('valuePerYear: Too big: expected number to be <=1000000000.')).toBe('valuePerYear');
    expect(fieldOfServerMessage('source.link: an http(s) address.')).toBe('sourceLink');
    expect(fieldOfServerMessage('body: Unrecognized key')).toBeUndefined();
    expect(fieldOfServerMessage(undefined)).toBeUndefined();
  });
});
