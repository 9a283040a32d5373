import { SectionFields } from '../fields/ContainerFields.tsx';

/** The problem definition, written together as prose. */
export function ProblemSection() {
  return <SectionFields section="problem" />;
}
