import { z } from 'zod';
import { Count, FiniteNumber, Id, OrderKey, RichText } from './primitives.ts';

/** How the effect is measured against what would have happened anyway. */
export const EVALUATION_DESIGNS = ['comparisonGroup', 'historicalBaseline', 'randomised'] as const;
export const EvaluationDesign = z.enum(EVALUATION_DESIGNS);
export type EvaluationDesign = z.infer<typeof EvaluationDesign>;

export const SignatoryDraft = z.object({
  id: Id,
  order: OrderKey,
  name: z.string().optional(),
  organisation: z.string().optional(),
});
export const Signatory = SignatoryDraft.extend({
  name: z.string().min(1),
  organisation: z.string().min(1),
});

/** Phase 3: the evaluation design and the contract terms, and who must sign. */
export const EvaluationDraft = z.object({
  design: EvaluationDesign.optional(),
  dataSources: z.string().optional(),
  measurementPoints: z.string().optional(),
  evaluator: z.string().optional(),
  notes: RichText,
  contractYears: FiniteNumber.optional(),
  contractParties: z.string().optional(),
  earlyStop: RichText,
  signatories: z.array(SignatoryDraft),
});
export type EvaluationDraft = z.infer<typeof EvaluationDraft>;

export const Evaluation = EvaluationDraft.extend({
  design: EvaluationDesign,
  dataSources: z.string().min(1),
  measurementPoints: z.string().min(1),
  evaluator: z.string().min(1),
  contractYears: Count.min(1),
  contractParties: z.string().min(1),
  signatories: z.array(Signatory).min(1),
});
export type Evaluation = z.infer<typeof Evaluation>;
