import {
  buildCaseExport,
  type CaseModelDraft,
  exampleCase,
  figureFormat,
  richTextFromParagraphs,
  type WorkshopRecord,
} from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { makeWorkshopRecord } from '../../../../shared/src/testing/workshopRecord.ts';
import type { AnnexBlock } from './annexBlocks.ts';
import { contractAnnex } from './annexContent.ts';

const NOW = new Date('2026-11-28T10:00:00.000Z');

function exportOf(model: CaseModelDraft, workshop: Partial<WorkshopRecord> = {}) {
  return buildCaseExport({
    caseId: 'case-annex',
    model,
    workshop: makeWorkshopRecord({ phase: 3, ...workshop }),
    source: 'current',
    now: NOW,
    iterations: 200,
  });
}

const headings = (blocks: AnnexBlock[], level: 1 | 2 | 3) =>
  blocks.filter((b): b is Extract<AnnexBlock, { kind: 'heading' }> => b.kind === 'heading' && b.level === level);
const tables = (blocks: AnnexBlock[]) =>
  blocks.filter((b): b is Extract<AnnexBlock, { kind: 'table' }> => b.kind === 'table');
const allText = (blocks: AnnexBlock[]) =>
  blocks
    .flatMap((b) =>
      b.kind === 'fields'
        ? b.rows.flatMap((r) => [r.label, r.value])
        : b.kind === 'table'
          ? [...b.columns.map((c) => c.header), ...b.rows.flat()]
          : [b.text],
    )
    .join('\n');

describe('contractAnnex', () => {
  it('lists the eight parts in order, in Danish and English, with the same tables in both', () => {
    const exported = exportOf(exampleCase());
    const da = contractAnnex(exported, 'da');
    const en = contractAnnex(exported, 'en');
    expect(headings(da.blocks, 1).map((h) => h.text)).toEqual([
      '1. Parter og underskrivere',
      '2. Løbetid og ophør før tid',
      '3. Målgruppe og optag',
      '4. Den valgte indsats',
      '5. Resultatmål og takster',
      '6. Betalingsmodel',
      '7. Evalueringsdesign',
      '8. Business casens nøgletal',
    ]);
    expect(headings(en.blocks, 1).map((h) => h.text)[4]).toBe('5. Outcomes and rate card');
    expect(da.title).toBe('Kontraktbilag: Sygedagpenge og psykisk sygdom (illustrativt eksempel)');
    expect(tables(en.blocks).map((t) => t.rows.length)).toEqual(tables(da.blocks).map((t) => t.rows.length));
    expect(allText(da.blocks)).toContain(exported.version.contentHash);
  });

  it('gives every outcome its rate card, one row per measurement point in months order', () => {
    const model = exampleCase();
    const first = model.outcomes[0];
    if (!first) throw new Error('the example has outcomes');
    first.points = [
      { id: 'p2', months: 24, price: 50_000, basis: 'all' },
      { id: 'p1', months: 6, price: 125_000, basis: 'additional' },
    ];
    const annex = contractAnnex(exportOf(model), 'da');
    const cards = tables(annex.blocks).filter((t) => t.columns[2]?.header === 'Pris pr. resultat');
    expect(cards).toHaveLength(model.outcomes.length);
    expect(cards[0]?.rows).toEqual([
      ['6', '1', figureFormat.money(125_000), 'Kun resultater ud over basisniveauet'],
      ['24', '3', figureFormat.money(50_000), 'Alle opnåede resultater'],
    ]);
    for (const outcome of model.outcomes) expect(headings(annex.blocks, 2).map((h) => h.text)).toContain(outcome.name);
  });

  it('names the person who signed for each party; imported sign-offs are left out', () => {
    const exported0 = exportOf(exampleCase());
    const hash = exported0.version.contentHash;
    const exported = buildCaseExport({
      caseId: 'case-annex',
      model: exampleCase(),
      workshop: makeWorkshopRecord({
        signoffs: {
          'p-job': { hash, partyName: 'Jobcenter', signerName: 'Hanne Økonomi', at: '2026-11-27T12:00:00.000Z' },
          'p-inv': { hash: 'a'.repeat(64), partyName: 'Investor', at: '2026-11-26T12:00:00.000Z' },
        },
      }),
      importedHistory: {
        decisions: [],
        signoffs: [{ partyId: 'x', hash, partyName: 'Gammel part', at: '2026-01-01T00:00:00.000Z' }],
      },
      source: 'current',
      now: NOW,
      iterations: 200,
    });
    const table = tables(contractAnnex(exported, 'en').blocks).find((t) => t.columns[1]?.header === 'Signed by (name)');
    expect(table?.rows).toEqual([
      ['Investor', '– (no name given)', '2026-11-26 12:00 (UTC)', 'Another version (aaaaaaaa)'],
      ['Jobcenter', 'Hanne Økonomi', '2026-11-27 12:00 (UTC)', 'This version'],
    ]);
  });

  it('keeps hostile text as text, drops controls and bidi overrides, keeps RTL marks, never cuts', () => {
    const model = exampleCase();
    const long = `Start${'x'.repeat(5000)}Slut`;
    const outcome = model.outcomes[0];
    if (!outcome) throw new Error('the example has outcomes');
    outcome.definition = '<script>&]]>\u200F\u202Eevil\u0000\u0007';
    model.evaluation.earlyStop = richTextFromParagraphs(long);
    const text = allText(contractAnnex(exportOf(model), 'da').blocks);
    expect(text).toContain('<script>&]]>\u200Fevil');
    for (const dropped of ['\u0000', '\u0007', '\u202E']) expect(text).not.toContain(dropped);
    expect(text).toContain(long);
  });
});
