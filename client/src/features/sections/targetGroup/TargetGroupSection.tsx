import { SectionFields } from '../fields/ContainerFields.tsx';

/** Who the intervention is for: eligibility, population, yearly intake, baseline situation. */
export function TargetGroupSection() {
  return <SectionFields section="targetGroup" />;
}
