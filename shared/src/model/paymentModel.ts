import { z } from 'zod';
import { FiniteNumber, Money, Rate, SourceNotes } from './primitives.ts';

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

/** Who pays what, who funds the cost, and the limits on payments and return. */
export const PaymentModelDraft = z.object({
  /** Share of outcome payments per paying department id (P10: not renormalised). */
  payerShares: z.record(z.string(), FiniteNumber),
  investorFundedShare: FiniteNumber.optional(),
  paymentCap: FiniteNumber.optional(),
  returnCap: FiniteNumber.optional(),
  guaranteeAmount: FiniteNumber.optional(),
  scenarios: ScenarioRangesDraft,
  sources: SourceNotes,
});
export type PaymentModelDraft = z.infer<typeof PaymentModelDraft>;

export const PaymentModel = PaymentModelDraft.extend({
  payerShares: z.record(z.string(), Rate),
  investorFundedShare: Rate,
  paymentCap: Money.optional(),
  returnCap: z.number().min(0).optional(),
  guaranteeAmount: Money.optional(),
  scenarios: ScenarioRanges,
});
export type PaymentModel = z.infer<typeof PaymentModel>;
