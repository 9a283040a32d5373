import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exampleCase } from '../../example/exampleCase.ts';
import { departmentValueSourceKey } from '../../library/libraryNote.ts';
import type { CaseModelDraft } from '../../model/caseModel.ts';
import { makeWorkshopRecord } from '../../testing/workshopRecord.ts';
import { toModel } from '../../ydoc/toModel.ts';
import { type BuiltCaseExport, buildCaseExport } from '../caseExport.ts';
import { indigoRecord } from './indigoRecord.ts';

const NOW = new Date('2026-11-28T10:00:00.000Z');
const CASE_ID = 'case-42';

/** The export of `model`, agreed (two required parties signed its hash on different days) unless `agreed` is false. */
function exported(model: CaseModelDraft, agreed = true): BuiltCaseExport {
  const source = { caseId: CASE_ID, model, source: 'current', now: NOW, iterations: 200 };
  const hash = buildCaseExport({ ...source, workshop: makeWorkshopRecord() }).version.contentHash;
  const workshop = makeWorkshopRecord({
    requiredSigners: ['p-municipality', 'p-investor'],
    signoffs: {
      'p-municipality': { hash, at: '2026-11-20T09:00:00.000Z', partyName: 'Kommunen' },
      ...(agreed ? { 'p-investor': { hash, at: '2026-11-24T15:30:00.000Z', partyName: 'Fonden' } } : {}),
    },
  });
  return buildCaseExport({ ...source, workshop });
}

describe('indigoRecord: the example case', () => {
  const model = exampleCase();
  const record = indigoRecord(exported(model));

  it('names the project and, agreed, calls it Contracted, signed on the day of the last required signature', () => {
    expect(record.name).toEqual({ value: model.facts.title });
    expect(record.stage_development).toEqual({ value: 'Contracted' });
    expect(record.dates).toEqual({
      outcomes_contract_signed: { value: '2026-11-24' },
      start_date_of_service_provision: { value: String(model.facts.startYear) },
    });
  });

  it('prices each outcome per measurement point of its rate card, in the case currency', () => {
    const expected = model.outcomes.flatMap((outcome) =>
      (outcome.points ?? []).map((point) => ({ outcome: outcome.id, price: point.price, months: point.months })),
    );
    expect(expected).toEqual([
      { outcome: 'out-employment', price: 250_000, months: 12 },
      { outcome: 'out-admissions', price: 0, months: 12 },
    ]);
    expect(
      record.outcome_pricings?.map((p) => ({
        outcome: p.outcome_metric_id.value,
        price: p.price_per_unit.amount.value,
        currency: p.currency?.value,
        description: p.price_description.value,
      })),
    ).toEqual(
      expected.map((e) => ({
        outcome: e.outcome,
        price: e.price,
        currency: 'DKK',
        description: `Measurement point ${e.months} months after intake; paid for: Only outcomes above the baseline`,
      })),
    );
    // Every pricing refers to an outcome metric of the record.
    const metricIds = record.outcome_metrics?.map((m) => m.id);
    expect(metricIds).toEqual(model.outcomes.map((o) => o.id));
    expect(record.outcome_metrics?.[0]).toMatchObject({
      definition: { value: model.outcomes[0]?.definition },
      data_source_for_outcome_validation: { value: 'DREAM / eIndkomst' },
      outcome_validation_method: { value: 'Quasi-experimental study' },
      notes: 'Ordinær beskæftigelse',
    });
  });

  it('commits each paying department to its share of the cap, and the cap is the project’s maximum outcome payment', () => {
    const cap = model.paymentModel.paymentCap ?? Number.NaN;
    const shares = model.paymentModel.payerShares ?? {};
    expect(cap).toBe(14_000_000);
    expect(shares).toEqual({ 'dep-jobcenter': 0.8, 'dep-social': 0.2 });
    expect(record.outcome_payment_commitments).toEqual([
      {
        organisation_id: { value: `caseroom-${CASE_ID}-department-dep-jobcenter` },
        organisation_role_category: { value: 'Government/Public Sector/Public Bank' },
        maximum_potential_outcome_payment: { currency: { value: 'DKK' }, amount: { value: 0.8 * cap } },
        notes: 'Jobcenter: 80 % of outcome payments',
        source_ids: 'paymentModel.paymentCap',
      },
      {
        organisation_id: { value: `caseroom-${CASE_ID}-department-dep-social` },
        organisation_role_category: { value: 'Government/Public Sector/Public Bank' },
        maximum_potential_outcome_payment: { currency: { value: 'DKK' }, amount: { value: 0.2 * cap } },
        notes: 'Socialforvaltningen: 20 % of outcome payments',
        source_ids: 'paymentModel.paymentCap',
      },
    ]);
    expect(record.overall_project_finance?.maximum_potential_outcome_payment_v2).toEqual({
      currency: { value: 'DKK' },
      amount: { value: 14_000_000 },
    });
  });

  it('records the investor’s commitment as the capital the chosen intervention needs (P3, P4) and the return cap as an IRR', () => {
    // P3: 220 participants × 40.000 kr. over one year each, plus 200.000 kr. a year from the first
    // intake year (0) to the last (2) + 1 − 1; P4: the investor funds 100 % of it.
    const chosen = model.interventions.candidates.find((c) => c.id === model.interventions.chosenId);
    const participants = (model.targetGroup.intake ?? []).reduce((sum, c) => sum + c.participants, 0);
    const intakeYears = (model.targetGroup.intake ?? []).map((c) => c.year);
    const runningYears = Math.max(...intakeYears) + (chosen?.durationYears ?? 0) - Math.min(...intakeYears);
    const capital =
      (model.paymentModel.investorFundedShare ?? 0) *
      (participants * (chosen?.costPerParticipant ?? 0) + runningYears * (chosen?.fixedCostPerYear ?? 0));
    expect(capital).toBe(9_400_000);
    expect(record.investments).toEqual([
      {
        id: 'investment-investor',
        organisation_id: { value: `caseroom-${CASE_ID}-investor` },
        investment_commitment: { currency: { value: 'DKK' }, amount: { exact: { value: capital } } },
        maximum_potential_return_type: { value: 'IRR' },
        maximum_potential_return: { value: 8 },
        notes: 'Eksempelfonden for Sociale Investeringer',
        source_ids: 'interventions.int-ips.costPerParticipant,targetGroup.intake',
      },
    ]);
    expect(record.overall_project_finance?.total_investment_commitment).toEqual({
      currency: { value: 'DKK' },
      amount: { exact: { value: capital } },
    });
  });

  it('counts the participants of every cohort as individuals, and delivers the chosen intervention in the municipality', () => {
    expect(record.service_and_beneficiaries).toMatchObject({
      targeted_number_service_users_or_beneficiaries_total: { value: 60 + 80 + 80 },
      unit_type_targeted_service_users_or_beneficiaries: { value: 'Individual' },
      source_ids: 'targetGroup.intake',
    });
    expect(record.service_provisions).toEqual([
      {
        id: 'service-provision-1',
        organisation_id: { value: `caseroom-${CASE_ID}-provider` },
        intervention: { value: 'IPS – individuelt planlagt job med støtte' },
        planned_service: { start_date: { value: '2027' } },
        notes: 'Eksempel Indsats ApS',
      },
    ]);
    expect(record.delivery_locations).toEqual([
      { service_provision_id: { value: 'service-provision-1' }, location_name: { value: 'Eksempelkommune' } },
    ]);
  });

  it('lists as sources exactly the source notes the emitted values cite, with the notes’ own text', () => {
    const cited = new Set(
      JSON.stringify(record)
        .match(/"source_ids":"([^"]*)"/g)
        ?.flatMap((m) => m.slice('"source_ids":"'.length, -1).split(',')),
    );
    expect(record.sources?.map((s) => s.id).sort()).toEqual([...cited].sort());
    expect(record.sources).toContainEqual({
      id: 'paymentModel.paymentCap',
      notes: model.paymentModel.sources.paymentCap,
    });
    expect(record.sources).toContainEqual({ id: 'targetGroup.intake', notes: model.targetGroup.sources.intake });
  });
});

describe('indigoRecord: what is left out', () => {
  it('a version not agreed has no stage (the codelist has no design stage) and no signing date', () => {
    const record = indigoRecord(exported(exampleCase(), false));
    expect(record.stage_development).toBeUndefined();
    expect(record.dates).toEqual({ start_date_of_service_provision: { value: '2027' } });
  });

  it('without a cap no payer has a maximum, and an unallocated remainder is committed by the authority', () => {
    const model = exampleCase();
    model.paymentModel.paymentCap = undefined;
    model.paymentModel.payerShares = { 'dep-jobcenter': 0.6, 'dep-region': 0.3 };
    const record = indigoRecord(exported(model));
    expect(record.overall_project_finance?.maximum_potential_outcome_payment_v2).toBeUndefined();
    expect(record.outcome_payment_commitments?.map((c) => [c.organisation_id.value, c.notes])).toEqual([
      [`caseroom-${CASE_ID}-department-dep-jobcenter`, 'Jobcenter: 60 % of outcome payments'],
      [`caseroom-${CASE_ID}-department-dep-region`, 'Region – psykiatrien: 30 % of outcome payments'],
      [`caseroom-${CASE_ID}-authority`, 'Eksempelkommune: 10 % of outcome payments'],
    ]);
    expect(record.outcome_payment_commitments?.some((c) => 'maximum_potential_outcome_payment' in c)).toBe(false);
  });

  it('an empty case gives a record with no invented value: no list, part or value without data behind it', () => {
    // What a brand-new document reads as: every input missing.
    const blank = toModel(new Y.Doc());
    expect(indigoRecord(exported(blank, false))).toEqual({});
  });

  it('a note on one department’s value (a library value’s source) is not a source: no emitted value rests on the values per department', () => {
    // The record has no place for an outcome's public value to a department (its payment
    // commitments are the payers' shares of the cap, cited by their own notes), so neither the
    // field's note nor a department's is listed — a source is listed only where a value cites it.
    const model = exampleCase();
    const outcome = model.outcomes[0];
    if (!outcome) throw new Error('the example has outcomes');
    outcome.sources[departmentValueSourceKey('dep-jobcenter')] = 'Biblioteksnote: nb-beskaeftigelse.dk';
    const record = indigoRecord(exported(model));
    expect(JSON.stringify(record)).not.toContain('Biblioteksnote');
    expect(JSON.stringify(record)).not.toContain('valuePerDepartment');
    expect(record.sources?.map((s) => s.id)).toContain(`outcomes.${outcome.id}.points`);
  });

  it('a hostile item id cannot break the comma-separated source list', () => {
    const model = exampleCase();
    const outcome = model.outcomes[0];
    if (!outcome) throw new Error('the example has outcomes');
    outcome.id = 'a,b';
    const record = indigoRecord(exported(model));
    const pricing = record.outcome_pricings?.find((p) => p.outcome_metric_id.value === 'a,b');
    expect(pricing?.source_ids).toBe('outcomes.a_b.points');
  });
});
