import { z } from 'zod';
import { EVALUATION_DESIGNS } from '../fields/choices.ts';
import { EVALUATION_FIELDS, SIGNATORY_FIELDS } from '../fields/evaluation.ts';
import { completeShape, draftShape } from '../fields/shape.ts';
import { Id, OrderKey } from './primitives.ts';

export { EVALUATION_DESIGNS } from '../fields/choices.ts';

/** How the effect is measured against what would have happened anyway. */
export const EvaluationDesign = z.enum(EVALUATION_DESIGNS);
export type EvaluationDesign = z.infer<typeof EvaluationDesign>;

export const SignatoryDraft = z.object({ id: Id, order: OrderKey, ...draftShape(SIGNATORY_FIELDS) });
export const Signatory = SignatoryDraft.extend(completeShape(SIGNATORY_FIELDS));

/** Phase 3: the evaluation design and the contract terms, and who must sign (fields: fields/evaluation.ts). */
export const EvaluationDraft = z.object({
  ...draftShape(EVALUATION_FIELDS),
  signatories: z.array(SignatoryDraft),
});
export type EvaluationDraft = z.infer<typeof EvaluationDraft>;

export const Evaluation = EvaluationDraft.extend({
  ...completeShape(EVALUATION_FIELDS),
  signatories: z.array(Signatory).min(1),
});
export type Evaluation = z.infer<typeof Evaluation>;
