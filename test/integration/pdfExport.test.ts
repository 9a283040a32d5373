import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BuiltCaseExport,
  buildCaseExport,
  type CaseModelDraft,
  choiceName,
  compareCandidates,
  DEFAULT_SEED,
  departmentValueSourceKey,
  EXPORT_ITERATIONS,
  exampleCase,
  FIGURE_LABELS,
  FIGURE_WORDS,
  fieldTexts,
  figureFormat,
  figureLabel,
  formatFigure,
  type HeadlineFigureKey,
  headlineFigureTexts,
  monteCarlo,
  noIrrText,
  richTextFromParagraphs,
  SCHEMA_VERSION,
  scenarioRangesFromModel,
  type WorkshopRecord,
} from '@caseroom/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { count, money } from '../../client/src/features/businessCase/format.ts';
import { da as uiDa } from '../../client/src/i18n/da.ts';
import { en as uiEn } from '../../client/src/i18n/en.ts';
import { fieldRowLabel } from '../../server/src/exchange/fieldRows.ts';
import { caseReport } from '../../server/src/exchange/pdf/caseReport.ts';
import { makeWorkshopRecord } from '../../shared/src/testing/workshopRecord.ts';

/**
 * docs/export-pdf.md: the PDF report, read back with poppler's pdftotext / pdfinfo. Expected
 * figures are computed with the client's own formatting functions and catalogues, so "as the UI
 * shows them" is checked against the UI's code, not against a copy of it.
 */

const NOW = new Date('2026-11-28T10:00:00.000Z');
const SEED = 4242;
const ITERATIONS = 2000;
const dir = mkdtempSync(join(tmpdir(), 'caseroom-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a poppler tool; fails with a clear message when poppler-utils is not installed. */
function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts', args: string[]): string {
  try {
    return execFileSync(`/usr/bin/${tool}`, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is missing: install poppler-utils (apt-get install poppler-utils) to run the PDF tests`);
    }
    throw error;
  }
}

type Rendered = { bytes: Uint8Array; file: string; pages: string[]; text: string; pageCount: number };

let serial = 0;
async function render(exported: BuiltCaseExport, lang: 'da' | 'en'): Promise<Rendered> {
  const bytes = await caseReport(exported, lang);
  const file = join(dir, `report-${++serial}-${lang}.pdf`);
  writeFileSync(file, bytes);
  // -raw: text in the order it is drawn (label before value, cell by cell), which is the reading order.
  const raw = poppler('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
  // pdftotext ends every page with a form feed.
  const pages = raw.split('\f').slice(0, -1).map(flat);
  const info = poppler('pdfinfo', [file]);
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return { bytes, file, pages, text: pages.join(' '), pageCount };
}

/** Whitespace (line ends inside a wrapped cell, layout spaces) collapsed, so phrases can be found. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const workshop = (overrides: Partial<WorkshopRecord> = {}): WorkshopRecord =>
  makeWorkshopRecord({ phase: 3, ...overrides });

function exportOf(model: CaseModelDraft, record: WorkshopRecord = workshop()): BuiltCaseExport {
  return buildCaseExport({
    caseId: 'case-pdf',
    model,
    workshop: record,
    source: 'current',
    now: NOW,
    seed: SEED,
    iterations: ITERATIONS,
  });
}

/** The example case with two decisions and three sign-offs: two on the exported version, one on an older one. */
function signedExample(model = exampleCase()): BuiltCaseExport {
  const hash = exportOf(model).version.contentHash;
  const olderHash = 'a'.repeat(64);
  return exportOf(
    model,
    workshop({
      decisions: {
        d1: {
          text: 'Vi vælger IPS som indsats',
          itemPath: 'interventions/candidates/int-ips',
          partyId: 'p-fac',
          partyName: 'Facilitator Fonden',
          at: '2026-11-20T09:15:00.000Z',
          order: 1,
        },
        d2: {
          text: 'Betalingsandele 80/20',
          partyId: 'p-fac',
          partyName: 'Facilitator Fonden',
          at: '2026-11-21T10:00:00.000Z',
          order: 2,
        },
      },
      signoffs: {
        'p-job': { hash, partyName: 'Jobcenterchef Hansen', at: '2026-11-27T12:00:00.000Z' },
        'p-inv': { hash, partyName: 'Investor Eksempelfonden', at: '2026-11-27T13:00:00.000Z' },
        'p-soc': { hash: olderHash, partyName: 'Socialchef Jensen', at: '2026-11-26T08:00:00.000Z' },
      },
      requiredSigners: ['p-job', 'p-inv'],
    }),
  );
}

/**
 * The headline figures as HeadlineFigures.tsx writes them: named and written by the shared
 * registry (HEADLINE_FIGURES, formatFigure, FIGURE_WORDS), with the client's words for the seed.
 */
function uiHeadlineFigures(exported: BuiltCaseExport, lang: 'da' | 'en'): { label: string; value: string }[] {
  if (!exported.pricing.ok) throw new Error('the case must be priced');
  const { pricing, risk } = exported.pricing;
  const t = (lang === 'da' ? uiDa : uiEn).businessCase;
  const startYear = exported.model.facts.startYear;
  const irr = pricing.investor.irr;
  const figure = (key: HeadlineFigureKey, value: number | undefined) => ({
    label: headlineFigureTexts(key, lang).name,
    value: formatFigure(key, value, { lang, startYear }),
  });
  return [
    figure('authorityNpv', pricing.authorityNpv),
    figure('publicSectorNpv', pricing.publicSectorNpv),
    figure('breakEvenYear', pricing.breakEvenYear),
    figure('benefitCostRatio', pricing.benefitCostRatio),
    irr.ok
      ? figure('investorIrr', irr.rate)
      : { label: headlineFigureTexts('investorIrr', lang).name, value: FIGURE_WORDS[lang].noIrr },
    figure('investorMultiple', pricing.investor.multiple),
    figure('probabilityInvestorLoses', risk.monteCarlo.probabilityInvestorLoses),
    { label: t.seed(risk.seed, count(risk.iterations)), value: '' },
  ];
}

const HEADINGS = {
  da: [
    'Nøgletal',
    'Problem',
    'Målgruppe',
    'Indsats',
    'Resultatmål',
    'Betalingsmodel',
    'Pengestrømme pr. år',
    'Hvem betaler, hvem får gevinsten',
    'Følsomhed: kommunens NNV',
    'Risiko',
    'Monte Carlo-simulering',
    'Fund fra valideringen',
    'Beslutninger',
    'Godkendelser',
    'Forudsætninger bag tallene',
  ],
  en: [
    'Key figures',
    'Problem',
    'Target group',
    'Intervention',
    'Outcome targets',
    'Payment model',
    'Cash flows per year',
    'Who pays, who gains',
    'Sensitivity: authority NPV',
    'Risk',
    'Monte Carlo simulation',
    'Validation findings',
    'Decisions',
    'Sign-offs',
    'Assumptions behind the figures',
  ],
} as const;

/** Every page is A4, portrait or landscape (the outcome table's pages are landscape). */
function expectA4(file: string, pageCount: number) {
  const info = poppler('pdfinfo', ['-f', '1', '-l', String(pageCount), file]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map((m) => m[1]);
  expect(sizes).toHaveLength(pageCount);
  for (const size of sizes) expect(size).toMatch(/^(595\.28 x 841\.89|841\.89 x 595\.28) pts \(A4\)/);
}

/**
 * Nothing runs into the margins: every word's box lies within the text column of its page
 * (A4 portrait or landscape; margins 62 pt left, 56 pt right — layout.ts PAGE).
 */
function expectWithinMargins(report: Rendered) {
  const boxes = poppler('pdftotext', ['-bbox', report.file, '-']);
  const pageWidths = [...boxes.matchAll(/<page width="([\d.]+)" height="[\d.]+">/g)].map((m) => Number(m[1]));
  expect(pageWidths.length).toBe(report.pageCount);
  let page = -1;
  let words = 0;
  for (const line of boxes.split('\n')) {
    if (line.includes('<page ')) page++;
    const word = /<word xMin="([\d.-]+)" yMin="[\d.-]+" xMax="([\d.-]+)"/.exec(line);
    if (!word) continue;
    words++;
    expect(Number(word[1])).toBeGreaterThanOrEqual(62 - 1);
    expect(Number(word[2])).toBeLessThanOrEqual((pageWidths[page] ?? 0) - 56 + 1);
  }
  expect(words).toBeGreaterThan(500);
}

/** The PDF's objects without their (compressed, binary) stream contents: where actions and links would be. */
function pdfStructure(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('latin1')
    .replace(/stream\r?\n[\s\S]*?endstream/g, 'stream endstream');
}

describe('PDF report', () => {
  for (const lang of ['da', 'en'] as const) {
    it(`the example case in ${lang}: title, headline figures as the UI shows them, every outcome, every sign-off, headings`, async () => {
      const exported = signedExample();
      const report = await render(exported, lang);
      const { text } = report;

      expect(report.pageCount).toBeGreaterThanOrEqual(6);
      expect(report.pageCount).toBeLessThanOrEqual(30);
      expectA4(report.file, report.pageCount);
      expect(text).toContain(exported.case.title);
      // Only the embedded DejaVu faces: no system font is relied on.
      const fonts = poppler('pdffonts', [report.file])
        .split('\n')
        .slice(2)
        .filter((line) => line.trim() !== '');
      expect(fonts.length).toBeGreaterThanOrEqual(2);
      for (const font of fonts)
        expect(font).toMatch(/^[A-Z]{6}\+DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);

      for (const figure of uiHeadlineFigures(exported, lang)) {
        expect(text).toContain(flat(`${figure.label} ${figure.value}`));
      }
      // One name everywhere: the panel's name for the authority NPV, and break-even as a calendar year.
      expect(text).toContain(lang === 'da' ? 'Kommunens nettonutidsværdi' : 'Authority NPV');
      if (exported.pricing.ok && exported.pricing.pricing.breakEvenYear !== undefined) {
        const year = exported.model.facts.startYear! + exported.pricing.pricing.breakEvenYear;
        expect(text).toContain(flat(`${headlineFigureTexts('breakEvenYear', lang).name} ${year}`));
      }
      // Each explained figure carries the registry's explanation.
      for (const key of ['authorityNpv', 'breakEvenYear', 'investorIrr'] as const) {
        expect(text).toContain(flat(headlineFigureTexts(key, lang).explanation));
      }
      for (const outcome of exported.model.outcomes) expect(text).toContain(outcome.name);
      for (const signoff of exported.signoffs) {
        expect(text).toContain(signoff.partyName);
        expect(text).toContain(signoff.hash);
      }
      expect(text).toContain(exported.version.contentHash);
      for (const heading of HEADINGS[lang]) expect(text).toContain(heading);
      const other = HEADINGS[lang === 'da' ? 'en' : 'da'];
      expect(text).not.toContain(other.at(-1));

      // Page numbers in the language, and the footer's title + hash prefix on every page.
      const pageWord =
        lang === 'da'
          ? (n: number, total: number) => `Side ${n} af ${total}`
          : (n: number, total: number) => `Page ${n} of ${total}`;
      report.pages.forEach((page, i) => {
        expect(page).toContain(pageWord(i + 1, report.pageCount));
        expect(page).toContain(exported.version.contentHash.slice(0, 12));
      });

      // Sign-offs: the two on this version hold, the one on an older version does not.
      const status =
        lang === 'da' ? { yes: 'Ja', other: 'Nej – en anden version' } : { yes: 'Yes', other: 'No – another version' };
      const when = lang === 'da' ? '27.11.2026 kl. 12.00 (UTC)' : '2026-11-27 12:00 (UTC)';
      expect(text).toContain(`Jobcenterchef Hansen ${when} ${status.yes}`);
      expect(text).toContain(status.other);
      // Decisions: text, what it is about (the item's name), who.
      expect(text).toContain('Vi vælger IPS som indsats IPS – individuelt planlagt job med støtte Facilitator Fonden');
      // Monte Carlo: seed and iterations are stated.
      expect(text).toContain(String(SEED));
      // The scenario names and the no-IRR wording come from the shared labels.
      expect(text).toContain(FIGURE_LABELS.scenarioLow[lang === 'da' ? 0 : 1]);
      if (exported.pricing.ok && !exported.pricing.pricing.investor.irr.ok) {
        expect(text).toContain(noIrrText(exported.pricing.pricing.investor.irr.reason, lang));
      }
    });
  }

  it('imported sign-offs and decisions are history: a signature brought along on this very hash does not count', async () => {
    const model = exampleCase();
    const hash = exportOf(model).version.contentHash;
    const exported = buildCaseExport({
      caseId: 'case-pdf',
      model,
      workshop: workshop({ signoffs: { own: { hash, partyName: 'Egen Part', at: '2026-11-27T09:00:00.000Z' } } }),
      importedHistory: {
        decisions: [
          {
            id: 'x1',
            text: 'Importeret beslutning',
            partyId: 'old',
            partyName: 'Gammel Part',
            at: '2025-01-01T00:00:00.000Z',
            order: 1,
          },
        ],
        signoffs: [{ partyId: 'old', partyName: 'Gammel Part', hash, at: '2025-01-02T00:00:00.000Z' }],
      },
      source: 'current',
      now: NOW,
      seed: SEED,
      iterations: ITERATIONS,
    });
    const { text } = await render(exported, 'da');
    expect(text).toContain('Gammel Part 02.01.2025 kl. 00.00 (UTC) Historik – tæller ikke (importeret)');
    expect(text).toContain('Egen Part 27.11.2026 kl. 09.00 (UTC) Ja');
    expect(text).toContain('Importeret beslutning');
    expect(text).toContain('Gammel Part (importeret historik)');
    expect(text).not.toContain('Egen Part (importeret historik)');
    expect(text).toContain('vises som historik og tæller ikke');
    expect(exported.signoffs.map((s) => s.imported)).toEqual([true, undefined]);
  });

  it('[P2] the flat discount rate is in the report only when the case uses one flat rate', async () => {
    const scheduled = (await render(exportOf(exampleCase()), 'da')).text;
    expect(scheduled).toContain('Finansministeriets skema');
    expect(scheduled).not.toContain('Diskonteringsrente 3,5 %'); // the row; the explanations name r(t) per year
    const flatModel = exampleCase();
    flatModel.facts.discountMethod = 'flat';
    expect((await render(exportOf(flatModel), 'da')).text).toMatch(/Diskonteringsrente 3,5 %/);
  });

  it('is a pure function of the export: the same export gives the same bytes', async () => {
    const exported = signedExample();
    const a = await caseReport(exported, 'da');
    const b = await caseReport(exported, 'da');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('a case with many outcomes and decisions runs over several pages: page numbers right, table headers repeated', async () => {
    const model = exampleCase();
    const template = model.outcomes[0];
    if (!template) throw new Error('the example has an outcome');
    model.outcomes = Array.from({ length: 60 }, (_, i) => ({
      ...template,
      id: `out-${i}`,
      order: `a${String(i).padStart(3, '0')}`,
      name: `Resultat nummer ${String(i + 1).padStart(2, '0')}`,
      sources: {},
    }));
    const decisions = Object.fromEntries(
      Array.from({ length: 80 }, (_, i) => [
        `d${i}`,
        {
          text: `Beslutning nummer ${i + 1}: ${'vi aftaler at gøre det sådan, og ikke anderledes. '.repeat(2)}`,
          partyId: 'p-fac',
          partyName: 'Facilitator',
          at: '2026-11-20T09:15:00.000Z',
          order: i + 1,
        },
      ]),
    );
    // A 50-year horizon and 40 departments: the charts must still fit their pages.
    model.facts.horizonYears = 50;
    for (let i = 0; i < 40; i++) {
      model.facts.departments.push({ id: `dep-x${i}`, order: `b${i}`, name: `Afdeling ${i + 1}`, level: 'municipal' });
      template.valuePerDepartment[`dep-x${i}`] = 1000 * (i + 1);
    }
    const exported = exportOf(model, workshop({ decisions }));
    const report = await render(exported, 'da');
    expect(report.pageCount).toBeGreaterThan(10);
    expectWithinMargins(report);
    for (let i = 1; i <= 40; i++) expect(report.text).toContain(`Afdeling ${i}`);
    expectA4(report.file, report.pageCount);
    report.pages.forEach((page, i) => {
      expect(page).toContain(`Side ${i + 1} af ${report.pageCount}`);
    });
    for (const outcome of model.outcomes) expect(report.text).toContain(outcome.name ?? '');

    // The outcome table runs from its first page to the details heading, its header (the registry's labels) on each page.
    const header = ['outcome.name', 'outcome.baselineRate', 'outcome.expectedRate', 'outcome.attribution']
      .map((key) => fieldRowLabel(key, 'da'))
      .join(' ');
    const first = report.pages.findIndex((page) => page.includes(header));
    const details = report.pages.findIndex((page) => page.includes('Resultatmålene i detaljer'));
    expect(first).toBeGreaterThan(0);
    expect(details).toBeGreaterThan(first);
    const tablePages = report.pages.slice(first, details + 1).filter((page) => page.includes(header));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of report.pages.slice(first, details)) expect(page).toContain(header);
    const decisionPages = report.pages.filter((page) => /Beslutning nummer \d+:/.test(page));
    expect(decisionPages.length).toBeGreaterThanOrEqual(2);
    for (const page of decisionPages) expect(page).toContain('Nr. Beslutning Vedrører Registreret af Tidspunkt');
    for (let i = 1; i <= 80; i++) expect(report.text).toContain(`Beslutning nummer ${i}:`);
  });

  it('an unpriceable draft still renders: the reason in plain words, and the record sections', async () => {
    const model = exampleCase();
    model.facts.horizonYears = undefined;
    const exported = exportOf(
      model,
      workshop({
        decisions: {
          d1: {
            text: 'Horisonten fastlægges senere',
            partyId: 'p',
            partyName: 'Facilitator',
            at: NOW.toISOString(),
            order: 1,
          },
        },
        signoffs: { p: { hash: 'b'.repeat(64), partyName: 'Borgmester Berg', at: NOW.toISOString() } },
      }),
    );
    expect(exported.pricing.ok).toBe(false);
    for (const lang of ['da', 'en'] as const) {
      const report = await render(exported, lang);
      const ui = (lang === 'da' ? uiDa : uiEn).businessCase;
      expect(report.text).toContain(`${ui.notPriceable} ${ui.reasons.noHorizon}`);
      expect(report.text).toContain(exported.case.title);
      expect(report.text).toContain('Horisonten fastlægges senere');
      expect(report.text).toContain('Borgmester Berg');
      expect(report.text).toContain('b'.repeat(64));
      for (const outcome of model.outcomes) expect(report.text).toContain(outcome.name ?? '');
      const headings = lang === 'da' ? ['Beslutninger', 'Godkendelser', 'Resultatmål'] : ['Decisions', 'Sign-offs'];
      for (const heading of headings) expect(report.text).toContain(heading);
      expect(report.text).not.toContain(figureLabel('investorCashFlow', lang));
      expectA4(report.file, report.pageCount);
    }
  });

  it('with no intervention chosen yet the case is not priced, but each candidate still is', async () => {
    const model = exampleCase();
    model.interventions.chosenId = undefined;
    const exported = exportOf(model);
    expect(exported.pricing.ok).toBe(false);
    expect(exported.pricing.candidates.every((c) => c.priced)).toBe(true);
    const { text } = await render(exported, 'da');
    for (const candidate of exported.pricing.candidates) {
      expect(text).toContain(money(candidate.authorityNpv!));
    }
  });

  it('a blank new case renders: untitled, every section says what is missing', async () => {
    const empty = () => ({ type: 'doc' as const, content: [] });
    const blank: CaseModelDraft = {
      schemaVersion: SCHEMA_VERSION,
      facts: { partners: {}, departments: [], sources: {} },
      problem: { text: empty() },
      targetGroup: { eligibility: empty(), intake: [], baseline: empty(), sources: {} },
      interventions: { candidates: [], rationale: empty() },
      outcomes: [],
      paymentModel: { payerShares: {}, scenarios: { effect: {}, cost: {}, persistence: {} }, sources: {} },
      evaluation: { notes: empty(), earlyStop: empty(), signatories: [] },
    };
    const report = await render(exportOf(blank), 'da');
    expect(report.text).toContain('(uden titel)');
    expect(report.text).toContain(`${uiDa.businessCase.notPriceable} ${uiDa.businessCase.reasons.noHorizon}`);
    expect(report.text).toContain('Der er ikke valgt en indsats endnu.');
    expect(report.text).toContain('Der er ikke opstillet resultatmål.');
    expect(report.text).toContain('Der er ikke registreret beslutninger.');
    expect(report.text).toContain('Ingen har godkendt endnu.');
    expect(report.pageCount).toBeLessThanOrEqual(10);
    expectA4(report.file, report.pageCount);
  });

  it('hostile content is printed literally and stays inert: no links, actions or scripts in the PDF', async () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<b>bold?</b>',
      '=HYPERLINK("http://evil","x")',
      "=cmd|' /C calc'!A0",
    ];
    const [script, bold, link, cmd] = hostile as [string, string, string, string];
    const longWord = `Overlang${'x'.repeat(3000)}`;
    const model = exampleCase();
    model.facts.title = `${script} ${link}`;
    const department = model.facts.departments[0];
    if (department) department.name = cmd;
    const [first, second] = model.outcomes;
    if (first) first.name = bold;
    if (second) second.name = longWord;
    model.problem.text = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: script, marks: [{ type: 'bold' }] }] },
        {
          type: 'paragraph',
          content: [{ type: 'text', text: link, marks: [{ type: 'link', attrs: { href: 'http://evil' } }] }],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: richTextFromParagraphs(cmd).content ?? [] }] },
      ],
    };
    const base = exportOf(model);
    const exported = exportOf(
      model,
      workshop({
        decisions: { d1: { text: `${link} ${cmd}`, partyId: 'p', partyName: script, at: NOW.toISOString(), order: 1 } },
        signoffs: { p: { hash: base.version.contentHash, partyName: bold, at: NOW.toISOString() } },
      }),
    );
    for (const lang of ['da', 'en'] as const) {
      const report = await render(exported, lang);
      for (const value of hostile) expect(report.text).toContain(value);
      // The long name is broken across lines and cut with "…" (names are cut at 300 characters), not dropped.
      expect(report.text.replace(/ /g, '')).toContain(`${longWord.slice(0, 300)}…`);

      const structure = pdfStructure(report.bytes);
      for (const key of ['/JavaScript', '/JS', '/URI', '/Launch', '/OpenAction', '/AA', '/Annots', '/SubmitForm']) {
        expect(structure).not.toContain(key);
      }

      expectWithinMargins(report);
    }
  });
});

/**
 * P19's comparison case: the example with the authority funding half the cost (so the candidates'
 * chances of a negative NPV differ: about 2 %, 55 % and 100 %) and the mentor programme without a
 * rate for fewer admissions ("effect not entered").
 */
function comparisonCase(): CaseModelDraft {
  const model = exampleCase();
  model.paymentModel.investorFundedShare = 0.5;
  const mentor = model.interventions.candidates.find((c) => c.id === 'int-mentor');
  if (!mentor) throw new Error('the example has the mentor programme');
  delete mentor.expectedRates['out-admissions'];
  return model;
}

/** Each candidate's row as the report must print it, from compareCandidates and monteCarlo (the case's seed and ranges). */
function expectedCandidateRows(model: CaseModelDraft, lang: 'da' | 'en', seed: number, iterations: number) {
  const ranges = scenarioRangesFromModel(model.paymentModel.scenarios);
  const compared = compareCandidates(model);
  const words =
    lang === 'da' ? { chosen: '(valgt)', evidence: 'Evidens' } : { chosen: '(chosen)', evidence: 'Evidence' };
  return model.interventions.candidates.map((candidate) => {
    const c = compared.find((x) => x.interventionId === candidate.id);
    if (!c?.priced || !c.input) throw new Error(`${candidate.id} is priced`);
    const probability = monteCarlo(c.input, ranges, { seed, iterations }).probabilityAuthorityNpvNegative;
    const chosen = candidate.id === model.interventions.chosenId ? ` ${words.chosen}` : '';
    const level = choiceName('intervention.evidenceLevel', candidate.evidenceLevel ?? '', lang);
    const figures = [
      money(c.interventionCost!),
      money(c.publicValue!),
      money(c.authorityNpv!),
      money(c.publicSectorNpv!),
      figureFormat.decimal(c.benefitCostRatio!),
      figureFormat.irrText(c.investorIrr) ?? FIGURE_WORDS[lang].noIrr,
      figureFormat.percent(probability),
    ];
    return {
      id: candidate.id,
      line: flat(`${candidate.name}${chosen} ${words.evidence}: ${level} ${figures.join(' ')}`),
      probability,
      comparison: c,
    };
  });
}

describe('[P19] the report compares the intervention candidates', () => {
  for (const lang of ['da', 'en'] as const) {
    it(`every candidate's row carries compareCandidates' figures to the krone and monteCarlo's P(authority NPV < 0) (${lang})`, async () => {
      const model = comparisonCase();
      const { text } = await render(exportOf(model), lang);
      expect(text).toContain(lang === 'da' ? 'Sammenligning af indsatser' : 'Intervention candidates compared');
      const rows = expectedCandidateRows(model, lang, SEED, ITERATIONS);
      // The case is chosen so that the probabilities differ: a wrong seed or input would show.
      expect(new Set(rows.map((r) => r.probability)).size).toBe(3);
      for (const row of rows) expect(text, row.id).toContain(row.line);
      // The mentor programme has no rate for fewer admissions: marked under its row and in the rate table.
      const mark =
        lang === 'da'
          ? 'effekt ikke indtastet: Færre psykiatriske indlæggelser (beregnet uden)'
          : 'effect not entered: Færre psykiatriske indlæggelser (priced without)';
      const mentor = rows.find((r) => r.id === 'int-mentor')!;
      expect(mentor.comparison.effectNotEntered).toEqual(['out-admissions']);
      expect(text).toContain(`${mentor.line} ${mark}`);
      expect(text.split(mark)).toHaveLength(2); // the others have every rate
      // The rate table: one row per outcome, a column per candidate in the case's order.
      const notEntered = lang === 'da' ? 'Effekt ikke indtastet' : 'Effect not entered';
      expect(text).toContain('Ordinær beskæftigelse 40 % 30 % 24 %');
      expect(text).toContain(`Færre psykiatriske indlæggelser 68 % ${notEntered} 66 %`);
    });
  }

  it('the chosen candidate lists its expected rate per outcome by name, and the source notes on them are named alike', async () => {
    const model = comparisonCase();
    const { text } = await render(exportOf(model), 'da');
    const name = fieldTexts('intervention.expectedRates', 'da').name;
    expect(name).toBe('Forventet andel med indsatsen');
    expect(text).toContain(`${name} – Ordinær beskæftigelse 40 %`);
    expect(text).toContain(`${name} – Færre psykiatriske indlæggelser 68 %`);
    expect(text).not.toContain('expectedRates.');
  });

  it('a note on one department’s value (a library value’s source) is named by that department in the outcome’s notes and the source list', async () => {
    const model = exampleCase();
    const employment = model.outcomes.find((o) => o.id === 'out-employment');
    if (!employment) throw new Error('the example has the employment outcome');
    employment.sources[departmentValueSourceKey('dep-jobcenter')] =
      'Biblioteksnote: nb-beskaeftigelse.dk, prisniveau 2020';
    for (const lang of ['da', 'en'] as const) {
      const { text } = await render(exportOf(model), lang);
      const label = `${fieldTexts('outcome.valuePerDepartment', lang).name} – Jobcenter`;
      // Once beside the outcome's value lines ("Kilder"), once in the list of every source note.
      expect(text.split(`${label}: Biblioteksnote: nb-beskaeftigelse.dk, prisniveau 2020`), lang).toHaveLength(2);
      expect(text.split(`${label} Biblioteksnote: nb-beskaeftigelse.dk, prisniveau 2020`), lang).toHaveLength(2);
      expect(text, lang).not.toContain('valuePerDepartment.');
    }
  });

  it('with no intervention chosen the comparison uses the export defaults: seed and iterations as the report states', async () => {
    const model = comparisonCase();
    model.interventions.chosenId = undefined;
    const exported = exportOf(model);
    expect(exported.pricing.ok).toBe(false);
    const { text } = await render(exported, 'da');
    for (const row of expectedCandidateRows(model, 'da', DEFAULT_SEED, EXPORT_ITERATIONS))
      expect(text).toContain(row.line);
    expect(text).toContain(
      `${count(EXPORT_ITERATIONS)} Monte Carlo-trækninger inden for sagens scenarieintervaller, seed ${DEFAULT_SEED}`,
    );
  });
});

describe('[issue 13] the exported version is named in the report’s language', () => {
  function snapshotExport(name: string, kind: string): BuiltCaseExport {
    return buildCaseExport({
      caseId: 'case-pdf',
      model: exampleCase(),
      workshop: workshop(),
      source: 'snapshot-1',
      sourceName: { name, kind },
      now: NOW,
      seed: SEED,
      iterations: 100,
    });
  }

  it('a phase version reads "Fase 2" in Danish and "Phase 2" in English; a given name stays as given; never the id', async () => {
    const da = await render(snapshotExport('Phase 2', 'phase'), 'da');
    expect(da.pages[0]).toContain('Gemt version »Fase 2«');
    expect(da.pages[0]).not.toContain('snapshot-1');
    const en = await render(snapshotExport('Phase 2', 'phase'), 'en');
    expect(en.pages[0]).toContain('Saved version "Phase 2"');
    const signoff = await render(snapshotExport('Sign-off: Jobcenter Holbæk', 'signoff'), 'da');
    expect(signoff.pages[0]).toContain('Gemt version »Godkendelse: Jobcenter Holbæk«');
    const named = await render(snapshotExport('Før budgetmødet', 'manual'), 'da');
    expect(named.pages[0]).toContain('Gemt version »Før budgetmødet«');
  });
});
