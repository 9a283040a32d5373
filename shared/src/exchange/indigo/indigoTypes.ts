/**
 * The parts of an INDIGO project record (schema/project.json of INDIGO-Initiative/indigo-data-standard,
 * the commit in INDIGO_SCHEMA) that Caseroom fills. Names and nesting are the standard's own; every
 * value sits in the standard's `{ value }` wrapper. Only what a case holds is typed here.
 */

/** The repository, file and commit the record follows (docs/exchange.md, "INDIGO"). */
export const INDIGO_SCHEMA = {
  repository: 'INDIGO-Initiative/indigo-data-standard',
  path: 'schema/project.json',
  commit: '3bcd5bc06b849d8cb43ca6f5914ccc4b8d6e07b9',
} as const;

/** The standard's `object_with_value_*` wrapper. */
export type IndigoValue<T> = { value: T };

/** `source_ids`: ids from the record's `sources`, comma separated (the standard's `references-datas-seperator`). */
export type SourceIds = string;

/** An amount with its currency (the standard's `currency` / `amount` pair). */
export type IndigoMoney = { currency: IndigoValue<string>; amount: IndigoValue<number> };

export type IndigoSource = { id: string; notes: string };

export type IndigoDates = {
  outcomes_contract_signed?: IndigoValue<string>;
  start_date_of_service_provision?: IndigoValue<string>;
};

export type IndigoOverallFinance = {
  total_investment_commitment?: { currency: IndigoValue<string>; amount: { exact: IndigoValue<number> } };
  maximum_potential_outcome_payment_v2?: IndigoMoney;
  source_ids?: SourceIds;
};

export type IndigoPurpose = {
  social_challenge?: IndigoValue<string>;
  intervention?: IndigoValue<string>;
};

export type IndigoServiceAndBeneficiaries = {
  target_population?: IndigoValue<string>;
  targeted_number_service_users_or_beneficiaries_total?: IndigoValue<number>;
  unit_type_targeted_service_users_or_beneficiaries?: IndigoValue<'Individual'>;
  source_ids?: SourceIds;
};

export type IndigoDeliveryLocation = { service_provision_id: IndigoValue<string>; location_name: IndigoValue<string> };

export type IndigoServiceProvision = {
  id: string;
  organisation_id: IndigoValue<string>;
  intervention?: IndigoValue<string>;
  planned_service?: { start_date: IndigoValue<string> };
  notes?: string;
  source_ids?: SourceIds;
};

/** The standard's outcome payer categories that a department level maps to. */
export type PayerCategory = 'Government/Public Sector/Public Bank' | 'Other';

export type IndigoOutcomePaymentCommitment = {
  organisation_id: IndigoValue<string>;
  organisation_role_category?: IndigoValue<PayerCategory>;
  maximum_potential_outcome_payment?: IndigoMoney;
  notes?: string;
  source_ids?: SourceIds;
};

export type IndigoInvestment = {
  id: string;
  organisation_id: IndigoValue<string>;
  investment_commitment?: { currency: IndigoValue<string>; amount: { exact: IndigoValue<number> } };
  maximum_potential_return_type?: IndigoValue<'IRR'>;
  maximum_potential_return?: IndigoValue<number>;
  notes?: string;
  source_ids?: SourceIds;
};

/** The standard's suggested outcome validation methods that an evaluation design maps to. */
export type ValidationMethod = 'Randomised Control Trial' | 'Quasi-experimental study' | 'Historical comparison';

export type IndigoOutcomeMetric = {
  id: string;
  definition?: IndigoValue<string>;
  target_population?: IndigoValue<string>;
  outcome_validation_method?: IndigoValue<ValidationMethod>;
  data_source_for_outcome_validation?: IndigoValue<string>;
  notes?: string;
  source_ids?: SourceIds;
};

export type IndigoOutcomePricing = {
  outcome_metric_id: IndigoValue<string>;
  currency?: IndigoValue<string>;
  price_per_unit: { amount: IndigoValue<number> };
  price_description: IndigoValue<string>;
  source_ids?: SourceIds;
};

/** An INDIGO project record as Caseroom emits it: parts without data are absent, never empty. */
export type IndigoProject = {
  name?: IndigoValue<string>;
  stage_development?: IndigoValue<'Contracted'>;
  dates?: IndigoDates;
  overall_project_finance?: IndigoOverallFinance;
  purpose_and_classifications?: IndigoPurpose;
  service_and_beneficiaries?: IndigoServiceAndBeneficiaries;
  delivery_locations?: IndigoDeliveryLocation[];
  sources?: IndigoSource[];
  service_provisions?: IndigoServiceProvision[];
  outcome_payment_commitments?: IndigoOutcomePaymentCommitment[];
  investments?: IndigoInvestment[];
  outcome_metrics?: IndigoOutcomeMetric[];
  outcome_pricings?: IndigoOutcomePricing[];
};
