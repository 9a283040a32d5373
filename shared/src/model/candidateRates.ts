import type { CaseModelDraft } from './caseModel.ts';

/**
 * P19: each candidate carries its own expected rate per outcome (`expectedRates`, keyed by
 * outcome id, its source note under `expectedRates.<outcome id>`). An outcome's expected rate
 * is the chosen candidate's — never stored on the outcome itself.
 */

/** The key of a candidate's source note for its expected rate on one outcome. */
export function candidateRateSourceKey(outcomeId: string): string {
  return `expectedRates.${outcomeId}`;
}

/**
 * Every outcome's `expectedRate` (and its source note) as the chosen candidate has it; absent
 * when no candidate is chosen or the chosen one has no rate for the outcome.
 */
export function withChosenCandidateRates(model: CaseModelDraft): CaseModelDraft {
  const { chosenId, candidates } = model.interventions;
  const chosen = candidates.find((candidate) => candidate.id === chosenId);
  return {
    ...model,
    outcomes: model.outcomes.map((outcome) => {
      const { expectedRate: _stored, ...rest } = outcome;
      const { expectedRate: _storedNote, ...sources } = outcome.sources;
      const rate = chosen?.expectedRates[outcome.id];
      const note = chosen?.sources[candidateRateSourceKey(outcome.id)];
      return {
        ...rest,
        ...(rate === undefined ? {} : { expectedRate: rate }),
        sources: note === undefined ? sources : { ...sources, expectedRate: note },
      };
    }),
  };
}

/**
 * A case from before P19 (document layout < 3, import schema < 2) had one expected rate per
 * outcome: every candidate takes it (and its source note) for each outcome it has none for,
 * so the case's figures do not change. Candidates' own rates are kept.
 */
export function carryOutcomeRatesToCandidates(model: CaseModelDraft): CaseModelDraft {
  return {
    ...model,
    interventions: {
      ...model.interventions,
      candidates: model.interventions.candidates.map((candidate) => {
        const expectedRates = { ...candidate.expectedRates };
        const sources = { ...candidate.sources };
        for (const outcome of model.outcomes) {
          if (outcome.expectedRate === undefined || expectedRates[outcome.id] !== undefined) continue;
          expectedRates[outcome.id] = outcome.expectedRate;
          const note = outcome.sources.expectedRate;
          if (note !== undefined) sources[candidateRateSourceKey(outcome.id)] ??= note;
        }
        return { ...candidate, expectedRates, sources };
      }),
    },
  };
}
