import { businessCase, DEFAULT_ITERATIONS, DEFAULT_SEED } from '../businessCase/businessCase.ts';
import type { CaseModelDraft } from '../model/caseModel.ts';
import { monteCarlo } from '../risk/risk.ts';

/**
 * The headline figures of one case as the fund's portfolio shows them (issue 15), from the same
 * pricing as the panel and the exports: authority NPV and public-sector NPV (P-rules of
 * `price`), the investor's IRR (P15; null where it has none), capital needed — Σ capital
 * (P4, nominal) — and P(investor loses money) from the Monte Carlo (P18) with the panel's seed
 * and draws.
 */
export type PortfolioFigures = {
  authorityNpv: number;
  publicSectorNpv: number;
  investorIrr: number | null;
  capitalNeeded: number;
  probabilityInvestorLoses: number;
};

/** What the portfolio shows of a case's content: figures (or why there are none), findings, readiness, the chosen intervention. */
export type PortfolioAssessment = {
  figures: PortfolioFigures | null;
  /** Why the case cannot be priced yet (`NotPriced.reason`); absent when it is priced. */
  notPriced?: string;
  findings: { errors: number; warnings: number };
  /** The last phase (0–3) whose sections are free of errors, cumulatively (readiness). */
  readyThroughPhase: 0 | 1 | 2 | 3;
  /** The chosen candidate's name, if one is chosen and named. */
  intervention?: string;
};

/** Prices a case's model for the portfolio; pure, tens of milliseconds (the Monte Carlo). */
export function assessForPortfolio(
  model: CaseModelDraft,
  options: { seed?: number; iterations?: number } = {},
): PortfolioAssessment {
  const summary = businessCase(model);
  const findings = {
    errors: summary.findings.filter((finding) => finding.severity === 'error').length,
    warnings: summary.findings.filter((finding) => finding.severity === 'warning').length,
  };
  let readyThroughPhase: PortfolioAssessment['readyThroughPhase'] = 0;
  for (const phase of summary.readiness) {
    if (!phase.ready) break;
    readyThroughPhase = phase.phase;
  }
  const { chosenId, candidates } = model.interventions;
  const intervention = candidates.find((candidate) => candidate.id === chosenId)?.name?.trim() || undefined;
  const base = { findings, readyThroughPhase, ...(intervention ? { intervention } : {}) };
  if (!summary.priced.ok) return { ...base, figures: null, notPriced: summary.priced.reason };
  const { input, ranges, pricing } = summary.priced;
  const risk = monteCarlo(input, ranges, {
    seed: options.seed ?? DEFAULT_SEED,
    iterations: options.iterations ?? DEFAULT_ITERATIONS,
  });
  return {
    ...base,
    figures: {
      authorityNpv: pricing.authorityNpv,
      publicSectorNpv: pricing.publicSectorNpv,
      investorIrr: pricing.investor.irr.ok ? pricing.investor.irr.rate : null,
      capitalNeeded: pricing.totals.capital,
      probabilityInvestorLoses: risk.probabilityInvestorLoses,
    },
  };
}
