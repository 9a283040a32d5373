import { z } from 'zod';
import { Evaluation, EvaluationDraft } from './evaluation.ts';
import { Facts, FactsDraft } from './facts.ts';
import { Interventions, InterventionsDraft } from './intervention.ts';
import { Outcome, OutcomeDraft } from './outcome.ts';
import { PaymentModel, PaymentModelDraft } from './paymentModel.ts';
import { SCHEMA_VERSION } from './primitives.ts';
import { Problem, ProblemDraft } from './problem.ts';
import { TargetGroup, TargetGroupDraft } from './targetGroup.ts';

/** The sections of a case, in the order the workspace shows them. */
export const SECTIONS = [
  'facts',
  'problem',
  'targetGroup',
  'interventions',
  'outcomes',
  'paymentModel',
  'evaluation',
] as const;
export type SectionName = (typeof SECTIONS)[number];

/** What every document satisfies at every moment: inputs may be missing or out of range. */
export const CaseModelDraft = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  facts: FactsDraft,
  problem: ProblemDraft,
  targetGroup: TargetGroupDraft,
  interventions: InterventionsDraft,
  outcomes: z.array(OutcomeDraft),
  paymentModel: PaymentModelDraft,
  evaluation: EvaluationDraft,
});
export type CaseModelDraft = z.infer<typeof CaseModelDraft>;

/** A complete case: every input present and in range (consistency is validation's job). */
export const CaseModel = CaseModelDraft.extend({
  facts: Facts,
  problem: Problem,
  targetGroup: TargetGroup,
  interventions: Interventions,
  outcomes: z.array(Outcome).min(1),
  paymentModel: PaymentModel,
  evaluation: Evaluation,
});
export type CaseModel = z.infer<typeof CaseModel>;
