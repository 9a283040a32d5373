import type { RangedInput } from '@caseroom/shared';
import { absCell, absRange, onSheet } from './cellAddress.ts';
import type { InputValues } from './inputValues.ts';
import { FORMAT } from './numberFormats.ts';
import type { SheetWriter } from './sheetWriter.ts';
import type { WorkbookText } from './workbookText.ts';

/** Where each input sits, as absolute references from another sheet ('Inputs'!$B$5). */
export type InputsLayout = {
  startYear: string;
  horizon: string;
  discountRate: string;
  investorShare: string;
  paymentCap: string;
  returnCap: string;
  guarantee: string;
  costPerParticipant: string;
  fixedCost: string;
  duration: string;
  ranges: Record<RangedInput, { low: string; high: string }>;
  /** One entry per cohort row (at least one, empty when the case has no cohort). */
  cohorts: { year: string; participants: string }[];
  cohortYears: string;
  cohortParticipants: string;
  departments: { id: string; name: string; known: boolean; municipal: string; payerShare: string }[];
  /** The municipal flags and payer shares of every department row (vertical ranges); undefined without departments. */
  municipalFlags: string | undefined;
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
    price: string;
    basisAll: string;
  }[];
  /** Per department row: its yearly value per outcome down the outcome rows; undefined without outcomes. */
  valueColumns: (string | undefined)[];
};

/** Every number on this sheet is an input. */
const INPUT = { input: true };
const RANGED: RangedInput[] = ['effect', 'cost', 'persistence'];

/**
 * The inputs sheet: every number `price` uses, as plain values a finance officer can change —
 * the general frame, the intervention, the scenario ranges, the cohorts, the departments with
 * their payer shares, and one row per outcome with its value to each department.
 */
export function writeInputsSheet(w: SheetWriter, values: InputValues, text: WorkbookText): InputsLayout {
  const t = text.inputs;
  const ref = (column: number, row: number) => onSheet(w.name, absCell(column, row));
  w.widths(58, 16, 16, 16, 14, 14, 14, 18, 22);
  w.heading(1, t.heading);
  w.text(2, 1, t.note, { wrap: false });

  let row = 4;
  w.text(row++, 1, t.general, { bold: true });
  const scalar = (label: string, value: number | undefined, format: (typeof FORMAT)[keyof typeof FORMAT]) => {
    w.text(row, 1, label);
    w.number(row, 2, value, format, INPUT);
    return ref(2, row++);
  };
  const startYear = scalar(text.case.startYear, values.startYear, FORMAT.year);
  const horizon = scalar(t.horizon, values.horizonYears, FORMAT.year);
  const discountRate = scalar(t.discountRate, values.discountRate, FORMAT.rate);
  const investorShare = scalar(t.investorShare, values.investorFundedShare, FORMAT.rate);
  const paymentCap = scalar(t.paymentCap, values.paymentCap, FORMAT.money);
  const returnCap = scalar(t.returnCap, values.returnCap, FORMAT.rate);
  const guarantee = scalar(t.guarantee, values.guaranteeAmount, FORMAT.money);

  row++;
  w.text(row, 1, t.intervention, { bold: true });
  if (values.interventionName !== undefined) w.text(row, 2, values.interventionName);
  row++;
  const costPerParticipant = scalar(t.costPerParticipant, values.costPerParticipant, FORMAT.money);
  const fixedCost = scalar(t.fixedCost, values.fixedCostPerYear, FORMAT.money);
  const duration = scalar(t.duration, values.durationYears, FORMAT.year);

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
  w.text(row++, 1, t.cohorts, { bold: true });
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

  row++;
  w.text(row++, 1, t.departments, { bold: true });
  w.text(row, 1, t.department, { bold: true });
  w.text(row, 2, t.level, { bold: true });
  w.text(row, 3, t.municipal, { bold: true });
  w.text(row++, 4, t.payerShare, { bold: true });
  const firstDepartmentRow = row;
  const departments: InputsLayout['departments'] = [];
  for (const department of values.departments) {
    w.text(row, 1, department.name);
    const level = department.known ? (department.level ? t.levels[department.level] : '') : t.unknownDepartment;
    w.text(row, 2, level);
    w.number(row, 3, department.level === 'municipal' ? 1 : 0, FORMAT.flag, INPUT);
    w.number(row, 4, department.payerShare, FORMAT.rate, INPUT);
    departments.push({
      id: department.id,
      name: department.name,
      known: department.known,
      municipal: ref(3, row),
      payerShare: ref(4, row),
    });
    row++;
  }
  const hasDepartments = departments.length > 0;
  const municipalFlags = hasDepartments ? onSheet(w.name, absRange(3, firstDepartmentRow, 3, row - 1)) : undefined;
  const payerShares = hasDepartments ? onSheet(w.name, absRange(4, firstDepartmentRow, 4, row - 1)) : undefined;

  row++;
  w.text(row++, 1, t.outcomes, { bold: true });
  const headers = [
    t.outcome,
    t.baseline,
    t.expected,
    t.attribution,
    t.lag,
    t.outcomeDuration,
    t.outcomePersistence,
    t.price,
    t.basisAll,
  ];
  headers.forEach((header, i) => {
    w.text(row, i + 1, header, { bold: true, wrap: true });
  });
  const firstValueColumn = headers.length + 1;
  values.departments.forEach((department, i) => {
    w.text(row, firstValueColumn + i, `${t.valueFor} ${department.name}`, { bold: true, wrap: true });
    w.sheet.getColumn(firstValueColumn + i).width = 20;
  });
  row++;
  const firstOutcomeRow = row;
  const outcomes: InputsLayout['outcomes'] = [];
  for (const outcome of values.outcomes) {
    w.text(row, 1, outcome.name);
    w.number(row, 2, outcome.baselineRate, FORMAT.rate, INPUT);
    w.number(row, 3, outcome.expectedRate, FORMAT.rate, INPUT);
    w.number(row, 4, outcome.attribution, FORMAT.rate, INPUT);
    w.number(row, 5, outcome.lagYears, FORMAT.year, INPUT);
    w.number(row, 6, outcome.durationYears, FORMAT.year, INPUT);
    w.number(row, 7, outcome.persistence, FORMAT.rate, INPUT);
    w.number(row, 8, outcome.pricePerOutcome, FORMAT.money, INPUT);
    const basis = outcome.paymentBasis === undefined ? undefined : outcome.paymentBasis === 'all' ? 1 : 0;
    w.number(row, 9, basis, FORMAT.flag, INPUT);
    values.departments.forEach((department, i) => {
      w.number(row, firstValueColumn + i, outcome.valuePerDepartment[department.id], FORMAT.money, INPUT);
    });
    outcomes.push({
      id: outcome.id,
      name: outcome.name,
      baseline: ref(2, row),
      expected: ref(3, row),
      attribution: ref(4, row),
      lag: ref(5, row),
      duration: ref(6, row),
      persistence: ref(7, row),
      price: ref(8, row),
      basisAll: ref(9, row),
    });
    row++;
  }
  const valueColumns = values.departments.map((_, i) =>
    outcomes.length > 0
      ? onSheet(w.name, absRange(firstValueColumn + i, firstOutcomeRow, firstValueColumn + i, row - 1))
      : undefined,
  );
  w.sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 0 }];
  return {
    startYear,
    horizon,
    discountRate,
    investorShare,
    paymentCap,
    returnCap,
    guarantee,
    costPerParticipant,
    fixedCost,
    duration,
    ranges,
    cohorts,
    cohortYears,
    cohortParticipants,
    departments,
    municipalFlags,
    payerShares,
    outcomes,
    valueColumns,
  };
}
