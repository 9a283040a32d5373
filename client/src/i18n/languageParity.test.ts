import {
  businessCase,
  type CaseModelDraft,
  contentHash,
  EXPLAINED_FIGURES,
  exampleCase,
  IMPORTED_HISTORY,
  type ImportedHistory,
  initCaseDoc,
  type LibraryEntry,
  SECTIONS,
  SEED_ENTRIES,
  type SnapshotListing,
  type Vote,
  WORKSHOP,
  type WorkshopRecord,
  workshopChild,
  writeModel,
} from '@caseroom/shared';
import { type ComponentType, createElement, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { AddPartyForm } from '../features/access/AddPartyForm.tsx';
import { InviteDialog } from '../features/access/InviteDialog.tsx';
import { NewLinks } from '../features/access/NewLink.tsx';
import { CandidateComparisonTable } from '../features/businessCase/CandidateComparison.tsx';
import { FigureDialog } from '../features/businessCase/FigureDialog.tsx';
import { CommentsDialog } from '../features/comments/CommentsDialog.tsx';
import { ExportButton } from '../features/exchange/ExportDialog.tsx';
import { EntryFormDialog } from '../features/libraryAdmin/EntryFormDialog.tsx';
import { LibraryTable } from '../features/libraryAdmin/LibraryTable.tsx';
import { renderSectionForm } from '../features/sections/renderSectionForm.ts';
import { DecisionsButton } from '../features/workshop/decisions/DecisionLog.tsx';
import { CreateSnapshotForm } from '../features/workshop/history/CreateSnapshotForm.tsx';
import { SnapshotRow } from '../features/workshop/history/SnapshotRow.tsx';
import { SignoffButton } from '../features/workshop/signoff/SignoffDialog.tsx';
import { VoteButton } from '../features/workshop/vote/VoteDialog.tsx';
import { da } from './da.ts';
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

/*
 * The workshop record is the server's, fed into the case's store by a live session the Node
 * render does not have: each rendering sets the record it shows.
 */
const NO_WORKSHOP: WorkshopRecord = {
  phase: 3,
  locks: {},
  timer: { status: 'idle', serverNow: 0 },
  votes: {},
  decisions: {},
  signoffs: {},
  requiredSigners: [],
};
let workshop: WorkshopRecord = NO_WORKSHOP;
vi.mock('../features/workshop/useWorkshop.ts', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  useWorkshop: () => workshop,
}));

// A workshop button renders its dialog as if it had been pressed: the dialog is what is checked.
vi.mock('../app/WorkshopDialog.tsx', async (importOriginal) => {
  const react = await import('react');
  return {
    ...(await importOriginal<object>()),
    DialogButton: ({ label, children }: { label: ReactNode; children: (close: () => void) => ReactNode }) =>
      react.createElement(
        react.Fragment,
        null,
        react.createElement('button', { type: 'button' }, label),
        children(() => {}),
      ),
  };
});

// Some dialogs read the person's chosen language from the app store, which a Node render only
// gives its initial state: the store answers in the language being rendered.
let uiLanguage: Language = 'da';
vi.mock('../store.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../store.ts')>();
  const useUiStore = Object.assign(
    <T>(select: (state: ReturnType<typeof original.useUiStore.getState>) => T): T =>
      select({ ...original.useUiStore.getState(), language: uiLanguage }),
    original.useUiStore,
  );
  return { ...original, useUiStore };
});

/**
 * Words that are the same in Danish and English: abbreviations, units, brands, and Danish words
 * spelled as the English ones (checked: each is the right Danish word where it stands).
 */
const SHARED_WORDS = [
  ...['IRR', 'BCR', 'kr.', 'DKK', 'Excel', 'PDF', 'XLSX', 'JSON'],
  ...['Facilitator', 'Investor', 'Regional', 'Definition', 'Design', 'Evaluator', 'Organisation'],
  // The problem section's title; a sign-off's "Version 90efe93a" (the content hash's first digits).
  ...['Problem', 'Version'],
];

/** Every string the example case holds (names, descriptions): the same in any UI language. */
function caseStrings(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string' && value.trim()) into.add(value.trim());
  else if (Array.isArray(value)) for (const v of value) caseStrings(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) caseStrings(v, into);
  return into;
}
const CASE_STRINGS = [
  ...caseStrings(model),
  ...['Test', 'Jobcenter Holbæk', 'Psykiatrien', 'Før budgetmødet', 'Socialforvaltningen'],
  // The case's content hash as the sign-off dialog shows it: digits and letters of no language.
  contentHash(model).slice(0, 8),
  // The library page's entries (issue 15): the organisation's words, in any UI language.
  ...SEED_ENTRIES.flatMap((entry) => [entry.name, entry.unit, entry.source.text]),
].sort((a, b) => b.length - a.length);

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
  return /^[\s\d.,:;·–—\-+−×/()[\]%'"»«“”…★✎◉●○✓✗•*=<>≥≤↑↓←→▲⚠]*$/u.test(rest);
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

/** A component inside the room's contexts (the case view, its store, the language) and this workshop record. */
function renderInRoom(
  view: ComponentType,
  lang: Language,
  role: 'facilitator' | 'editor' | 'observer' = 'facilitator',
  record: WorkshopRecord = NO_WORKSHOP,
  doc: Y.Doc = exampleDoc(),
): string {
  workshop = record;
  uiLanguage = lang;
  try {
    return renderSectionForm('problem', doc, { lang, role, view });
  } finally {
    workshop = NO_WORKSHOP;
    uiLanguage = 'da';
  }
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
const candidateIds = model.interventions.candidates.map((candidate) => candidate.id);
const outcomeIds = model.outcomes.map((o) => o.id);

/** A vote over the example's candidates: open (two of four have voted) or revealed with its counts. */
function vote(status: Vote['status'], list: Vote['list'] = 'interventions'): Vote {
  const itemIds = list === 'interventions' ? candidateIds : outcomeIds;
  return {
    list,
    itemIds,
    votesPerPerson: 3,
    status,
    openedAt: '2026-03-01T10:00:00Z',
    ...(status === 'open'
      ? { voted: 2 }
      : { voters: 3, counts: Object.fromEntries(itemIds.map((id, index) => [id, index === 0 ? 5 : index])) }),
  };
}

const decided = {
  partyId: 'p1',
  partyName: 'Test',
  at: '2026-03-01T11:00:00Z',
};
const hash = contentHash(model);
/** A workshop in phase 3 with decisions, votes, and sign-offs current, outdated and missing. */
const busyWorkshop: WorkshopRecord = {
  ...NO_WORKSHOP,
  decisions: {
    d1: { ...decided, text: 'Før budgetmødet', itemPath: `interventions/candidates/${candidateIds[0]}`, order: 1 },
    d2: { ...decided, text: 'Test', order: 2 },
  },
  signoffs: {
    p1: { hash, partyName: 'Test', at: '2026-03-02T10:00:00Z' },
    p2: { hash: 'f'.repeat(64), partyName: 'Jobcenter Holbæk', at: '2026-03-02T09:00:00Z' },
  },
  requiredSigners: ['p1', 'p2', 'p3'],
};

/**
 * The example case as imported from a file that carried a decision and a sign-off, with the
 * required signers' names as the server stores them.
 */
function importedDoc(): Y.Doc {
  const doc = exampleDoc();
  const signers = workshopChild(doc, 'requiredSigners');
  if (!signers) throw new Error('a new case document has its required signers map');
  for (const [id, partyName] of [
    ['p1', 'Test'],
    ['p2', 'Jobcenter Holbæk'],
    ['p3', 'Socialforvaltningen'],
  ]) {
    signers.set(id ?? '', { partyName });
  }
  const history: ImportedHistory = {
    decisions: [{ ...decided, id: 'i1', partyName: 'Psykiatrien', text: 'Test', order: 1, imported: true }],
    signoffs: [{ partyId: 'p9', partyName: 'Psykiatrien', hash, at: '2026-02-01T10:00:00Z', imported: true }],
  };
  doc.getMap(WORKSHOP).set(IMPORTED_HISTORY, history);
  return doc;
}

/** A rendering for each role that sees something different. */
function byRole(
  what: string,
  view: ComponentType,
  record: WorkshopRecord,
  doc: () => Y.Doc = exampleDoc,
): [string, (lang: Language) => string][] {
  return (['facilitator', 'editor', 'observer'] as const).map((role) => [
    `${what}, as ${role}`,
    (lang) => renderInRoom(view, lang, role, record, doc()),
  ]);
}

/** The seeded library entries as the library page (issue 15) shows them. */
const libraryEntries: LibraryEntry[] = SEED_ENTRIES.map((entry) => ({
  ...entry,
  version: 1,
  changedAt: '2026-01-01T00:00:00.000Z',
  changedBy: 'Test',
}));

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
  ...byRole('vote dialog, no vote yet', VoteButton, NO_WORKSHOP),
  ...byRole('vote dialog, open', VoteButton, { ...NO_WORKSHOP, votes: { v1: vote('open') } }),
  ...byRole('vote dialog, revealed', VoteButton, { ...NO_WORKSHOP, votes: { v1: vote('revealed') } }),
  ...byRole('vote dialog, on outcomes, decided', VoteButton, {
    ...NO_WORKSHOP,
    votes: { v1: vote('decided', 'outcomes') },
  }),
  ...byRole('decision log, empty', DecisionsButton, NO_WORKSHOP),
  ...byRole('decision log, with imported decisions', DecisionsButton, busyWorkshop, importedDoc),
  ...byRole('sign-off dialog, none required', SignoffButton, NO_WORKSHOP),
  ...byRole('sign-off dialog, signed and imported', SignoffButton, busyWorkshop, importedDoc),
  [
    'library page: the table and the entry form',
    (lang) =>
      renderInRoom(
        () =>
          createElement(
            'div',
            null,
            createElement(LibraryTable, { entries: libraryEntries, lang, onEdit: () => {}, onVersions: () => {} }),
            createElement(EntryFormDialog, {
              entry: libraryEntries[0],
              onSave: async () => ({ kind: 'changedMeanwhile' as const, latest: libraryEntries[0] as LibraryEntry }),
              onClose: () => {},
              failureText: () => '',
            }),
          ),
        lang,
      ),
  ],
  ['export dialog', (lang) => renderInRoom(() => createElement(ExportButton, {}), lang)],
  [
    'export dialog, from a saved version',
    (lang) => renderInRoom(() => createElement(ExportButton, { version: { kind: 'snapshot', id: 's1' } }), lang),
  ],
  ...EXPLAINED_FIGURES.map((figure): [string, (lang: Language) => string] => [
    `figure dialog, ${figure}`,
    (lang) => renderInRoom(() => createElement(FigureDialog, { figure, value: '1.234 kr.', onClose: () => {} }), lang),
  ]),
  [
    'candidate comparison table, risk being drawn',
    (lang) =>
      renderInRoom(
        () =>
          createElement(CandidateComparisonTable, {
            model,
            candidates: result.candidates,
            risk: {
              seed: 7,
              iterations: 10_000,
              candidates: Object.fromEntries(
                candidateIds.map((id, index) => [
                  id,
                  index === 0
                    ? { status: 'done' as const, probabilityAuthorityNpvNegative: 0.25 }
                    : index === 1
                      ? { status: 'failed' as const }
                      : { status: 'computing' as const },
                ]),
              ),
            },
          }),
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

  it('renders each workshop dialog open, in the state it is named for (not only its button)', () => {
    const danish = (what: string) => {
      const render = RENDERINGS.find(([name]) => name === what)?.[1];
      if (!render) throw new Error(`no rendering "${what}"`);
      return textNodes(render('da')).join('\n');
    };
    const w = da.workshop;
    expect(danish('vote dialog, no vote yet, as facilitator')).toContain(w.votes.start);
    expect(danish('vote dialog, open, as editor')).toContain(w.votes.status.open);
    expect(danish('vote dialog, open, as editor')).toContain(w.votes.used(0, 3));
    expect(danish('vote dialog, revealed, as facilitator')).toContain(w.votes.status.revealed);
    expect(danish('vote dialog, revealed, as facilitator')).toContain(da.candidates.heading);
    expect(danish('decision log, with imported decisions, as facilitator')).toContain(w.decisions.importedHeading);
    expect(danish('sign-off dialog, signed and imported, as observer')).toContain(w.signoff.states.outdated);
    expect(danish('sign-off dialog, signed and imported, as observer')).toContain(w.signoff.importedHeading);
    expect(danish('export dialog')).toContain(da.exchange.export.versionLegend);
    expect(danish('figure dialog, breakEvenYear')).toContain(da.businessCase.explanation.perYear);
    expect(danish('candidate comparison table, risk being drawn')).toContain(da.candidates.riskFailed);
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
