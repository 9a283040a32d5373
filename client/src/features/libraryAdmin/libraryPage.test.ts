import { type Language, type LibraryEntry, SEED_ENTRIES } from '@caseroom/shared';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LanguageContext } from '../../i18n/messages.ts';
import { EntryFormDialog } from './EntryFormDialog.tsx';
import { LibraryTable } from './LibraryTable.tsx';

/** The library page's table and form as HTML (issue 15), in Danish and English. */

const entries: LibraryEntry[] = SEED_ENTRIES.map(({ id, ...fields }) => ({
  ...fields,
  id,
  version: 1,
  changedAt: '2026-01-01T00:00:00.000Z',
  changedBy: 'Caseroom',
}));

function render(element: ReactElement, lang: Language): string {
  return renderToStaticMarkup(createElement(LanguageContext.Provider, { value: lang }, element));
}

const table = (rows: LibraryEntry[], lang: Language) =>
  render(createElement(LibraryTable, { entries: rows, lang, onEdit: () => {}, onVersions: () => {} }), lang);

describe('the library page', () => {
  it('shows each entry with its level by name, its value in Danish format and its source as a safe link', () => {
    const html = table(entries, 'da');
    expect(html).toContain('130.000 kr.');
    expect(html).toContain('1.160.000 kr.');
    expect(html).toContain('>Kommunal<');
    expect(html).toContain('>Redigér<');
    expect(html).toContain('>Versioner<');
    expect(html.match(/rel="noopener noreferrer"/g)?.length).toBe(entries.filter((e) => e.source.link).length);
    expect(table(entries, 'en')).toContain('>Municipal<');
  });

  it('never renders an address other than http(s) as a link', () => {
    const [first] = entries;
    if (!first) throw new Error('the seed has entries');
    const crafted = { ...first, source: { ...first.source, link: 'javascript:alert(1)' } };
    const html = table([crafted], 'da');
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('javascript:');
    expect(html).toContain(first.source.text);
  });

  it('the form shows an entry for editing in Danish format, each field labelled, with help and unit', () => {
    const entry = entries[0] as LibraryEntry;
    const form = (lang: Language) =>
      render(
        createElement(EntryFormDialog, {
          entry,
          onSave: async () => ({ kind: 'saved' as const, entry }),
          onClose: () => {},
          failureText: () => '',
        }),
        lang,
      );
    const da = form('da');
    expect(da).toContain('value="130.000"');
    expect(da).toContain('kr. pr. år');
    expect(da).toContain('Gem som ny version');
    expect(da.match(/<label for=/g)?.length).toBe(9);
    expect(da.match(/class="help"/g)?.length).toBe(9);
    const en = form('en');
    expect(en).toContain('Save as a new version');
    expect(en).toContain('DKK per year');
  });
});
