import type { SectionName } from '@caseroom/shared';
import type { ComponentType } from 'react';
import { EvaluationSection } from './evaluation/EvaluationSection.tsx';
import { FactsSection } from './facts/FactsSection.tsx';
import { InterventionsSection } from './interventions/InterventionsSection.tsx';
import { OutcomesSection } from './outcomes/OutcomesSection.tsx';
import { PaymentModelSection } from './paymentModel/PaymentModelSection.tsx';
import { ProblemSection } from './problem/ProblemSection.tsx';
import { TargetGroupSection } from './targetGroup/TargetGroupSection.tsx';

/** Each section's form (without the room's header, lock and comment controls around it). */
export const SECTION_VIEWS: Record<SectionName, ComponentType> = {
  facts: FactsSection,
  problem: ProblemSection,
  targetGroup: TargetGroupSection,
  interventions: InterventionsSection,
  outcomes: OutcomesSection,
  paymentModel: PaymentModelSection,
  evaluation: EvaluationSection,
};
