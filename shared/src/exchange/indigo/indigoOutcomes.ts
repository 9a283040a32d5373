import { PAYMENT_BASIS_NAMES } from '../../fields/choices.ts';
import type { CaseModelDraft } from '../../model/caseModel.ts';
import type { EvaluationDesign } from '../../model/evaluation.ts';
import { byMonths } from '../../model/measurementPoint.ts';
import type { SourceBook } from './indigoSources.ts';
import type { IndigoOutcomeMetric, IndigoOutcomePricing, ValidationMethod } from './indigoTypes.ts';
import { text, wrap } from './values.ts';

/** The standard's suggested validation method for each evaluation design (its `outcome_validation_method` list). */
const VALIDATION_METHODS: Record<EvaluationDesign, ValidationMethod> = {
  randomised: 'Randomised Control Trial',
  comparisonGroup: 'Quasi-experimental study',
  historicalBaseline: 'Historical comparison',
};

/** `outcome_metrics`: one per outcome, its id the outcome's; its name in `notes` (the standard has no name field). */
export function outcomeMetrics(model: CaseModelDraft, book: SourceBook): IndigoOutcomeMetric[] {
  const targetPopulation = text(model.targetGroup.name);
  const design = model.evaluation.design;
  return model.outcomes.map((outcome) => ({
    id: outcome.id,
    ...wrap('definition', text(outcome.definition)),
    ...wrap('target_population', targetPopulation),
    ...wrap('outcome_validation_method', design ? VALIDATION_METHODS[design] : undefined),
    ...wrap('data_source_for_outcome_validation', text(outcome.dataSource)),
    ...(text(outcome.name) ? { notes: text(outcome.name) } : {}),
    ...book.cite({ notes: outcome.sources, key: 'definition', at: `outcomes.${outcome.id}` }),
  }));
}

/**
 * `outcome_pricings`: one per measurement point of each outcome's rate card (P7) that has a
 * price — the price per outcome paid at that point, in the case's currency, and when and for
 * which outcomes it is paid. A point without a price or months is not priced and not emitted.
 */
export function outcomePricings(model: CaseModelDraft, book: SourceBook): IndigoOutcomePricing[] {
  const currency = text(model.facts.currency);
  return model.outcomes.flatMap((outcome) => {
    const points = [...(outcome.points ?? [])].sort(byMonths);
    const cited = book.cite({ notes: outcome.sources, key: 'points', at: `outcomes.${outcome.id}` });
    return points.flatMap((point) => {
      if (point.price === undefined || point.months === undefined || point.basis === undefined) return [];
      return [
        {
          outcome_metric_id: { value: outcome.id },
          ...wrap('currency', currency),
          price_per_unit: { amount: { value: point.price } },
          price_description: {
            value: `Measurement point ${point.months} months after intake; paid for: ${PAYMENT_BASIS_NAMES[point.basis].en}`,
          },
          ...cited,
        },
      ];
    });
  });
}
