import {
  businessCase,
  type CaseModelDraft,
  exampleCase,
  initCaseDoc,
  SECTIONS,
  type SnapshotListing,
  writeModel,
} from '@caseroom/shared';
import { type ComponentType, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { AddPartyForm } from '../features/access/AddPartyForm.tsx';
import { InviteDialog } from '../features/access/InviteDialog.tsx';
import { NewLinks } from '../features/access/NewLink.tsx';
import { CommentsDialog } from '../features/comments/CommentsDialog.tsx';
import { renderSectionForm } from '../features/sections/renderSectionForm.ts';
import { CreateSnapshotForm } from '../features/workshop/history/CreateSnapshotForm.tsx';
import { SnapshotRow } from '../features/workshop/history/SnapshotRow.tsx';
import type { Language } from './languageSlice.ts';

/**
 * Every string Danish in the Danish UI (issue 13): each section form and the dialogs of
 * history, comments and invitations are rendered in Danish and in English over the example
 * case; a visible text node that reads the same in both is English (or Danish) left behind —
 * unless it is a name from the case, a number, a unit or a word both languages share.
 */

const model: CaseModelDraft = exampleCase();
const result = businessCase(model);

// The business case is computed in a worker in the room; here it is the example's, priced now.
vi.mock('../features/businessCase/businessCaseContext.tsx', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  useBusinessCase: () => ({ model, result }),
  useCandidateRisk: () => ({ seed: 1, iterations: 0, candidates: {} }),
}));

/**
 * Words that are the same in Danish and English: abbreviations, units, brands, and Danish words
 * spelled as the English ones (checked: each is the right Danish word where it stands).
 */
const SHARED_WORDS = [
  ...['IRR', 'BCR', 'kr.', 'DKK', 'Excel', 'PDF', 'XLSX', 'JSON'],
  ...['Facilitator', 'Investor', 'Regional', 'Definition', 'Design', 'Evaluator', 'Organisation'],
];

/** Every string the example case holds (names, descriptions): the same in any UI language. */
function caseStrings(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string' && value.trim()) into.add(value.trim());
  else if (Array.isArray(value)) for (const v of value) caseStrings(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) caseStrings(v, into);
  return into;
}
const CASE_STRINGS = [...caseStrings(model), 'Test', 'Jobcenter Holbæk', 'Psykiatrien', 'Før budgetmødet'].sort(
  (a, b) => b.length - a.length,
);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' };

/** The visible text nodes of static HTML (not inside <style> or <script>), entities decoded. */
export function textNodes(html: string): string[] {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, '')
    .split(/<[^>]*>/)
    .map((text) =>
      text
        .replace(/&(#x?[0-9a-f]+|\w+);/gi, (whole, code: string) =>
          code.startsWith('#x')
            ? String.fromCodePoint(Number.parseInt(code.slice(2), 16))
            : code.startsWith('#')
              ? String.fromCodePoint(Number(code.slice(1)))
              : (ENTITIES[code] ?? whole),
        )
        .trim(),
    )
    .filter((text) => text !== '');
}

/** Whether a text reading the same in both languages may: only names, numbers, units and shared words. */
export function allowedInBoth(text: string): boolean {
  let rest = text;
  for (const name of CASE_STRINGS) rest = rest.split(name).join(' ');
  for (const word of SHARED_WORDS) rest = rest.split(word).join(' ');
  // Numbers in either format, signs, ranges, symbols and punctuation carry no language.
  return /^[\s\d.,:;·–—\-+−×/()[\]%'"»«“”…★✎◉●○✓✗•*=<>≥≤↑↓←→]*$/u.test(rest);
}

/** The text nodes of a rendering that read the same in Danish and English and are not allowed to. */
function sameInBoth(render: (lang: Language) => string): string[] {
  const da = new Set(textNodes(render('da')));
  const en = new Set(textNodes(render('en')));
  return [...da].filter((text) => en.has(text) && !allowedInBoth(text));
}

function exampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  initCaseDoc(doc);
  writeModel(doc, model);
  return doc;
}

/** A component inside the room's contexts (the case view, its store, the language). */
function renderInRoom(view: ComponentType, lang: Language, role: 'facilitator' | 'editor' = 'facilitator'): string {
  return renderSectionForm('problem', exampleDoc(), { lang, role, view });
}

const snapshots: SnapshotListing[] = [
  { id: 's1', name: 'Phase 3', kind: 'phase', createdAt: '2026-03-01T10:00:00Z', createdByPartyId: 'p1' },
  {
    id: 's2',
    name: 'Sign-off: Jobcenter Holbæk',
    kind: 'signoff',
    createdAt: '2026-03-02T10:00:00Z',
    createdByPartyId: 'p1',
  },
  {
    id: 's3',
    name: 'Before restoring "Før budgetmødet"',
    kind: 'manual',
    createdAt: '2026-03-03T10:00:00Z',
    createdByPartyId: 'p1',
  },
  { id: 's4', name: 'Før budgetmødet', kind: 'manual', createdAt: '2026-03-04T10:00:00Z', createdByPartyId: 'p1' },
];

const outcome = model.outcomes[1];

const RENDERINGS: [string, (lang: Language) => string][] = [
  ...SECTIONS.flatMap((section): [string, (lang: Language) => string][] => [
    [`section ${section}, the example case`, (lang) => renderSectionForm(section, exampleDoc(), { lang })],
    // A new case: the empty lists' and empty fields' texts.
    [`section ${section}, a new case`, (lang) => renderSectionForm(section, undefined, { lang })],
  ]),
  [
    'history: versions',
    (lang) =>
      renderInRoom(() => {
        return createElement(
          'ul',
          null,
          createElement(CreateSnapshotForm, { onCreated: () => {} }),
          ...snapshots.map((snapshot) =>
            createElement(SnapshotRow, { key: snapshot.id, snapshot, onRestored: () => {} }),
          ),
        );
      }, lang),
  ],
  [
    'comments dialog',
    (lang) =>
      renderInRoom(
        () =>
          createElement(CommentsDialog, {
            path: `outcomes/${outcome?.id}`,
            what: lang === 'da' ? 'Resultatmål 2' : 'Outcome 2',
            scope: 'item',
            onClose: () => {},
          }),
        lang,
      ),
  ],
  [
    'invite: new links and the add-party form',
    (lang) =>
      renderInRoom(
        () =>
          createElement(
            'div',
            null,
            createElement(NewLinks, {
              caseId: 'test-case',
              links: [
                {
                  party: { id: 'p2', name: 'Jobcenter Holbæk', kind: 'department', role: 'editor' },
                  token: 't1',
                  link: 'https://caseroom.example/case/c#token=t1',
                },
                {
                  party: { id: 'p3', name: 'Psykiatrien', kind: 'observer', role: 'observer' },
                  token: 't2',
                  link: 'https://caseroom.example/case/c#token=t2',
                },
              ],
            }),
            createElement(AddPartyForm, { onAdded: () => {} }),
            // The whole dialog as it opens (its party list loads after the first render).
            createElement(InviteDialog, { onClose: () => {} }),
          ),
        lang,
      ),
  ],
];

describe('every string Danish in the Danish UI (issue 13)', () => {
  it('the example has the outcome the comment dialog is rendered for', () => {
    expect(outcome?.name).toBeTruthy();
  });

  for (const [what, render] of RENDERINGS) {
    it(`${what}: no visible text reads the same in Danish and English`, () => {
      expect(sameInBoth(render)).toEqual([]);
    });
  }

  it('renders the versions’ names in Danish, each button named by its version', () => {
    const html = RENDERINGS.find(([what]) => what === 'history: versions')?.[1]('da') ?? '';
    const texts = textNodes(html);
    expect(texts).toEqual(
      expect.arrayContaining(['Fase 3', 'Godkendelse: Jobcenter Holbæk', 'Før gendannelse af »Før budgetmødet«']),
    );
    expect(texts.join('\n')).not.toMatch(/Phase|Sign-off|Before restoring/);
    for (const label of ['Vis Før budgetmødet', 'Ændret siden Før budgetmødet', 'Vis Fase 3']) {
      expect(html).toContain(`aria-label="${label}"`);
    }
    expect(texts.join(' ')).toContain('Eksportér Før budgetmødet');
  });

  it('names the commented item by its title and name', () => {
    const html = RENDERINGS.find(([what]) => what === 'comments dialog')?.[1]('da') ?? '';
    expect(textNodes(html)).toContain(`Kommentarer: Resultatmål 2 – ${outcome?.name}`);
  });

  it('the check can fail: an English word in both renderings is caught, a name or a number is not', () => {
    expect(allowedInBoth('Phase 3')).toBe(false);
    expect(allowedInBoth('Vis')).toBe(false);
    expect(allowedInBoth('1.234,5 kr.')).toBe(true);
    expect(allowedInBoth('IRR 4,2 %')).toBe(true);
    expect(allowedInBoth(outcome?.name ?? '')).toBe(true);
    expect(textNodes('<p>Fase&nbsp;3</p><style>.x{}</style><b>&amp;</b>')).toEqual(['Fase 3', '&']);
  });
});
