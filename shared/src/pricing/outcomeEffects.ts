import { spanInHorizon } from './absoluteBounds.ts';
import { addInYear, zeros } from './discounting.ts';
import type { PricedOutcome, PricingInput } from './pricingInput.ts';

export type OutcomeEffect = {
  outcomeId: string;
  /** Additional achievers per year, summed over cohorts (P5). */
  achievers: number[];
  /** Public value per department per year from this outcome (P6). */
  valueByDepartment: Record<string, number[]>;
};

/** P5: additional achievers of one cohort, n·(e−b)·a — never n·e. */
export function additionalAchievers(outcome: PricedOutcome, participants: number): number {
  return participants * (outcome.expectedRate - outcome.baselineRate) * outcome.attribution;
}

/**
 * P5 + P6. Achievers in year c+lag+j (j = 0 … duration−1) = additional × persistence^j; the
 * value to department d in year y = achievers in y × d's yearly value per outcome. The loop runs
 * over the years inside the horizon only (P20: a duration reaching past H is cut at H).
 */
export function outcomeEffects(input: PricingInput): OutcomeEffect[] {
  return input.outcomes.map((outcome) => {
    const achievers = zeros(input.horizonYears);
    for (const cohort of input.cohorts) {
      const additional = additionalAchievers(outcome, cohort.participants);
      const start = cohort.year + outcome.lagYears;
      const span = spanInHorizon(start, outcome.durationYears, achievers.length);
      for (let y = span.from; y < span.to; y++)
        addInYear(achievers, y, additional * outcome.persistence ** (y - start));
    }
    const valueByDepartment: Record<string, number[]> = {};
    for (const [departmentId, value] of Object.entries(outcome.valuePerDepartment)) {
      valueByDepartment[departmentId] = achievers.map((n) => n * value);
    }
    return { outcomeId: outcome.id, achievers, valueByDepartment };
  });
}
