import type { CaseModelDraft } from '../model/caseModel.ts';
import type { ValueOutOfBounds } from './absoluteBounds.ts';
import { discountedSum, discountFactors } from './discounting.ts';
import { pricingInputFromModel, type UnpriceableReason } from './fromModel.ts';
import type { IrrResult } from './irr.ts';
import { price } from './price.ts';
import type { PricingInput } from './pricingInput.ts';

/** One intervention candidate priced on its own (P19), for the side-by-side table before the vote. */
export type CandidateComparison = {
  interventionId: string;
  priced: boolean;
  /** Why the candidate is not priced (P0, P20); absent when it is. */
  reason?: UnpriceableReason;
  /** With reason `outOfBounds`: the values outside their bounds (the candidate's own or the case's). */
  violations?: ValueOutOfBounds[];
  /** P19: outcomes this candidate has no expected rate for — priced without them, marked "effect not entered". */
  effectNotEntered: string[];
  /** The candidate's pricing inputs (for its Monte Carlo, run off the main thread); absent when not priced. */
  input?: PricingInput;
  /** PV of the total intervention cost (P3, P14). */
  interventionCost?: number;
  /** PV of the value created for every department, "other" included (P6, P14). */
  publicValue?: number;
  authorityNpv?: number;
  publicSectorNpv?: number;
  benefitCostRatio?: number;
  investorIrr?: IrrResult;
};

/**
 * P19: prices every intervention candidate with its own cost, duration and expected rate on
 * each outcome, the other inputs as the case has them. P(authority NPV < 0) is not computed
 * here (10,000 draws per candidate): the panel runs it in its worker and the exports call
 * `monteCarlo` on `input`.
 */
export function compareCandidates(model: CaseModelDraft): CandidateComparison[] {
  return model.interventions.candidates.map((candidate) => {
    const result = pricingInputFromModel(model, { interventionId: candidate.id });
    if (!result.ok) {
      const violations = result.reason === 'outOfBounds' ? { violations: result.violations } : {};
      return {
        interventionId: candidate.id,
        priced: false,
        reason: result.reason,
        effectNotEntered: [],
        ...violations,
      };
    }
    const pricing = price(result.input);
    const discount = discountFactors(result.input, result.input.horizonYears);
    return {
      interventionId: candidate.id,
      priced: true,
      effectNotEntered: result.effectNotEnteredIds,
      input: result.input,
      interventionCost: discountedSum(pricing.yearly.interventionCost, discount),
      publicValue: discountedSum(pricing.yearly.publicValue, discount),
      authorityNpv: pricing.authorityNpv,
      publicSectorNpv: pricing.publicSectorNpv,
      benefitCostRatio: pricing.benefitCostRatio,
      investorIrr: pricing.investor.irr,
    };
  });
}
