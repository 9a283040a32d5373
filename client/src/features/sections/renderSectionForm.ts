import { initCaseDoc, type Party, type SectionName } from '@caseroom/shared';
import { type ComponentType, createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CaseStoreContext, openCaseState } from '../../caseState/caseStore.ts';
import { SectionContext } from '../../caseState/sectionLock.ts';
import { type CaseView, CaseViewContext } from '../../caseState/sessionContext.ts';
import type { Language } from '../../i18n/languageSlice.ts';
import { LanguageContext } from '../../i18n/messages.ts';
import { SECTION_VIEWS } from './sectionForms.ts';

/** What a form is rendered with: the UI language and this person's role (default: Danish, editor). */
export type RenderFormOptions = {
  lang?: Language;
  role?: Party['role'];
  /** A part of the section to render instead of its whole view (one without the business case's provider). */
  view?: ComponentType;
};

/**
 * A section's form as static HTML, for tests in Node (no browser): the section's view over
 * `doc` (a fresh case document by default) inside the contexts the room provides — the case
 * view (writes go straight into `doc`), a case store of its own, the section, the language.
 * A rich-text field shows its label and help without an editor (Tiptap needs a DOM); the
 * interventions section also needs the business case (BusinessCaseProvider) for its candidate
 * table.
 */
export function renderSectionForm(section: SectionName, doc?: Y.Doc, options: RenderFormOptions = {}): string {
  const caseDoc = doc ?? newCaseDoc();
  const party: Party = { id: 'p1', name: 'Test', kind: 'facilitator', role: options.role ?? 'editor' };
  const awareness = new Awareness(caseDoc);
  const write = (change: () => void) => caseDoc.transact(change);
  const view: CaseView = {
    caseId: 'test-case',
    token: 'test-token',
    doc: caseDoc,
    provider: { awareness },
    undo: new Y.UndoManager(caseDoc, { trackedOrigins: new Set() }),
    me: { get: () => party, subscribe: () => () => {} },
    write,
    writeStep: write,
  };
  const caseState = openCaseState();
  const form = createElement(
    SectionContext.Provider,
    { value: section },
    createElement(options.view ?? SECTION_VIEWS[section]),
  );
  try {
    return renderToStaticMarkup(
      createElement(
        LanguageContext.Provider,
        { value: options.lang ?? 'da' },
        createElement(
          CaseStoreContext.Provider,
          { value: caseState.store },
          createElement(CaseViewContext.Provider, { value: view }, form),
        ),
      ),
    );
  } finally {
    caseState.dispose();
    awareness.destroy();
  }
}

/** A case document as the server creates it. */
function newCaseDoc(): Y.Doc {
  const doc = new Y.Doc();
  initCaseDoc(doc);
  return doc;
}
