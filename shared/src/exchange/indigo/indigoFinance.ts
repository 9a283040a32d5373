import { payerShareSplit } from '../../pricing/outcomePayments.ts';
import type { BuiltCaseExport } from '../caseExport.ts';
import { departmentOrganisationId, organisationId, payerCategory } from './indigoOrganisations.ts';
import type { SourceBook, SourceRef } from './indigoSources.ts';
import type {
  IndigoInvestment,
  IndigoMoney,
  IndigoOutcomePaymentCommitment,
  IndigoOverallFinance,
} from './indigoTypes.ts';
import { finite, text } from './values.ts';

/** The capital the investor puts up: Σ capital(t), nominal (P4) — only when the case could be priced. */
function capitalNeeded(built: BuiltCaseExport): number | undefined {
  return built.pricing.ok ? finite(built.pricing.pricing.totals.capital) : undefined;
}

function money(currency: string | undefined, amount: number | undefined): IndigoMoney | undefined {
  return currency !== undefined && amount !== undefined
    ? { currency: { value: currency }, amount: { value: amount } }
    : undefined;
}

/** The notes a priced capital figure rests on: the investor's share and the chosen intervention's costs and intake. */
function capitalSources(built: BuiltCaseExport): SourceRef[] {
  const { model } = built;
  const chosen = model.interventions.candidates.find((candidate) => candidate.id === model.interventions.chosenId);
  return [
    { notes: model.paymentModel.sources, key: 'investorFundedShare', at: 'paymentModel' },
    ...(chosen
      ? (['costPerParticipant', 'fixedCostPerYear', 'durationYears'] as const).map((key) => ({
          notes: chosen.sources,
          key,
          at: `interventions.${chosen.id}`,
        }))
      : []),
    { notes: model.targetGroup.sources, key: 'intake', at: 'targetGroup' },
  ];
}

/** `overall_project_finance`: the investment committed (the capital needed) and the cap on outcome payments (P8). */
export function overallProjectFinance(built: BuiltCaseExport, book: SourceBook): IndigoOverallFinance | undefined {
  const currency = text(built.model.facts.currency);
  const capital = capitalNeeded(built);
  const cap = money(currency, finite(built.model.paymentModel.paymentCap));
  if (currency === undefined || (capital === undefined && cap === undefined)) return undefined;
  const { sources } = built.model.paymentModel;
  return {
    ...(capital !== undefined
      ? { total_investment_commitment: { currency: { value: currency }, amount: { exact: { value: capital } } } }
      : {}),
    ...(cap ? { maximum_potential_outcome_payment_v2: cap } : {}),
    ...book.cite(
      ...(cap ? [{ notes: sources, key: 'paymentCap', at: 'paymentModel' }] : []),
      ...(capital !== undefined ? capitalSources(built) : []),
    ),
  };
}

/**
 * `outcome_payment_commitments`: one per paying department (P10), with the most it can pay —
 * its share of the cap (shares over 100 % pro rata) — and, when the shares leave a remainder,
 * one for the authority, which still owes it. Without a cap no maximum is stated (the case has none);
 * without any share entered there is no commitment at all.
 */
export function outcomePaymentCommitments(built: BuiltCaseExport, book: SourceBook): IndigoOutcomePaymentCommitment[] {
  const { model, case: exported } = built;
  const shares = Object.entries(model.paymentModel.payerShares ?? {}).filter(
    ([, share]) => Number.isFinite(share) && share > 0,
  );
  const { scale, unallocatedShare } = payerShareSplit(Object.fromEntries(shares));
  const currency = text(model.facts.currency);
  const cap = finite(model.paymentModel.paymentCap);
  const cited = book.cite(
    { notes: model.paymentModel.sources, key: 'payerShares', at: 'paymentModel' },
    { notes: model.paymentModel.sources, key: 'paymentCap', at: 'paymentModel' },
  );
  const commitment = (
    organisation: string,
    share: number,
    name: string | undefined,
    category?: ReturnType<typeof payerCategory>,
  ) => {
    const maximum = money(currency, cap === undefined ? undefined : cap * share);
    return {
      organisation_id: { value: organisation },
      ...(category ? { organisation_role_category: { value: category } } : {}),
      ...(maximum ? { maximum_potential_outcome_payment: maximum } : {}),
      notes: `${name ? `${name}: ` : ''}${percent(share)} of outcome payments`,
      ...cited,
    };
  };
  const departments = shares.map(([departmentId, share]) => {
    const department = model.facts.departments.find((d) => d.id === departmentId);
    return commitment(
      departmentOrganisationId(exported.id, departmentId),
      share * scale,
      text(department?.name),
      department?.level ? payerCategory(department.level) : undefined,
    );
  });
  // With no share entered the case says nothing yet about who pays: no commitment is made up.
  const authority =
    departments.length > 0 && unallocatedShare > 1e-12
      ? [
          commitment(
            organisationId(exported.id, 'authority'),
            unallocatedShare,
            text(model.facts.partners.authority),
            'Government/Public Sector/Public Bank',
          ),
        ]
      : [];
  return [...departments, ...authority];
}

/**
 * `investments`: the investor's commitment — the capital needed (P4, nominal) and, with a
 * return cap (P9, where it binds the investor's IRR equals the cap), the maximum return as an IRR in percent.
 */
export function investments(built: BuiltCaseExport, book: SourceBook): IndigoInvestment[] {
  const { model, case: exported } = built;
  const currency = text(model.facts.currency);
  const capital = capitalNeeded(built);
  const returnCap = finite(model.paymentModel.returnCap);
  const investor = text(model.facts.partners.investor);
  if (!investor && capital === undefined) return [];
  return [
    {
      id: 'investment-investor',
      organisation_id: { value: organisationId(exported.id, 'investor') },
      ...(currency !== undefined && capital !== undefined
        ? { investment_commitment: { currency: { value: currency }, amount: { exact: { value: capital } } } }
        : {}),
      ...(returnCap !== undefined
        ? {
            maximum_potential_return_type: { value: 'IRR' as const },
            maximum_potential_return: { value: Math.round(returnCap * 1e8) / 1e6 },
          }
        : {}),
      ...(investor ? { notes: investor } : {}),
      ...book.cite(
        ...(capital !== undefined ? capitalSources(built) : []),
        ...(returnCap !== undefined
          ? [{ notes: model.paymentModel.sources, key: 'returnCap', at: 'paymentModel' }]
          : []),
      ),
    },
  ];
}

/** A share as a percentage for a note, e.g. `80 %` (language-neutral digits, at most two decimals). */
function percent(share: number): string {
  return `${Math.round(share * 10_000) / 100} %`;
}
