/**
 * The fixed choices of the model's choice fields. They live beside the registry (not in
 * `model/`) because the model's schemas are derived from the registry; `model/` re-exports them.
 */

/** Where a department sits; only municipal departments make up "the authority" (P12). */
export const DEPARTMENT_LEVELS = ['municipal', 'regional', 'state', 'other'] as const;

/** How well the intervention's effect is documented. */
export const EVIDENCE_LEVELS = ['strong', 'moderate', 'emerging', 'none'] as const;

/** Whether a higher or a lower measured value is the improvement. */
export const DIRECTIONS = ['higher', 'lower'] as const;

/** P7: pay for every achieved outcome, or only for those above the baseline. */
export const PAYMENT_BASES = ['all', 'additional'] as const;

/** How the effect is measured against what would have happened anyway. */
export const EVALUATION_DESIGNS = ['comparisonGroup', 'historicalBaseline', 'randomised'] as const;
