import { exampleCase } from '../example/exampleCase.ts';

/**
 * The example case as a file of schema 1 — before P19 and P7: one expected rate per outcome (the
 * candidates have none), one price and basis per outcome (no rate card), the price's source note
 * under `pricePerOutcome`. For tests of the import and CLI migrations.
 */
export function exampleAsSchema1(): Record<string, unknown> {
  const model = JSON.parse(JSON.stringify(exampleCase()));
  model.schemaVersion = 1;
  for (const candidate of model.interventions.candidates) {
    delete candidate.expectedRates;
    for (const key of Object.keys(candidate.sources))
      if (key.startsWith('expectedRates.')) delete candidate.sources[key];
  }
  for (const outcome of model.outcomes) {
    const [point] = outcome.points;
    outcome.pricePerOutcome = point.price;
    outcome.paymentBasis = point.basis;
    delete outcome.points;
    if (outcome.sources.points) {
      outcome.sources.pricePerOutcome = outcome.sources.points;
      delete outcome.sources.points;
    }
  }
  return model;
}
