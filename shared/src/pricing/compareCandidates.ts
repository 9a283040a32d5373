import type { CaseModelDraft } from '../model/caseModel.ts';
import type { ValueOutOfBounds } from './absoluteBounds.ts';
import { pricingInputFromModel, type UnpriceableReason } from './fromModel.ts';
import type { IrrResult } from './irr.ts';
import { price } from './price.ts';

/** One intervention candidate priced on its own, for the side-by-side table before the vote. */
export type CandidateComparison = {
  interventionId: string;
  priced: boolean;
  /** Why the candidate is not priced (P0, P20); absent when it is. */
  reason?: UnpriceableReason;
  /** With reason `outOfBounds`: the values outside their bounds (the candidate's own or the case's). */
  violations?: ValueOutOfBounds[];
  interventionCost?: number;
  publicValue?: number;
  authorityNpv?: number;
  investorIrr?: IrrResult;
};

/** Prices every intervention candidate with the same outcomes and payment model. */
export function compareCandidates(model: CaseModelDraft): CandidateComparison[] {
  return model.interventions.candidates.map((candidate) => {
    const result = pricingInputFromModel(model, { interventionId: candidate.id });
    if (!result.ok) {
      const violations = result.reason === 'outOfBounds' ? { violations: result.violations } : {};
      return { interventionId: candidate.id, priced: false, reason: result.reason, ...violations };
    }
    const pricing = price(result.input);
    return {
      interventionId: candidate.id,
      priced: true,
      interventionCost: pricing.totals.interventionCost,
      publicValue: pricing.totals.publicValue,
      authorityNpv: pricing.authorityNpv,
      investorIrr: pricing.investor.irr,
    };
  });
}
