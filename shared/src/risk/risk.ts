import { MAX_MONTE_CARLO_ITERATIONS } from '../pricing/absoluteBounds.ts';
import { assertWithinBounds } from '../pricing/boundedValues.ts';
import type { IrrResult } from '../pricing/irr.ts';
import { price } from '../pricing/price.ts';
import type { PricingInput } from '../pricing/pricingInput.ts';
import { compileFastPricer } from './fastPricer.ts';
import { mulberry32, percentile, triangular } from './random.ts';
import {
  applyFactors,
  EXPECTED_FACTORS,
  RANGED_INPUTS,
  type RangedInput,
  type ScenarioRangeFactors,
  scenarioFactors,
} from './scenarioInputs.ts';

export type ScenarioResult = {
  scenario: 'low' | 'expected' | 'high';
  authorityNpv: number;
  publicSectorNpv: number;
  investorIrr: IrrResult;
  investorLosesMoney: boolean;
  paid: number;
};

/** P18: the three scenarios priced as above (P20: inputs outside their bounds throw). */
export function scenarios(input: PricingInput, ranges: ScenarioRangeFactors): ScenarioResult[] {
  assertWithinBounds(input, ranges);
  return (['low', 'expected', 'high'] as const).map((scenario) => {
    const pricing = price(applyFactors(input, scenarioFactors(ranges, scenario)));
    return {
      scenario,
      authorityNpv: pricing.authorityNpv,
      publicSectorNpv: pricing.publicSectorNpv,
      investorIrr: pricing.investor.irr,
      investorLosesMoney: pricing.investor.losesMoney,
      paid: pricing.totals.paid,
    };
  });
}

export type SensitivityBar = {
  input: RangedInput;
  lowFactor: number;
  highFactor: number;
  authorityNpv: { atLow: number; atHigh: number };
  investorIrr: { atLow: IrrResult; atHigh: IrrResult };
};

/** P18: one-at-a-time sensitivity (tornado), widest swing in authority NPV first. */
export function sensitivity(input: PricingInput, ranges: ScenarioRangeFactors): SensitivityBar[] {
  assertWithinBounds(input, ranges);
  const bars = RANGED_INPUTS.map((name) => {
    const atLow = price(applyFactors(input, { ...EXPECTED_FACTORS, [name]: ranges[name].low }));
    const atHigh = price(applyFactors(input, { ...EXPECTED_FACTORS, [name]: ranges[name].high }));
    return {
      input: name,
      lowFactor: ranges[name].low,
      highFactor: ranges[name].high,
      authorityNpv: { atLow: atLow.authorityNpv, atHigh: atHigh.authorityNpv },
      investorIrr: { atLow: atLow.investor.irr, atHigh: atHigh.investor.irr },
    };
  });
  const swing = (bar: SensitivityBar) => Math.abs(bar.authorityNpv.atHigh - bar.authorityNpv.atLow);
  return bars.sort((a, b) => swing(b) - swing(a));
}

export type Percentiles = { p5: number; p50: number; p95: number };

export type MonteCarloResult = {
  seed: number;
  iterations: number;
  probabilityInvestorLoses: number;
  probabilityAuthorityNpvNegative: number;
  authorityNpv: Percentiles;
  investorNet: Percentiles;
  /** The sorted authority NPVs, for the distribution chart. */
  authorityNpvSamples: number[];
};

/**
 * P18: Monte Carlo. Each iteration draws effect, cost and persistence — in that fixed order —
 * from triangular(low, 1, high) with the mulberry32 generator seeded by `seed`, then prices.
 * P20: 1 to 1.000.000 draws, on inputs within their bounds — anything else throws (a bug: the
 * CLI and the panel bound both), so no percentile is ever NaN.
 */
export function monteCarlo(
  input: PricingInput,
  ranges: ScenarioRangeFactors,
  options: { seed: number; iterations: number },
): MonteCarloResult {
  assertWithinBounds(input, ranges);
  const { iterations } = options;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_MONTE_CARLO_ITERATIONS) {
    throw new RangeError(`monteCarlo: ${iterations} draws; 1 to ${MAX_MONTE_CARLO_ITERATIONS} whole draws (P20)`);
  }
  const random = mulberry32(options.seed);
  const priceDraw = compileFastPricer(input);
  const npvs: number[] = [];
  const investorNets: number[] = [];
  let losses = 0;
  let negative = 0;
  for (let i = 0; i < iterations; i++) {
    const factors = { ...EXPECTED_FACTORS };
    for (const name of RANGED_INPUTS) factors[name] = triangular(random(), ranges[name].low, 1, ranges[name].high);
    const figures = priceDraw(factors);
    npvs.push(figures.authorityNpv);
    investorNets.push(figures.investorNet);
    if (figures.investorNet < 0) losses++;
    if (figures.authorityNpv < 0) negative++;
  }
  npvs.sort((a, b) => a - b);
  investorNets.sort((a, b) => a - b);
  const n = iterations;
  const percentiles = (sorted: number[]) => ({
    p5: percentile(sorted, 5),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
  });
  return {
    seed: options.seed,
    iterations,
    probabilityInvestorLoses: losses / n,
    probabilityAuthorityNpvNegative: negative / n,
    authorityNpv: percentiles(npvs),
    investorNet: percentiles(investorNets),
    authorityNpvSamples: npvs,
  };
}
