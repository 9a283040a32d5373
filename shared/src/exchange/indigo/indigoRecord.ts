import { richTextToPlain } from '../../richtext/plainText.ts';
import type { BuiltCaseExport } from '../caseExport.ts';
import { investments, outcomePaymentCommitments, overallProjectFinance } from './indigoFinance.ts';
import { organisationId } from './indigoOrganisations.ts';
import { outcomeMetrics, outcomePricings } from './indigoOutcomes.ts';
import { SourceBook } from './indigoSources.ts';
import type {
  IndigoDates,
  IndigoDeliveryLocation,
  IndigoProject,
  IndigoPurpose,
  IndigoServiceAndBeneficiaries,
  IndigoServiceProvision,
} from './indigoTypes.ts';
import { text, wrap } from './values.ts';

/**
 * The version an export was built from as an INDIGO project record (docs/exchange.md,
 * "INDIGO"): one function per part of the standard; a part, list or value Caseroom has no
 * data for is left out, never filled with a guess. Pure: the same export gives the same record.
 */
export function indigoRecord(built: BuiltCaseExport): IndigoProject {
  const book = new SourceBook();
  const record: IndigoProject = {
    ...wrap('name', text(built.model.facts.title)),
    ...wrap('stage_development', stageOfDevelopment(built)),
    ...part('dates', dates(built)),
    ...part('overall_project_finance', overallProjectFinance(built, book)),
    ...part('purpose_and_classifications', purposeAndClassifications(built)),
    ...part('service_and_beneficiaries', serviceAndBeneficiaries(built, book)),
    ...list('delivery_locations', deliveryLocations(built)),
    ...list('service_provisions', serviceProvisions(built, book)),
    ...list('outcome_payment_commitments', outcomePaymentCommitments(built, book)),
    ...list('investments', investments(built, book)),
    ...list('outcome_metrics', outcomeMetrics(built.model, book)),
    ...list('outcome_pricings', outcomePricings(built.model, book)),
  };
  // Last: the list holds what the parts above cited.
  return { ...record, ...list('sources', book.sources()) };
}

/**
 * `stage_development`: an agreed version (every required signatory signed its content hash) is
 * "Contracted". The standard's list at this commit has no design stage, so a version not yet
 * agreed has no stage in the record.
 */
function stageOfDevelopment(built: BuiltCaseExport): 'Contracted' | undefined {
  return built.version.agreed ? 'Contracted' : undefined;
}

/** `dates`: the day the last required signature fell (agreed versions only) and the year service starts. */
function dates(built: BuiltCaseExport): IndigoDates | undefined {
  const lastSignature = built.version.agreed
    ? built.version.signedBy
        .map((s) => s.at)
        .sort()
        .at(-1)
    : undefined;
  const startYear = built.model.facts.startYear;
  const result: IndigoDates = {
    ...wrap('outcomes_contract_signed', lastSignature?.slice(0, 10)),
    ...wrap('start_date_of_service_provision', Number.isInteger(startYear) ? String(startYear) : undefined),
  };
  return Object.keys(result).length > 0 ? result : undefined;
}

/** `purpose_and_classifications`: the problem as the social challenge, the chosen intervention by name. */
function purposeAndClassifications(built: BuiltCaseExport): IndigoPurpose | undefined {
  const { model } = built;
  const result: IndigoPurpose = {
    ...wrap('social_challenge', text(model.problem.text ? richTextToPlain(model.problem.text) : undefined)),
    ...wrap('intervention', text(chosenIntervention(built)?.name)),
  };
  return Object.keys(result).length > 0 ? result : undefined;
}

/** `service_and_beneficiaries`: the target group and its eligibility, and the number of participants over all cohorts. */
function serviceAndBeneficiaries(built: BuiltCaseExport, book: SourceBook): IndigoServiceAndBeneficiaries | undefined {
  const { targetGroup } = built.model;
  const eligibility = targetGroup.eligibility ? text(richTextToPlain(targetGroup.eligibility)) : undefined;
  const name = text(targetGroup.name);
  const population = name && eligibility ? `${name}: ${eligibility}` : (name ?? eligibility);
  const cohorts = targetGroup.intake ?? [];
  const participants = cohorts.length > 0 ? cohorts.reduce((sum, cohort) => sum + cohort.participants, 0) : undefined;
  const result: IndigoServiceAndBeneficiaries = {
    ...wrap('target_population', population),
    ...(participants !== undefined && Number.isFinite(participants)
      ? {
          targeted_number_service_users_or_beneficiaries_total: { value: participants },
          // Caseroom counts participants: people.
          unit_type_targeted_service_users_or_beneficiaries: { value: 'Individual' as const },
          ...book.cite({ notes: targetGroup.sources, key: 'intake', at: 'targetGroup' }),
        }
      : {}),
  };
  return Object.keys(result).length > 0 ? result : undefined;
}

/** `service_provisions`: the provider delivering the chosen intervention from the start year. */
function serviceProvisions(built: BuiltCaseExport, book: SourceBook): IndigoServiceProvision[] {
  const { model, case: exported } = built;
  const provider = text(model.facts.partners.provider);
  const chosen = chosenIntervention(built);
  if (!provider && !chosen) return [];
  const startYear = model.facts.startYear;
  return [
    {
      id: SERVICE_PROVISION_ID,
      organisation_id: { value: organisationId(exported.id, 'provider') },
      ...wrap('intervention', text(chosen?.name)),
      ...(Number.isInteger(startYear) ? { planned_service: { start_date: { value: String(startYear) } } } : {}),
      ...(provider ? { notes: provider } : {}),
      ...(chosen ? book.cite({ notes: chosen.sources, key: 'description', at: `interventions.${chosen.id}` }) : {}),
    },
  ];
}

/** `delivery_locations`: the municipality the partnership belongs to. */
function deliveryLocations(built: BuiltCaseExport): IndigoDeliveryLocation[] {
  const municipality = text(built.model.facts.municipality);
  return municipality
    ? [{ service_provision_id: { value: SERVICE_PROVISION_ID }, location_name: { value: municipality } }]
    : [];
}

const SERVICE_PROVISION_ID = 'service-provision-1';

function chosenIntervention(built: BuiltCaseExport) {
  const { interventions } = built.model;
  return interventions.candidates.find((candidate) => candidate.id === interventions.chosenId);
}

/** `{ [key]: value }` for a part with content, `{}` for none. */
function part<K extends keyof IndigoProject>(key: K, value: IndigoProject[K] | undefined): Partial<IndigoProject> {
  return value === undefined ? {} : { [key]: value };
}

/** `{ [key]: items }` for a non-empty list, `{}` for an empty one (the standard's lists want at least one entry where they say so). */
function list<K extends keyof IndigoProject>(key: K, items: unknown[]): Partial<IndigoProject> {
  return items.length > 0 ? { [key]: items } : {};
}

/** The record as the file holds it: two-space JSON, keys in the order the parts are built. */
export function indigoRecordJson(built: BuiltCaseExport): string {
  return `${JSON.stringify(indigoRecord(built), null, 2)}\n`;
}
