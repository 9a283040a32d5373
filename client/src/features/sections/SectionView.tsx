import { useCaseStore } from '../../caseState/caseStore.ts';
import { SectionContext } from '../../caseState/sectionLock.ts';
import { useMessages } from '../../i18n/messages.ts';
import { CommentsButton } from '../comments/CommentsButton.tsx';
import { LockNotice, LockToggle } from '../workshop/locks/LockControls.tsx';
import { SECTION_VIEWS } from './sectionForms.ts';

export { SECTION_VIEWS };

/** The open section, in the centre of the room. */
export function SectionView() {
  const m = useMessages();
  const section = useCaseStore((state) => state.openSection);
  const View = SECTION_VIEWS[section];
  return (
    <main id="main" className="section-view" aria-labelledby="section-heading">
      <div className="section-header">
        <h2 id="section-heading" className="section-heading" tabIndex={-1} data-path={section}>
          {m.sections[section].title}
        </h2>
        <LockToggle section={section} />
        <CommentsButton path={section} what={m.sections[section].title} scope="section" />
      </div>
      <LockNotice section={section} />
      <p className="section-intro">{m.sections[section].intro}</p>
      <SectionContext.Provider value={section}>
        <View key={section} />
      </SectionContext.Provider>
    </main>
  );
}
