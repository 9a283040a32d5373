import type { SectionName } from '@caseroom/shared';
import type { ComponentType } from 'react';
import { useCaseStore } from '../../caseState/caseStore.ts';
import { SectionContext } from '../../caseState/sectionLock.ts';
import { useMessages } from '../../i18n/messages.ts';
import { CommentsButton } from '../comments/CommentsButton.tsx';
import { LockNotice, LockToggle } from '../workshop/locks/LockControls.tsx';
import { EvaluationSection } from './evaluation/EvaluationSection.tsx';
import { FactsSection } from './facts/FactsSection.tsx';
import { InterventionsSection } from './interventions/InterventionsSection.tsx';
import { OutcomesSection } from './outcomes/OutcomesSection.tsx';
import { PaymentModelSection } from './paymentModel/PaymentModelSection.tsx';
import { ProblemSection } from './problem/ProblemSection.tsx';
import { TargetGroupSection } from './targetGroup/TargetGroupSection.tsx';

export const SECTION_VIEWS: Record<SectionName, ComponentType> = {
  facts: FactsSection,
  problem: ProblemSection,
  targetGroup: TargetGroupSection,
  interventions: InterventionsSection,
  outcomes: OutcomesSection,
  paymentModel: PaymentModelSection,
  evaluation: EvaluationSection,
};

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
