import { type BuiltCaseExport, pricingInputFromModel } from '@caseroom/shared';
import ExcelJS from 'exceljs';
import { unzipSync, type Zippable, zipSync } from 'fflate';
import { writeBusinessCaseSheet } from './businessCaseSheet.ts';
import { writeCandidatesSheet } from './candidatesSheet.ts';
import { writeCaseSheet } from './caseSheet.ts';
import { writeInputsSheet } from './inputsSheet.ts';
import { inputValuesFromDraft, inputValuesFromPricing } from './inputValues.ts';
import { writeDecisionsSheet, writeFindingsSheet, writeSignoffsSheet } from './recordSheets.ts';
import { writeRiskSheet } from './riskSheet.ts';
import { writeScenariosSheet } from './scenariosSheet.ts';
import { SheetWriter } from './sheetWriter.ts';
import { writeWhoPaysSheet } from './whoPaysSheet.ts';
import { workbookText } from './workbookText.ts';

/**
 * The XLSX export of a case (docs/export-xlsx.md): the inputs `price` uses as plain values, the
 * business case for the expected, low and high scenarios as live formulas over them, who pays
 * and who gains, the risk simulation's results, the intervention candidates compared (P19),
 * findings, decisions and sign-offs. Formulas carry no cached results and the workbook asks for
 * a full recalculation on load, so every figure a reader sees is calculated by their spreadsheet. Pure: no clock, files or network
 * (the workbook's dates are the export's time).
 */
export async function caseWorkbook(exported: BuiltCaseExport, lang: 'da' | 'en'): Promise<Uint8Array> {
  const text = workbookText(lang);
  const workbook = new ExcelJS.Workbook();
  const exportedAt = new Date(exported.exportedAt);
  workbook.creator = 'Caseroom';
  workbook.lastModifiedBy = 'Caseroom';
  workbook.created = exportedAt;
  workbook.modified = exportedAt;
  workbook.calcProperties.fullCalcOnLoad = true;
  const sheet = (name: string) => new SheetWriter(workbook.addWorksheet(name));
  const { sheets } = text;

  const caseSheet = sheet(sheets.case);
  const inputsSheet = sheet(sheets.inputs);
  writeCaseSheet(caseSheet, exported, text);

  if (exported.pricing.ok) {
    const priced = pricingInputFromModel(exported.model);
    // The export's pricing was computed from this very model, so this cannot fail.
    if (!priced.ok) throw new Error(`caseWorkbook: the exported model does not price (${priced.reason})`);
    const chosen = exported.model.interventions.candidates.find((c) => c.id === exported.model.interventions.chosenId);
    const { risk } = exported.pricing;
    const inputs = writeInputsSheet(
      inputsSheet,
      inputValuesFromPricing(priced.input, risk.ranges, {
        interventionName: chosen?.name,
        startYear: exported.model.facts.startYear,
      }),
      exported.model,
      text,
    );
    const years = priced.input.horizonYears;
    const expectedSheet = sheet(sheets.expected);
    const whoPaysSheet = sheet(sheets.whoPays);
    const scenariosSheet = sheet(sheets.scenarios);
    const lowSheet = sheet(sheets.low);
    const highSheet = sheet(sheets.high);
    const expected = writeBusinessCaseSheet(expectedSheet, inputs, years, 'expected', text);
    const low = writeBusinessCaseSheet(lowSheet, inputs, years, 'low', text);
    const high = writeBusinessCaseSheet(highSheet, inputs, years, 'high', text);
    writeWhoPaysSheet(whoPaysSheet, inputs, expected, text);
    writeScenariosSheet(scenariosSheet, { low, expected, high }, text);
    writeRiskSheet(sheet(sheets.risk), risk, text);
  } else {
    writeInputsSheet(inputsSheet, inputValuesFromDraft(exported.model), exported.model, text);
  }

  // P19: every candidate priced on its own, priced case or not.
  writeCandidatesSheet(sheet(sheets.candidates), exported, text);
  writeFindingsSheet(sheet(sheets.findings), exported, lang, text);
  writeDecisionsSheet(sheet(sheets.decisions), exported, text);
  writeSignoffsSheet(sheet(sheets.signoffs), exported, text);
  const buffer = await workbook.xlsx.writeBuffer();
  return stampedAt(new Uint8Array(buffer as ArrayBuffer), exportedAt);
}

/**
 * The same workbook with every zip entry dated `at`: exceljs's zip stamps entries with the
 * clock, and an auditor who hashes two exports of the same version must get the same hash.
 */
function stampedAt(xlsx: Uint8Array, at: Date): Uint8Array {
  const entries = unzipSync(xlsx);
  const dated: Zippable = {};
  // Insertion order is kept: [Content_Types].xml stays first, as Excel writes it.
  for (const [name, data] of Object.entries(entries)) dated[name] = [data, { mtime: at }];
  return zipSync(dated, { level: 6 });
}
