import { z } from 'zod';
import { PAYMENT_MODEL_FIELDS } from '../fields/paymentModel.ts';
import { completeShape, draftShape } from '../fields/shape.ts';
import { FiniteNumber, SourceNotes } from './primitives.ts';

/** Low and high factors around the expected value (expected = 1). */
export const RangeDraft = z.object({ low: FiniteNumber.optional(), high: FiniteNumber.optional() });
export const Range = z.object({ low: z.number().min(0), high: z.number().min(0) });

/** Scenario ranges for the risk analysis (P18): effect, cost and persistence. */
export const ScenarioRangesDraft = z.object({
  effect: RangeDraft,
  cost: RangeDraft,
  persistence: RangeDraft,
});
export const ScenarioRanges = z.object({ effect: Range, cost: Range, persistence: Range });

/** Who pays what, who funds the cost, and the limits on payments and return (fields: fields/paymentModel.ts). */
export const PaymentModelDraft = z.object({
  ...draftShape(PAYMENT_MODEL_FIELDS),
  scenarios: ScenarioRangesDraft,
  sources: SourceNotes,
});
export type PaymentModelDraft = z.infer<typeof PaymentModelDraft>;

export const PaymentModel = PaymentModelDraft.extend({
  ...completeShape(PAYMENT_MODEL_FIELDS),
  scenarios: ScenarioRanges,
});
export type PaymentModel = z.infer<typeof PaymentModel>;
