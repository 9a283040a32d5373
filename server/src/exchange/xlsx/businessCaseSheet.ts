import { absCell, cell, onSheet, rowFixed } from './cellAddress.ts';
import { HEADLINE_KEYS, type Headlines, writeHeadlines } from './headlineFigures.ts';
import { type InputsLayout, pointLabel } from './inputsSheet.ts';
import { FORMAT, type NumberFormat } from './numberFormats.ts';
import type { SheetWriter } from './sheetWriter.ts';
import type { WorkbookText } from './workbookText.ts';
import { type YearlyRows, yearlyRowPlan } from './yearlyRows.ts';

/** Which scenario a business-case sheet prices (P18b: low is pessimistic, high optimistic). */
export type Scenario = 'low' | 'expected' | 'high';

/** Where a business-case sheet put things: the other sheets and the tests read it. */
export type BusinessCaseLayout = {
  sheet: string;
  /** Column of year t = 0; year t is in column firstYearColumn + t. */
  firstYearColumn: number;
  years: number;
  rows: YearlyRows;
  headlines: Headlines;
  /** The scenario's factor cells (low and high scenarios only). */
  factors: { effect: string; cost: string; persistence: string } | undefined;
};

const LABEL = 1;
const TOTAL = 2;
const FIRST_YEAR = 3;

/**
 * One business-case sheet: rules P1–P16 as live formulas over the inputs sheet, one row per
 * concept and one column per year t = 0 … H−1. The low and high scenarios (P18a, P18b) are the
 * same sheet with factor cells that reference the scenario ranges on the inputs sheet.
 */
export function writeBusinessCaseSheet(
  w: SheetWriter,
  inputs: InputsLayout,
  years: number,
  scenario: Scenario,
  text: WorkbookText,
): BusinessCaseLayout {
  const t = text.businessCase;
  const heading = scenario === 'low' ? t.headingLow : scenario === 'high' ? t.headingHigh : t.headingExpected;
  w.widths(62, 18, ...Array.from({ length: years }, () => 14));
  w.heading(1, heading);
  w.text(2, 1, t.note);

  // Scenario factors and the costs they scale (P18a).
  w.text(4, LABEL, t.factors, { bold: true });
  const factorRef = (row: number) => absCell(TOTAL, row);
  let factors: BusinessCaseLayout['factors'];
  if (scenario === 'expected') {
    w.text(5, LABEL, t.expectedFactors);
    w.text(8, LABEL, t.costPerParticipant);
    w.formula(8, TOTAL, inputs.costPerParticipant, FORMAT.money);
    w.text(9, LABEL, t.fixedCost);
    w.formula(9, TOTAL, inputs.fixedCost, FORMAT.money);
  } else {
    const pessimistic = scenario === 'low';
    const { effect, cost, persistence } = inputs.ranges;
    w.text(5, LABEL, t.effectFactor);
    w.formula(5, TOTAL, pessimistic ? effect.low : effect.high, FORMAT.factor);
    w.text(6, LABEL, t.costFactor);
    w.formula(6, TOTAL, pessimistic ? cost.high : cost.low, FORMAT.factor);
    w.text(7, LABEL, t.persistenceFactor);
    w.formula(7, TOTAL, pessimistic ? persistence.low : persistence.high, FORMAT.factor);
    w.text(8, LABEL, t.costPerParticipant);
    w.formula(8, TOTAL, `${inputs.costPerParticipant}*${factorRef(6)}`, FORMAT.money);
    w.text(9, LABEL, t.fixedCost);
    w.formula(9, TOTAL, `${inputs.fixedCost}*${factorRef(6)}`, FORMAT.money);
    factors = {
      effect: onSheet(w.name, factorRef(5)),
      cost: onSheet(w.name, factorRef(6)),
      persistence: onSheet(w.name, factorRef(7)),
    };
  }
  // P11: the settlement year s = min(contract years, H) − 1, or H − 1 without contract terms.
  w.text(10, LABEL, t.settlementYear);
  const contract = inputs.contractYears;
  w.formula(
    10,
    TOTAL,
    `MAX(0,IF(ISBLANK(${contract}),${inputs.horizon},MIN(${contract},${inputs.horizon}))-1)`,
    FORMAT.year,
  );
  const scenarioCostPerParticipant = factorRef(8);
  const scenarioFixedCost = factorRef(9);

  // The outcomes in this scenario: e', p' and the additional outcomes per participant (P5).
  w.text(11, LABEL, t.outcomeParameters, { bold: true });
  const parameterHeaders = [t.expectedRate, t.persistence, t.additionalPerParticipant];
  parameterHeaders.forEach((header, i) => {
    w.text(12, TOTAL + i, header, { bold: true, wrap: true });
  });
  // Then, per cohort, the year its effect starts for the outcome (c + lag, P5).
  const firstCohortColumn = TOTAL + parameterHeaders.length;
  inputs.cohorts.forEach((_, i) => {
    w.text(12, firstCohortColumn + i, `${t.effectStarts} ${i + 1}`, { bold: true, wrap: true });
  });
  const outcomeParameters = inputs.outcomes.map((outcome, k) => {
    const row = 13 + k;
    w.text(row, LABEL, outcome.name);
    const [eCol, pCol, addCol] = [2, 3, 4];
    const e = cell(eCol, row);
    if (scenario === 'expected') {
      w.formula(row, eCol, outcome.expected, FORMAT.rate);
      w.formula(row, pCol, outcome.persistence, FORMAT.rate);
    } else {
      const effect = factorRef(5);
      const persistence = factorRef(7);
      w.formula(
        row,
        eCol,
        `MIN(1,MAX(0,${outcome.baseline}+(${outcome.expected}-${outcome.baseline})*${effect}))`,
        FORMAT.rate,
      );
      w.formula(row, pCol, `MIN(1,MAX(0,${outcome.persistence}*${persistence}))`, FORMAT.rate);
    }
    w.formula(row, addCol, `(${e}-${outcome.baseline})*${outcome.attribution}`, FORMAT.factor);
    const effectStarts = inputs.cohorts.map(({ year }, i) => {
      w.formula(row, firstCohortColumn + i, `${year}+${outcome.lag}`, FORMAT.year);
      return absCell(firstCohortColumn + i, row);
    });
    return {
      expected: absCell(eCol, row),
      persistence: absCell(pCol, row),
      additional: absCell(addCol, row),
      effectStarts,
    };
  });

  // P7: each measurement point m of each outcome, per participant of a cohort of year c: it
  // falls in year y = c + INT(m/12), j = INT(m/12) − lag years into the effect. Within the effect
  // (0 ≤ j < duration) "additional" pays for (e'−b)·a·p'^j and "all achieved" for b + (e'−b)·p'^j
  // (written e' − (e'−b)·(1 − p'^j), as the engine writes it); outside it "additional" pays for
  // none and "all achieved" for b. p'^0 is written as 1: Excel's POWER(0,0) is an error.
  const pointsRow = 13 + inputs.outcomes.length + 1;
  w.text(pointsRow, LABEL, t.points, { bold: true });
  const pointHeaders = [
    t.pointMonths,
    t.yearsAfterIntake,
    t.effectYear,
    t.retained,
    t.paidRatePerParticipant,
    t.paymentPerParticipant,
  ];
  pointHeaders.forEach((header, i) => {
    w.text(pointsRow + 1, TOTAL + i, header, { bold: true, wrap: true });
  });
  const [mCol, offsetCol, jCol, retainedCol, rateCol, payCol] = [2, 3, 4, 5, 6, 7];
  let pointRow = pointsRow + 2;
  const pointPayments = inputs.outcomes.map((outcome, k) => {
    const parameters = outcomeParameters[k]!;
    return outcome.points.map((point, i) => {
      const row = pointRow++;
      const j = cell(jCol, row);
      const retained = cell(retainedCol, row);
      const e = parameters.expected;
      w.text(row, LABEL, pointLabel(outcome.name, i, text));
      w.formula(row, mCol, point.months, FORMAT.count);
      w.formula(row, offsetCol, `INT(${cell(mCol, row)}/12)`, FORMAT.year);
      w.formula(row, jCol, `${cell(offsetCol, row)}-${outcome.lag}`, FORMAT.year);
      w.formula(
        row,
        retainedCol,
        `IF(AND(${j}>=0,${j}<${outcome.duration}),IF(${j}=0,1,POWER(${parameters.persistence},${j})),0)`,
        FORMAT.factor,
      );
      w.formula(
        row,
        rateCol,
        `IF(${point.basisAll}=1,${e}-(${e}-${outcome.baseline})*(1-${retained}),${parameters.additional}*${retained})`,
        FORMAT.factor,
      );
      w.formula(row, payCol, `MAX(0,${point.price}*${cell(rateCol, row)})`, FORMAT.money);
      return { yearsAfterIntake: absCell(offsetCol, row), payment: absCell(payCol, row) };
    });
  });

  const headlineRow = pointRow + 1;
  const yearHeaderRow = headlineRow + HEADLINE_KEYS.length + 2;
  const rows = yearlyRowPlan(yearHeaderRow + 1, inputs.outcomes.length, inputs.departments.length);
  const lastYear = FIRST_YEAR + years - 1;
  const span = (row: number) => `${absCell(FIRST_YEAR, row)}:${absCell(lastYear, row)}`;
  const at = (column: number, row: number) => cell(column, row);
  const put = (
    row: number,
    label: string,
    format: NumberFormat,
    total: boolean,
    f: (c: number, y: number) => string,
  ) => {
    w.text(row, LABEL, label);
    for (let y = 0; y < years; y++) w.formula(row, FIRST_YEAR + y, f(FIRST_YEAR + y, y), format);
    if (total) w.formula(row, TOTAL, `SUM(${span(row)})`, format);
  };
  const tOf = (c: number) => rowFixed(c, rows.year);

  // The year row and P2.
  w.text(yearHeaderRow, LABEL, t.yearly, { bold: true });
  w.text(rows.year, LABEL, t.year, { bold: true });
  w.text(rows.year, TOTAL, t.total, { bold: true });
  for (let y = 0; y < years; y++) w.number(rows.year, FIRST_YEAR + y, y, FORMAT.year);
  put(
    rows.calendarYear,
    t.calendarYear,
    FORMAT.year,
    false,
    (c) => `IF(ISBLANK(${inputs.startYear}),"",${inputs.startYear}+${tOf(c)})`,
  );
  // P2: the rate used each year — the Danish schedule's (3.5 % to year 35, 2.5 % from 36) or the
  // flat rate — and DF(t) = DF(t−1)/(1+r(t)), DF(0) = 1.
  put(rows.rate, t.discountRate, FORMAT.rate, false, (c) =>
    c === FIRST_YEAR
      ? '0'
      : `IF(${inputs.schedule}=1,IF(${tOf(c)}<=35,${inputs.scheduleRateEarly},${inputs.scheduleRateLate}),${inputs.discountRate})`,
  );
  put(rows.df, t.discountFactor, FORMAT.discountFactor, false, (c) =>
    c === FIRST_YEAR ? '1' : `${at(c - 1, rows.df)}/(1+${at(c, rows.rate)})`,
  );

  // P3, P4.
  const d = inputs.duration;
  const { cohortYears: cs, cohortParticipants: ns } = inputs;
  put(rows.cost, t.cost, FORMAT.money, true, (c) => {
    const perParticipant = `SUMIFS(${ns},${cs},"<="&${tOf(c)},${cs},">="&(${tOf(c)}-${d}+1))*${scenarioCostPerParticipant}/${d}`;
    const fixed = `IF(COUNT(${ns})>0,IF(AND(${tOf(c)}>=MIN(${cs}),${tOf(c)}<=MAX(${cs})+${d}-1),MAX(0,${scenarioFixedCost}),0),0)`;
    return `${perParticipant}+${fixed}`;
  });
  put(rows.capital, t.capital, FORMAT.money, true, (c) => `${at(c, rows.cost)}*${inputs.investorShare}`);
  put(rows.ownFunding, t.ownFunding, FORMAT.money, true, (c) => `${at(c, rows.cost)}*(1-${inputs.investorShare})`);

  // P5: additional achievers, n·(e'−b)·a × p'^j in year c+lag+j, j = 0 … duration−1 (p'^0 is written
  // as 1: Excel's POWER(0,0) is an error).
  inputs.outcomes.forEach((outcome, k) => {
    const parameters = outcomeParameters[k]!;
    put(rows.achievers[k]!, `${t.achievers} ${outcome.name}`, FORMAT.people, true, (c) => {
      const now = tOf(c);
      const terms = inputs.cohorts.map(({ participants }, i) => {
        const first = parameters.effectStarts[i]!;
        return `${participants}*IF(AND(${now}>=${first},${now}<${first}+${outcome.duration}),IF(${now}=${first},1,POWER(${parameters.persistence},${now}-${first})),0)`;
      });
      return `${parameters.additional}*(${terms.join('+')})`;
    });
  });

  // P6: value per department and in total.
  const firstAchievers = rows.achievers[0];
  const lastAchievers = rows.achievers.at(-1);
  inputs.departments.forEach((department, i) => {
    const values = inputs.valueColumns[i];
    put(rows.valueByDepartment[i]!, `${t.valueTo} ${department.name}`, FORMAT.money, true, (c) =>
      values && firstAchievers !== undefined && lastAchievers !== undefined
        ? `SUMPRODUCT(${at(c, firstAchievers)}:${at(c, lastAchievers)},${values})`
        : '0',
    );
  });
  const sumDown = (rowList: number[], c: number) =>
    rowList.length > 0 ? `SUM(${at(c, rowList[0]!)}:${at(c, rowList.at(-1)!)})` : '0';
  put(rows.publicValue, t.publicValue, FORMAT.money, true, (c) => sumDown(rows.valueByDepartment, c));

  // P7: each point pays, per cohort of year c, its payment per participant × n in year
  // c + INT(m/12); a year past H − 1 has no column, so a point at or past H is not paid.
  inputs.outcomes.forEach((outcome, k) => {
    const points = pointPayments[k]!;
    put(rows.dueByOutcome[k]!, `${t.due} ${outcome.name}`, FORMAT.money, true, (c) =>
      points.length === 0
        ? '0'
        : points.map((p) => `${p.payment}*SUMIF(${cs},${tOf(c)}-${p.yearsAfterIntake},${ns})`).join('+'),
    );
  });
  put(rows.dueTotal, t.dueTotal, FORMAT.money, true, (c) => sumDown(rows.dueByOutcome, c));

  // P11: nothing due after the settlement year s is paid. P8: the nominal cap, used up in year order.
  const cap = inputs.paymentCap;
  const s = factorRef(10);
  put(rows.afterCap, t.afterCap, FORMAT.money, true, (c) => {
    const due = at(c, rows.dueTotal);
    const remaining =
      c === FIRST_YEAR ? cap : `${cap}-SUM(${absCell(FIRST_YEAR, rows.afterCap)}:${at(c - 1, rows.afterCap)})`;
    return `IF(${tOf(c)}>${s},0,IF(ISBLANK(${cap}),${due},MIN(${due},MAX(0,${remaining}))))`;
  });

  // P9: the return cap's balance recursion.
  const q = inputs.returnCap;
  put(rows.balanceBefore, t.balanceBefore, FORMAT.money, false, (c) =>
    c === FIRST_YEAR
      ? `IF(ISBLANK(${q}),0,${at(c, rows.capital)})`
      : `IF(ISBLANK(${q}),0,${at(c - 1, rows.balanceAfter)}*(1+${q})+${at(c, rows.capital)})`,
  );
  put(
    rows.paid,
    t.paid,
    FORMAT.money,
    true,
    (c) => `IF(ISBLANK(${q}),${at(c, rows.afterCap)},MIN(${at(c, rows.afterCap)},MAX(0,${at(c, rows.balanceBefore)})))`,
  );
  put(
    rows.balanceAfter,
    t.balanceAfter,
    FORMAT.money,
    false,
    (c) => `IF(ISBLANK(${q}),0,${at(c, rows.balanceBefore)}-${at(c, rows.paid)})`,
  );
  inputs.outcomes.forEach((outcome, k) => {
    put(
      rows.paidByOutcome[k]!,
      `${t.paidFor} ${outcome.name}`,
      FORMAT.money,
      true,
      (c) =>
        `IF(${at(c, rows.dueTotal)}>0,${at(c, rows.dueByOutcome[k]!)}*${at(c, rows.paid)}/${at(c, rows.dueTotal)},0)`,
    );
  });

  // P10: split by payer shares; shares summing past 100 % are scaled to 100 %, below it the
  // remainder is not yet allocated (and owed by the authority, P12).
  const shareSum = inputs.payerShares ? `SUM(${inputs.payerShares})` : '0';
  inputs.departments.forEach((department, i) => {
    put(
      rows.paidByPayer[i]!,
      `${t.paidBy} ${department.name}`,
      FORMAT.money,
      true,
      (c) => `${at(c, rows.paid)}*${department.payerShare}/MAX(1,${shareSum})`,
    );
  });
  put(rows.unallocated, t.unallocated, FORMAT.money, true, (c) => `${at(c, rows.paid)}*MAX(0,1-${shareSum})`);

  // P11: the guarantee, in the settlement year s, covering Σ_{t≤s} capital − Σ_{t≤s} paid up to
  // the amount, outside the cap.
  const g = inputs.guarantee;
  const upToS = (row: number) => `SUMIF(${span(rows.year)},"<="&${s},${span(row)})`;
  put(
    rows.guarantee,
    t.guarantee,
    FORMAT.money,
    true,
    (c) => `IF(AND(${tOf(c)}=${s},NOT(ISBLANK(${g}))),MIN(${g},MAX(0,${upToS(rows.capital)}-${upToS(rows.paid)})),0)`,
  );

  // P12, P13: the authority (municipal departments) and the public sector (municipal, regional
  // and state) each net their value against their payments, the unallocated remainder and the
  // own funding.
  // The guarantee is theirs too when the guarantor is at one of their levels (the flag is 1).
  const netOf = (flags: string | undefined, guarantor: string) => (c: number) => {
    const owed = `-${at(c, rows.unallocated)}-${at(c, rows.ownFunding)}-${at(c, rows.guarantee)}*${guarantor}`;
    if (!flags || rows.valueByDepartment.length === 0) return owed;
    const down = (rowList: number[]) => `${at(c, rowList[0]!)}:${at(c, rowList.at(-1)!)}`;
    return `SUMPRODUCT(${down(rows.valueByDepartment)},${flags})-SUMPRODUCT(${down(rows.paidByPayer)},${flags})${owed}`;
  };
  put(rows.authorityNet, t.authorityNet, FORMAT.money, true, netOf(inputs.municipalFlags, inputs.guarantorMunicipal));
  put(rows.publicSectorNet, t.publicSectorNet, FORMAT.money, true, netOf(inputs.publicFlags, inputs.guarantorPublic));
  // P13: flows within 10⁻⁹ × Σ capital of zero are rounding noise and count as zero, as in `price`.
  const noise = `0.000000001*MAX(1,SUM(${span(rows.capital)}))`;
  put(rows.investorCashFlow, t.investorCashFlow, FORMAT.money, true, (c) => {
    const flow = `${at(c, rows.paid)}+${at(c, rows.guarantee)}-${at(c, rows.capital)}`;
    // A fully repaid year is zero, so it does not confuse IRR.
    return `IF(ABS(${flow})<${noise},0,${flow})`;
  });

  // P16: the cumulative discounted net and whether it stays ≥ 0 from each year on.
  put(rows.discountedNet, t.discountedNet, FORMAT.money, true, (c) => `${at(c, rows.authorityNet)}*${at(c, rows.df)}`);
  put(rows.cumulative, t.cumulative, FORMAT.money, false, (c) =>
    c === FIRST_YEAR ? at(c, rows.discountedNet) : `${at(c - 1, rows.cumulative)}+${at(c, rows.discountedNet)}`,
  );
  put(rows.staysPositive, t.staysPositive, FORMAT.flag, false, (c) =>
    c === lastYear
      ? `IF(${at(c, rows.cumulative)}>=0,1,0)`
      : `IF(AND(${at(c, rows.cumulative)}>=0,${at(c + 1, rows.staysPositive)}=1),1,0)`,
  );

  const headlines = writeHeadlines(w, headlineRow, rows, span, inputs.startYear, text);

  w.sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: rows.year }];
  return { sheet: w.name, firstYearColumn: FIRST_YEAR, years, rows, headlines, factors };
}
