import type { SectionName } from '../model/caseModel.ts';
import type { Phase } from '../model/facts.ts';
import type { Finding } from './finding.ts';

/**
 * Which sections must be free of errors to close each phase (docs/product.md, "readiness"):
 * 1: problem, target group, chosen intervention (and the case facts they rest on);
 * 2: outcomes, values, payment model — the business case without errors;
 * 3: evaluation design and contract terms (sign-offs are checked by the workshop record).
 * Readiness is cumulative: closing phase 2 also needs phase 1's sections to be in order.
 */
export const PHASE_SECTIONS: Record<Phase, SectionName[]> = {
  1: ['facts', 'problem', 'targetGroup', 'interventions'],
  2: ['outcomes', 'paymentModel'],
  3: ['evaluation'],
};

export type PhaseReadiness = { phase: Phase; ready: boolean; blocking: Finding[] };

/** For each phase: whether it can be closed, and the error findings that block it. */
export function readiness(findings: readonly Finding[]): PhaseReadiness[] {
  const sectionsUpTo = (phase: Phase) =>
    new Set(([1, 2, 3] as const).filter((p) => p <= phase).flatMap((p) => PHASE_SECTIONS[p]));
  return ([1, 2, 3] as const).map((phase) => {
    const sections = sectionsUpTo(phase);
    const blocking = findings.filter((f) => f.severity === 'error' && sections.has(f.section));
    return { phase, ready: blocking.length === 0, blocking };
  });
}
