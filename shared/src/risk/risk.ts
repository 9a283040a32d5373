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

/** P18: the three scenarios priced as above. */
export function scenarios(input: PricingInput, ranges: ScenarioRangeFactors): ScenarioResult[] {
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
 */
export function monteCarlo(
  input: PricingInput,
  ranges: ScenarioRangeFactors,
  options: { seed: number; iterations: number },
): MonteCarloResult {
  const random = mulberry32(options.seed);
  const priceDraw = compileFastPricer(input);
  const npvs: number[] = [];
  const investorNets: number[] = [];
  let losses = 0;
  let negative = 0;
  for (let i = 0; i < options.iterations; i++) {
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
  const n = Math.max(1, options.iterations);
  const percentiles = (sorted: number[]) => ({
    p5: percentile(sorted, 5),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
  });
  return {
    seed: options.seed,
    iterations: options.iterations,
    probabilityInvestorLoses: losses / n,
    probabilityAuthorityNpvNegative: negative / n,
    authorityNpv: percentiles(npvs),
    investorNet: percentiles(investorNets),
    authorityNpvSamples: npvs,
  };
}
