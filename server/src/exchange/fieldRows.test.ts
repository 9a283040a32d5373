import { allFields, type Container, exampleCase, LANGUAGES } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import {
  ALL_RECORDS,
  fieldRowLabel,
  keyedRowLabel,
  keyedRows,
  keyedSourceLabel,
  recordValue,
  valueText,
} from './fieldRows.ts';

/**
 * Where each export target is drawn, by container (the XLSX sheets and PDF sections iterate
 * these): a field whose `exportRows` names a target in a container not listed here would be
 * silently missing from the export.
 */
const DRAWN: { xlsx: Record<string, readonly Container[]>; pdf: Record<string, readonly Container[]> } = {
  xlsx: {
    case: ALL_RECORDS,
    inputs: [...ALL_RECORDS, 'intervention', 'department', 'outcome'],
  },
  pdf: {
    summary: ALL_RECORDS,
    assumptions: ALL_RECORDS,
    case: ['problem', 'targetGroup', 'interventions', 'intervention'],
    outcomes: ['outcome'],
    paymentModel: ['department', 'paymentModel'],
    evaluation: ['evaluation', 'signatory'],
  },
};

describe('export rows from the field registry', () => {
  it('every exportRows hint names a place the exporters draw for its container', () => {
    for (const field of allFields()) {
      const { xlsx, pdf } = field.exportRows ?? {};
      if (xlsx) expect(DRAWN.xlsx[xlsx], `${field.labelKey} xlsx ${xlsx}`).toContain(field.container);
      if (pdf) expect(DRAWN.pdf[pdf], `${field.labelKey} pdf ${pdf}`).toContain(field.container);
    }
  });

  it('every field the model keeps shows in the PDF, and every number price uses is on the XLSX inputs sheet', () => {
    for (const field of allFields()) {
      if (field.kind === 'number' && field.workshopState) continue; // the phase: workshop state, not content
      expect(field.exportRows?.pdf, `${field.labelKey} in the PDF`).toBeDefined();
    }
    const priced = ['facts.horizonYears', 'facts.discountRate', 'paymentModel.paymentCap', 'outcome.expectedRate'];
    for (const key of priced) expect(allFields().find((f) => f.labelKey === key)?.exportRows?.xlsx).toBe('inputs');
  });

  it('labels come from the registry in both languages; values are written by kind and unit in Danish format', () => {
    const model = exampleCase();
    const field = (key: string) => allFields().find((f) => f.labelKey === key)!;
    for (const lang of LANGUAGES)
      expect(fieldRowLabel('facts.discountRate', lang)).toBe(field('facts.discountRate')[lang].label);
    const ctx = { model, lang: 'da' as const };
    expect(valueText(field('facts.discountRate'), 0.035, ctx)).toBe('3,5 %');
    expect(valueText(field('facts.horizonYears'), 10, ctx)).toBe('10 år');
    expect(valueText(field('intervention.costPerParticipant'), 40_000, ctx)).toBe('40.000 kr.');
    expect(valueText(field('facts.startYear'), 2027, ctx)).toBe('2027');
    expect(valueText(field('department.level'), 'municipal', { model, lang: 'en' })).toBe('Municipal');
    expect(valueText(field('interventions.chosenId'), model.interventions.chosenId, ctx)).toBe(
      model.interventions.candidates.find((c) => c.id === model.interventions.chosenId)?.name,
    );
    expect(valueText(field('facts.title'), recordValue(model, field('facts.title')), ctx)).toBe(model.facts.title);
    expect(valueText(field('facts.discountRate'), undefined, ctx)).toBeUndefined();
    expect(recordValue(model, field('facts.discountRate'))).toBe(model.facts.discountRate);
  });

  it('[P19] a record keyed by outcome gives one row per outcome, named by the outcome; a missing rate is absent', () => {
    const model = exampleCase();
    const field = allFields().find((f) => f.labelKey === 'intervention.expectedRates')!;
    const [ips, mentor] = model.interventions.candidates;
    delete mentor!.expectedRates['out-admissions'];
    const rows = keyedRows(field, { ...mentor!.expectedRates, 'out-gone': 0.5 }, model);
    expect(rows).toEqual([
      { key: 'out-employment', name: 'Ordinær beskæftigelse', value: 0.3 },
      { key: 'out-admissions', name: 'Færre psykiatriske indlæggelser', value: undefined },
      { key: 'out-gone', name: 'out-gone', value: 0.5 },
    ]);
    expect(keyedRowLabel(field, rows[0]!, 'da')).toBe('Forventet andel med indsatsen – Ordinær beskæftigelse');
    expect(keyedRowLabel(field, rows[0]!, 'en')).toBe('Expected rate with this intervention – Ordinær beskæftigelse');
    const ctx = { model, lang: 'da' as const };
    expect(valueText(field, ips!.expectedRates, ctx)).toBe(
      'Ordinær beskæftigelse: 40 %\nFærre psykiatriske indlæggelser: 68 %',
    );
    expect(keyedSourceLabel('intervention', 'expectedRates.out-admissions', model, 'da')).toBe(
      'Forventet andel med indsatsen – Færre psykiatriske indlæggelser',
    );
    expect(keyedSourceLabel('intervention', 'costPerParticipant', model, 'da')).toBeUndefined();
    // Department-keyed records are named by department, as before.
    const values = allFields().find((f) => f.labelKey === 'outcome.valuePerDepartment')!;
    expect(valueText(values, { 'dep-jobcenter': 130_000 }, ctx)).toBe('Jobcenter: 130.000 kr.');
  });
});
