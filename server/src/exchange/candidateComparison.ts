import {
  type BuiltCaseExport,
  type CandidateComparison,
  DEFAULT_SEED,
  EXPORT_ITERATIONS,
  monteCarlo,
  type ScenarioRangeFactors,
  scenarioRangesFromModel,
} from '@caseroom/shared';

/**
 * P19 in the exports: every intervention candidate priced on its own (shared's
 * `compareCandidates`, carried in the export's pricing), with its P(authority NPV < 0) from the
 * same Monte Carlo as the case's own — the export's seed, iterations and scenario ranges — and its
 * expected rate on each outcome. The PDF's comparison table and the XLSX's candidates sheet both
 * read this, so the two files cannot disagree.
 */

/** One candidate as the exports compare it, in the case's order. */
export type ComparedCandidate = {
  id: string;
  name: string;
  chosen: boolean;
  /** Its figures; `priced` false when it cannot be priced (`reason`). */
  figures: CandidateComparison;
  /** P(authority NPV < 0) over the case's Monte Carlo draws; absent when the candidate is not priced. */
  probabilityAuthorityNpvNegative?: number;
  /** P19: the names of the outcomes it has no expected rate for ("effect not entered"). */
  effectNotEntered: string[];
  /** Its expected rate on each outcome of the case, in the case's order (absent: not entered). */
  rates: (number | undefined)[];
};

/** The Monte Carlo settings every candidate is simulated with: the case's own. */
export type CandidateRiskSettings = { seed: number; iterations: number; ranges: ScenarioRangeFactors };

/**
 * The case's Monte Carlo settings: those of its own risk analysis when it is priced; otherwise
 * the defaults an export uses (`buildCaseExport`) with the case's scenario ranges.
 */
export function candidateRiskSettings(exported: BuiltCaseExport): CandidateRiskSettings {
  const { pricing, model } = exported;
  if (pricing.ok) return { seed: pricing.risk.seed, iterations: pricing.risk.iterations, ranges: pricing.risk.ranges };
  return {
    seed: DEFAULT_SEED,
    iterations: EXPORT_ITERATIONS,
    ranges: scenarioRangesFromModel(model.paymentModel.scenarios),
  };
}

/**
 * Every candidate compared. CPU-bound (one Monte Carlo per priced candidate): it runs in the
 * export worker with the rest of the rendering.
 */
export function compareCandidatesForExport(exported: BuiltCaseExport): ComparedCandidate[] {
  const { model } = exported;
  const settings = candidateRiskSettings(exported);
  const outcomeName = new Map(model.outcomes.map((o) => [o.id, o.name || o.id]));
  return model.interventions.candidates.map((candidate) => {
    const figures = exported.pricing.candidates.find((c) => c.interventionId === candidate.id) ?? {
      interventionId: candidate.id,
      priced: false,
      effectNotEntered: [],
    };
    // A priced candidate's inputs and the case's ranges are within their bounds (P20: checked
    // when it was priced), so the simulation cannot throw here.
    const probability =
      figures.priced && figures.input
        ? monteCarlo(figures.input, settings.ranges, { seed: settings.seed, iterations: settings.iterations })
            .probabilityAuthorityNpvNegative
        : undefined;
    return {
      id: candidate.id,
      name: candidate.name || candidate.id,
      chosen: candidate.id === model.interventions.chosenId,
      figures,
      ...(probability === undefined ? {} : { probabilityAuthorityNpvNegative: probability }),
      effectNotEntered: figures.effectNotEntered.map((id) => outcomeName.get(id) ?? id),
      rates: model.outcomes.map((o) =>
        Object.hasOwn(candidate.expectedRates, o.id) ? candidate.expectedRates[o.id] : undefined,
      ),
    };
  });
}
