import {
  type CaseModelDraft,
  type DepartmentLevel,
  departmentValueSourceKey,
  type RangedInput,
  type RegisteredField,
  scheduleRate,
} from '@caseroom/shared';
import { ALL_RECORDS, exportFields, fieldRowLabel, keyedSourceLabel, recordValue, valueIn } from '../fieldRows.ts';
import { absCell, absRange, onSheet } from './cellAddress.ts';
import { fieldCell } from './fieldCells.ts';
import type { InputOutcome, InputValues } from './inputValues.ts';
import { FORMAT } from './numberFormats.ts';
import type { SheetWriter } from './sheetWriter.ts';
import type { WorkbookText } from './workbookText.ts';

/** Where each input sits, as absolute references from another sheet ('Inputs'!$B$5). */
export type InputsLayout = {
  startYear: string;
  horizon: string;
  discountRate: string;
  /** P2: 1 for the Danish schedule, 0 for one flat rate; the schedule's rate in years 1–35 and 36–50. */
  schedule: string;
  scheduleRateEarly: string;
  scheduleRateLate: string;
  investorShare: string;
  paymentCap: string;
  returnCap: string;
  guarantee: string;
  /** P11: the contract's duration in years (empty without contract terms). */
  contractYears: string;
  /** P12: 1 when the guarantor is municipal / public (municipal, regional, state), else 0. */
  guarantorMunicipal: string;
  guarantorPublic: string;
  costPerParticipant: string;
  fixedCost: string;
  duration: string;
  ranges: Record<RangedInput, { low: string; high: string }>;
  /** One entry per cohort row (at least one, empty when the case has no cohort). */
  cohorts: { year: string; participants: string }[];
  cohortYears: string;
  cohortParticipants: string;
  departments: { id: string; name: string; known: boolean; municipal: string; payerShare: string }[];
  /** The municipal flags, public flags (P12) and payer shares of every department row (vertical ranges); undefined without departments. */
  municipalFlags: string | undefined;
  publicFlags: string | undefined;
  payerShares: string | undefined;
  outcomes: {
    id: string;
    name: string;
    baseline: string;
    expected: string;
    attribution: string;
    lag: string;
    duration: string;
    persistence: string;
    /** P7: the outcome's rows of the rate card (the basis as a flag: 1 = all achieved, 0 = only additional). */
    points: { months: string; price: string; basisAll: string }[];
  }[];
  /** Per department row: its yearly value per outcome down the outcome rows; undefined without outcomes. */
  valueColumns: (string | undefined)[];
};

/** Every number on this sheet is an input. */
const INPUT = { input: true };
const RANGED: RangedInput[] = ['effect', 'cost', 'persistence'];

/** The general inputs the formulas read, by label key, and where `InputValues` holds each (`price`'s value, defaults applied). */
const GENERAL = {
  'facts.startYear': (v: InputValues) => v.startYear,
  'facts.horizonYears': (v: InputValues) => v.horizonYears,
  'facts.discountMethod': (v: InputValues) => v.discountMethod,
  'facts.discountRate': (v: InputValues) => v.discountRate,
  'paymentModel.investorFundedShare': (v: InputValues) => v.investorFundedShare,
  'paymentModel.paymentCap': (v: InputValues) => v.paymentCap,
  'paymentModel.returnCap': (v: InputValues) => v.returnCap,
  'paymentModel.guaranteeAmount': (v: InputValues) => v.guaranteeAmount,
  'facts.partners.guarantorLevel': (v: InputValues) => v.guarantorLevel,
} as const;
/** Fields with a block of their own below the general rows: the cohorts, and the payer shares beside the departments. */
const OWN_BLOCK = new Set(['targetGroup.intake', 'paymentModel.payerShares']);
/** The chosen intervention's inputs the formulas read. */
const INTERVENTION = {
  costPerParticipant: (v: InputValues) => v.costPerParticipant,
  fixedCostPerYear: (v: InputValues) => v.fixedCostPerYear,
  durationYears: (v: InputValues) => v.durationYears,
} as const;
/** An outcome's inputs the formulas read (its measurement points are in the rate card below the outcomes). */
const OUTCOME = {
  baselineRate: (o: InputOutcome) => o.baselineRate,
  expectedRate: (o: InputOutcome) => o.expectedRate,
  attribution: (o: InputOutcome) => o.attribution,
  lagYears: (o: InputOutcome) => o.lagYears,
  durationYears: (o: InputOutcome) => o.durationYears,
  persistence: (o: InputOutcome) => o.persistence,
} as const;

/**
 * The inputs sheet: every number `price` uses, as plain values a finance officer can change —
 * the general frame, the intervention, the scenario ranges, the cohorts, the departments with
 * their payer shares, one row per outcome with its value to each department, and the rate card:
 * one row per outcome and measurement point (P7) with its months, price and basis. Its rows and
 * columns are the registry's fields marked `exportRows.xlsx: 'inputs'`, labelled by the registry:
 * a field added there appears here as a row (or an outcome column) with its value from the case.
 */
export function writeInputsSheet(
  w: SheetWriter,
  values: InputValues,
  model: CaseModelDraft,
  text: WorkbookText,
): InputsLayout {
  const t = text.inputs;
  const { lang } = text;
  const ctx = { model, lang };
  const label = (field: RegisteredField) => fieldRowLabel(field, lang);
  const ref = (column: number, row: number) => onSheet(w.name, absCell(column, row));
  w.widths(58, 16, 16, 16, 14, 14, 14, 18, 22);
  w.heading(1, t.heading);
  w.text(2, 1, t.note, { wrap: false });

  let row = 4;
  w.text(row++, 1, t.general, { bold: true });
  const refs = new Map<string, string>();
  /** One field in one row: its label, its value (the formulas' value where they read it). */
  const scalar = (field: RegisteredField, value: unknown) => {
    w.text(row, 1, label(field));
    fieldCell(w, row, 2, field, value, ctx, INPUT);
    refs.set(field.labelKey, ref(2, row++));
  };
  for (const field of exportFields({ xlsx: 'inputs' }, ALL_RECORDS)) {
    if (OWN_BLOCK.has(field.labelKey)) continue;
    const read = GENERAL[field.labelKey as keyof typeof GENERAL];
    scalar(field, read ? read(values) : recordValue(model, field));
  }
  // P2: the discount method as the flag the formulas read, and the schedule's two rates.
  w.text(row, 1, t.scheduleFlag);
  w.number(row, 2, values.discountMethod === 'schedule' ? 1 : 0, FORMAT.flag, INPUT);
  const schedule = ref(2, row++);
  w.text(row, 1, t.scheduleRateEarly);
  w.number(row, 2, scheduleRate(1), FORMAT.rate, INPUT);
  const scheduleRateEarly = ref(2, row++);
  w.text(row, 1, t.scheduleRateLate);
  w.number(row, 2, scheduleRate(36), FORMAT.rate, INPUT);
  const scheduleRateLate = ref(2, row++);
  // P11, P12: the contract's years (an evaluation field, read here as an input; the business-case
  // sheets compute the settlement year from it) and the guarantor's level as the flags the
  // formulas read.
  w.text(row, 1, fieldRowLabel('evaluation.contractYears', lang));
  w.number(row, 2, values.contractYears, FORMAT.year, INPUT);
  const contractYears = ref(2, row++);
  w.text(row, 1, t.guarantorMunicipal);
  w.number(row, 2, values.guarantorLevel === 'municipal' ? 1 : 0, FORMAT.flag, INPUT);
  const guarantorMunicipal = ref(2, row++);
  w.text(row, 1, t.guarantorPublic);
  w.number(row, 2, isPublicLevel(values.guarantorLevel) ? 1 : 0, FORMAT.flag, INPUT);
  const guarantorPublic = ref(2, row++);

  row++;
  const chosen = model.interventions.candidates.find((c) => c.id === model.interventions.chosenId);
  w.text(row, 1, t.intervention, { bold: true });
  if (values.interventionName !== undefined) w.text(row, 2, values.interventionName);
  row++;
  for (const field of exportFields({ xlsx: 'inputs' }, ['intervention'])) {
    if (field.key === 'name') continue; // the block's heading
    if (field.kind === 'numberRecord') {
      // P19: the chosen candidate's rate per outcome is the outcome table's expected-rate column
      // (the cells the formulas read); a second copy here would not follow an edit there. Every
      // candidate's rates are on the candidates sheet.
      w.text(row, 1, label(field));
      const where = t.expectedRatesWhere(fieldRowLabel('outcome.expectedRate', lang), text.sheets.candidates);
      w.text(row++, 2, where, { wrap: false });
      continue;
    }
    const read = INTERVENTION[field.key as keyof typeof INTERVENTION];
    scalar(field, read ? read(values) : chosen && valueIn(chosen, field));
  }

  row++;
  w.text(row, 1, t.ranges, { bold: true });
  w.text(row, 2, t.low, { bold: true });
  w.text(row++, 3, t.high, { bold: true });
  const rangeLabels: Record<RangedInput, string> = { effect: t.effect, cost: t.cost, persistence: t.persistence };
  const ranges = {} as InputsLayout['ranges'];
  for (const name of RANGED) {
    w.text(row, 1, rangeLabels[name]);
    w.number(row, 2, values.ranges[name].low, FORMAT.factor, INPUT);
    w.number(row, 3, values.ranges[name].high, FORMAT.factor, INPUT);
    ranges[name] = { low: ref(2, row), high: ref(3, row) };
    row++;
  }

  row++;
  w.text(row++, 1, fieldRowLabel('targetGroup.intake', lang), { bold: true });
  w.text(row, 1, t.cohort, { bold: true });
  w.text(row, 2, t.cohortYear, { bold: true });
  w.text(row++, 3, t.participants, { bold: true });
  const firstCohortRow = row;
  const cohortRows = Math.max(1, values.cohorts.length);
  const cohorts: InputsLayout['cohorts'] = [];
  for (let i = 0; i < cohortRows; i++) {
    const cohort = values.cohorts[i];
    w.text(row, 1, `${t.cohort} ${i + 1}`);
    w.number(row, 2, cohort?.year, FORMAT.year, INPUT);
    w.number(row, 3, cohort?.participants, FORMAT.count, INPUT);
    cohorts.push({ year: ref(2, row), participants: ref(3, row) });
    row++;
  }
  const cohortYears = onSheet(w.name, absRange(2, firstCohortRow, 2, row - 1));
  const cohortParticipants = onSheet(w.name, absRange(3, firstCohortRow, 3, row - 1));

  // Departments: the registry's department columns, then the municipal flag and the payer share the formulas read.
  row++;
  w.text(row++, 1, t.departments, { bold: true });
  const departmentFields = exportFields({ xlsx: 'inputs' }, ['department']);
  const municipalColumn = departmentFields.length + 1;
  const publicColumn = municipalColumn + 1;
  const shareColumn = publicColumn + 1;
  departmentFields.forEach((field, i) => {
    w.text(row, 1 + i, label(field), { bold: true });
  });
  w.text(row, municipalColumn, t.municipal, { bold: true });
  w.text(row, publicColumn, t.publicSector, { bold: true, wrap: true });
  w.text(row++, shareColumn, fieldRowLabel('paymentModel.payerShares', lang), { bold: true });
  const firstDepartmentRow = row;
  const departments: InputsLayout['departments'] = [];
  for (const department of values.departments) {
    const item = model.facts.departments.find((d) => d.id === department.id);
    departmentFields.forEach((field, i) => {
      if (field.key === 'name') w.text(row, 1 + i, department.name);
      else if (!department.known) w.text(row, 1 + i, field.key === 'level' ? t.unknownDepartment : '');
      else fieldCell(w, row, 1 + i, field, item && valueIn(item, field), ctx, INPUT);
    });
    w.number(row, municipalColumn, department.level === 'municipal' ? 1 : 0, FORMAT.flag, INPUT);
    w.number(row, publicColumn, isPublicLevel(department.level) ? 1 : 0, FORMAT.flag, INPUT);
    w.number(row, shareColumn, department.payerShare, FORMAT.rate, INPUT);
    departments.push({
      id: department.id,
      name: department.name,
      known: department.known,
      municipal: ref(municipalColumn, row),
      payerShare: ref(shareColumn, row),
    });
    row++;
  }
  const hasDepartments = departments.length > 0;
  const municipalFlags = hasDepartments
    ? onSheet(w.name, absRange(municipalColumn, firstDepartmentRow, municipalColumn, row - 1))
    : undefined;
  const publicFlags = hasDepartments
    ? onSheet(w.name, absRange(publicColumn, firstDepartmentRow, publicColumn, row - 1))
    : undefined;
  const payerShares = hasDepartments
    ? onSheet(w.name, absRange(shareColumn, firstDepartmentRow, shareColumn, row - 1))
    : undefined;

  // Outcomes: one column per registry field (the name first), then the value to each department.
  row++;
  w.text(row++, 1, t.outcomes, { bold: true });
  const outcomeFields = exportFields({ xlsx: 'inputs' }, ['outcome']).filter((f) => f.kind !== 'numberRecord');
  outcomeFields.forEach((field, i) => {
    w.text(row, i + 1, label(field), { bold: true, wrap: true });
  });
  const firstValueColumn = outcomeFields.length + 1;
  const valueLabel = fieldRowLabel('outcome.valuePerDepartment', lang);
  values.departments.forEach((department, i) => {
    w.text(row, firstValueColumn + i, `${valueLabel}: ${department.name}`, { bold: true, wrap: true });
    w.sheet.getColumn(firstValueColumn + i).width = 20;
  });
  // Beside the values, their source notes: the field's own, then each department's
  // (`valuePerDepartment.<department id>`, e.g. a library value's source), named as the PDF names them.
  const noteColumns = valueNoteKeys(model, values.departments).map((key, i) => {
    const column = firstValueColumn + values.departments.length + i;
    const named = keyedSourceLabel('outcome', key, model, lang) ?? valueLabel;
    w.text(row, column, t.sourceNote(named), { bold: true, wrap: true });
    w.sheet.getColumn(column).width = 36;
    return { key, column };
  });
  row++;
  const firstOutcomeRow = row;
  const outcomes: InputsLayout['outcomes'] = [];
  for (const outcome of values.outcomes) {
    const item = model.outcomes.find((o) => o.id === outcome.id);
    const at = new Map<string, string>();
    outcomeFields.forEach((field, i) => {
      const column = i + 1;
      const read = OUTCOME[field.key as keyof typeof OUTCOME];
      if (field.key === 'name') w.text(row, column, outcome.name);
      else fieldCell(w, row, column, field, read ? read(outcome) : item && valueIn(item, field), ctx, INPUT);
      at.set(field.key, ref(column, row));
    });
    values.departments.forEach((department, i) => {
      w.number(row, firstValueColumn + i, outcome.valuePerDepartment[department.id], FORMAT.money, INPUT);
    });
    for (const { key, column } of noteColumns) {
      const note = item?.sources[key]?.trim();
      if (note) w.text(row, column, note, { wrap: true });
    }
    const cell = (key: keyof typeof OUTCOME) => required(at, key, 'outcome');
    outcomes.push({
      id: outcome.id,
      name: outcome.name,
      baseline: cell('baselineRate'),
      expected: cell('expectedRate'),
      attribution: cell('attribution'),
      lag: cell('lagYears'),
      duration: cell('durationYears'),
      persistence: cell('persistence'),
      points: [],
    });
    row++;
  }
  const valueColumns = values.departments.map((_, i) =>
    outcomes.length > 0
      ? onSheet(w.name, absRange(firstValueColumn + i, firstOutcomeRow, firstValueColumn + i, row - 1))
      : undefined,
  );

  // P7: the rate card — one row per outcome and measurement point; the business-case sheets pay
  // each point from these cells, so a changed month, price or basis is priced at once.
  row++;
  w.text(row++, 1, fieldRowLabel('outcome.points', lang), { bold: true });
  [t.pointHeader, t.pointMonths, t.pointPrice, `${t.pointBasis} ${t.basisFlag}`].forEach((header, i) => {
    w.text(row, 1 + i, header, { bold: true, wrap: true });
  });
  row++;
  values.outcomes.forEach((outcome, k) => {
    outcome.points.forEach((point, i) => {
      w.text(row, 1, pointLabel(outcome.name, i, text));
      w.number(row, 2, point.months, FORMAT.count, INPUT);
      w.number(row, 3, point.price, FORMAT.money, INPUT);
      w.number(row, 4, point.basis === undefined ? undefined : point.basis === 'all' ? 1 : 0, FORMAT.flag, INPUT);
      outcomes[k]!.points.push({ months: ref(2, row), price: ref(3, row), basisAll: ref(4, row) });
      row++;
    });
  });
  w.sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 0 }];
  return {
    startYear: required(refs, 'facts.startYear', 'general'),
    horizon: required(refs, 'facts.horizonYears', 'general'),
    discountRate: required(refs, 'facts.discountRate', 'general'),
    schedule,
    scheduleRateEarly,
    scheduleRateLate,
    investorShare: required(refs, 'paymentModel.investorFundedShare', 'general'),
    paymentCap: required(refs, 'paymentModel.paymentCap', 'general'),
    returnCap: required(refs, 'paymentModel.returnCap', 'general'),
    guarantee: required(refs, 'paymentModel.guaranteeAmount', 'general'),
    contractYears,
    guarantorMunicipal,
    guarantorPublic,
    costPerParticipant: required(refs, 'intervention.costPerParticipant', 'intervention'),
    fixedCost: required(refs, 'intervention.fixedCostPerYear', 'intervention'),
    duration: required(refs, 'intervention.durationYears', 'intervention'),
    ranges,
    cohorts,
    cohortYears,
    cohortParticipants,
    departments,
    municipalFlags,
    publicFlags,
    payerShares,
    outcomes,
    valueColumns,
  };
}

/** A rate-card row's label: the outcome's name and the point's number (its months may be changed, its number stays). */
export function pointLabel(outcomeName: string, index: number, text: WorkbookText): string {
  return `${outcomeName} · ${text.inputs.point} ${index + 1}`;
}

/** The source-note keys of the outcomes' values that some outcome holds a note under: the field's, then each department's in row order. */
function valueNoteKeys(model: CaseModelDraft, departments: readonly { id: string }[]): string[] {
  const keys = ['valuePerDepartment', ...departments.map((d) => departmentValueSourceKey(d.id))];
  return keys.filter((key) => model.outcomes.some((o) => (o.sources[key]?.trim() ?? '') !== ''));
}

/** P12: municipal, regional and state departments are the public sector; "other" and an unknown level are not. */
function isPublicLevel(level: DepartmentLevel | undefined): boolean {
  return level === 'municipal' || level === 'regional' || level === 'state';
}

/** A cell the formulas read: its field must be on the sheet (its `exportRows.xlsx` is 'inputs'), or the workbook cannot calculate. */
function required(cells: Map<string, string>, key: string, block: string): string {
  const cell = cells.get(key);
  if (cell === undefined)
    throw new Error(
      `inputsSheet: ${key} is not on the inputs sheet (${block}); its registry entry needs exportRows.xlsx 'inputs'`,
    );
  return cell;
}
