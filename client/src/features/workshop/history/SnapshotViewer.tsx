import { type CaseModelDraft, SECTIONS, type SectionName } from '@caseroom/shared';
import { useEffect, useId, useMemo, useState } from 'react';
import { CaseStoreContext } from '../../../caseState/caseStore.ts';
import { SectionContext } from '../../../caseState/sectionLock.ts';
import { CaseViewContext, useSession } from '../../../caseState/sessionContext.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { BusinessCaseProvider } from '../../businessCase/businessCaseContext.tsx';
import { useSectionViews } from './sectionViews.ts';
import { openSnapshotView } from './snapshotSession.ts';

/**
 * A kept version shown as the real section views (W11), read-only as for an observer, over a
 * local throw-away document; closing it leaves the live case as it was.
 */
export function SnapshotViewer({ name, model, onClose }: { name: string; model: CaseModelDraft; onClose: () => void }) {
  const m = useMessages();
  const t = m.workshop.history;
  const live = useSession();
  const snapshot = useMemo(() => openSnapshotView(live, model), [live, model]);
  useEffect(() => () => snapshot.destroy(), [snapshot]);
  const [open, setOpen] = useState<SectionName>('facts');
  const headingId = useId();
  const View = useSectionViews()[open];
  return (
    <section className="snapshot-view" aria-labelledby={headingId} data-readonly="true">
      <div className="snapshot-view-head">
        <h3 id={headingId}>{t.viewing(name)}</h3>
        <button type="button" onClick={onClose}>
          {t.closeView}
        </button>
      </div>
      {/* The version's own document and store; no live connection inside it (no CaseSessionContext). */}
      <CaseViewContext.Provider value={snapshot.view}>
        <CaseStoreContext.Provider value={snapshot.caseState.store}>
          <nav className="snapshot-view-nav" aria-label={t.viewNav(name)}>
            <ol>
              {SECTIONS.map((section) => (
                <li key={section}>
                  <button
                    type="button"
                    aria-current={open === section ? 'page' : undefined}
                    onClick={() => setOpen(section)}
                  >
                    {m.sections[section].title}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
          <div className="snapshot-view-section">
            <h4>{m.sections[open].title}</h4>
            {/* Figures in the sections (the candidate table) are the version's, not the live case's. */}
            <BusinessCaseProvider>
              <SectionContext.Provider value={open}>
                <View key={open} />
              </SectionContext.Provider>
            </BusinessCaseProvider>
          </div>
        </CaseStoreContext.Provider>
      </CaseViewContext.Provider>
    </section>
  );
}
