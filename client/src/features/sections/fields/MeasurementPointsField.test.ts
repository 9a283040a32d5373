import {
  addItem,
  addMeasurementPoint,
  getItem,
  initCaseDoc,
  MAX_MEASUREMENT_POINTS,
  nestedMap,
  POINTS_KEY,
  sectionMap,
} from '@caseroom/shared';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RenderFormOptions } from '../renderSectionForm.ts';
import { renderSectionForm } from '../renderSectionForm.ts';
import { MeasurementPointsField, readMonths } from './MeasurementPointsField.tsx';

const PATH = 'outcomes/o1/points';

/** A case with one outcome whose rate card holds the given points (id → values). */
function outcomeWithPoints(points: Record<string, { months?: number; price?: number; basis?: 'all' | 'additional' }>) {
  const doc = new Y.Doc();
  initCaseDoc(doc);
  addItem(doc, 'outcome', 'o1');
  const item = getItem(doc, 'outcome', 'o1');
  const card = nestedMap(item, POINTS_KEY);
  if (!card) throw new Error('an outcome is created with its rate card');
  doc.transact(() => {
    for (const [id, values] of Object.entries(points)) addMeasurementPoint(card, id, values);
  });
  return { doc, card, sources: nestedMap(item, 'sources') };
}

function render(
  { doc, card, sources }: ReturnType<typeof outcomeWithPoints>,
  options: Omit<RenderFormOptions, 'view'> = {},
): string {
  const view = () =>
    createElement(MeasurementPointsField, {
      points: card,
      sources,
      sourceKey: POINTS_KEY,
      label: 'Målepunkter og priser',
      help: 'Hvornår der måles.',
      path: PATH,
    });
  return renderSectionForm('outcomes', doc, { ...options, view });
}

/** The opening tag of the control that carries this finding path. */
function controlAt(html: string, path: string): string {
  return html.match(new RegExp(`<(?:input|select)[^>]*data-path="${path}"[^>]*>`))?.[0] ?? '';
}

/** The `<button …>…</button>` whose tag contains `text`. */
function buttonWith(html: string, text: string): string {
  return (html.match(/<button[^>]*>.*?<\/button>/g) ?? []).find((button) => button.includes(text)) ?? '';
}

describe('MeasurementPointsField (P7 rate card)', () => {
  const twoPoints = () =>
    outcomeWithPoints({
      late: { months: 24, price: 20000, basis: 'all' },
      early: { months: 12, price: 12500.5, basis: 'additional' },
    });

  it('shows one row per point in months order, whatever order they were added in', () => {
    const html = render(twoPoints());
    const early = html.indexOf(`data-path="${PATH}/early/months"`);
    const late = html.indexOf(`data-path="${PATH}/late/months"`);
    expect(early).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(early);
    expect(html.match(/<tr data-path=/g)).toHaveLength(2);
  });

  it('shows months, the year after intake, the price in Danish format and the basis', () => {
    const html = render(twoPoints());
    expect(controlAt(html, `${PATH}/early/months`)).toContain('value="12"');
    expect(controlAt(html, `${PATH}/late/months`)).toContain('value="24"');
    // floor(m / 12) + 1: 12 months is in year 2, 24 months in year 3.
    expect(html).toContain('= år 2');
    expect(html).toContain('= år 3');
    expect(controlAt(html, `${PATH}/early/price`)).toContain('value="12.500,5"');
    expect(controlAt(html, `${PATH}/late/price`)).toContain('value="20.000"');
    expect(html).toContain('kr.');
    // The basis select shows the chosen option (index in PAYMENT_BASES: all = 0, additional = 1).
    const lateBasis = html.slice(html.indexOf(`data-path="${PATH}/late/basis"`));
    expect(lateBasis).toMatch(/^[^>]*>.*?<option value="0" selected="">Alle opnåede resultater<\/option>/);
    const earlyBasis = html.slice(html.indexOf(`data-path="${PATH}/early/basis"`));
    expect(earlyBasis).toMatch(
      /^[^>]*>.*?<option value="1" selected="">Kun resultater ud over basisniveauet<\/option>/,
    );
    // The source note and the headings that name the columns.
    expect(html).toContain('Kilde<span class="visually-hidden">: Målepunkter og priser</span>');
    expect(html).toContain('Måneder efter start');
    expect(html).toContain('Pris pr. resultat');
  });

  it('names each remove button by the point it removes', () => {
    const html = render(twoPoints());
    expect(buttonWith(html, 'aria-label="Fjern målepunkt 12 måneder"')).toContain('Fjern');
    expect(buttonWith(html, 'aria-label="Fjern målepunkt 24 måneder"')).toContain('Fjern');
    // The price's accessible name says which point it belongs to.
    expect(html).toContain('Pris pr. resultat, målepunkt 24 måneder');
  });

  it('names a point without months by its row and shows no year for it', () => {
    const html = render(outcomeWithPoints({ a: { months: 0 }, b: {} }));
    expect(buttonWith(html, 'aria-label="Fjern målepunkt 0 måneder"')).not.toBe('');
    expect(buttonWith(html, 'aria-label="Fjern målepunkt 2"')).not.toBe('');
    expect(html.match(/class="year-hint"/g)).toHaveLength(1);
    expect(html).toContain('= år 1');
  });

  it('says when a point lies past the case’s horizon, so it is not paid', () => {
    const card = twoPoints();
    sectionMap(card.doc, 'facts')?.set('horizonYears', 2);
    const html = render(card);
    // 12 months is year 2 of a 2-year horizon: paid; 24 months is year 3: past it.
    expect(html.match(/past-horizon/g)).toHaveLength(1);
    expect(html).toContain('= år 3 – efter sagens horisont på 2 år, betales ikke');
    expect(html).not.toContain('= år 2 –');
    sectionMap(card.doc, 'facts')?.set('horizonYears', 3);
    expect(render(card)).not.toContain('past-horizon');
  });

  it('offers "add" below twelve points and disables it, saying why, at twelve', () => {
    const eleven = Object.fromEntries(
      Array.from({ length: MAX_MEASUREMENT_POINTS - 1 }, (_, i) => [`p${i}`, { months: i * 12 }]),
    );
    const open = buttonWith(render(outcomeWithPoints(eleven)), 'Tilføj målepunkt');
    expect(open).not.toBe('');
    expect(open).not.toContain('disabled');

    const twelve = { ...eleven, last: { months: 600 } };
    const html = render(outcomeWithPoints(twelve));
    expect(html.match(/<tr data-path=/g)).toHaveLength(MAX_MEASUREMENT_POINTS);
    const full = buttonWith(html, 'Tilføj målepunkt');
    expect(full).toContain('disabled=""');
    const described = full.match(/aria-describedby="([^"]+)"/)?.[1];
    expect(described).toBeTruthy();
    expect(html).toContain(`id="${described}">Et resultatmål kan højst have 12 målepunkter`);
  });

  it('shows the empty state with the add button', () => {
    const html = render(outcomeWithPoints({}));
    expect(html).toContain('Ingen målepunkter endnu.');
    expect(html).not.toContain('<table');
    expect(buttonWith(html, 'Tilføj målepunkt')).not.toContain('disabled');
  });

  it('is read-only for an observer: no add or remove, inputs read-only, the select disabled', () => {
    const html = render(twoPoints(), { role: 'observer' });
    expect(html).not.toContain('Tilføj målepunkt');
    expect(html).not.toContain('Fjern målepunkt');
    expect(controlAt(html, `${PATH}/early/months`)).toContain('readOnly');
    expect(controlAt(html, `${PATH}/early/price`)).toContain('readOnly');
    expect(controlAt(html, `${PATH}/early/basis`)).toContain('disabled');
  });

  it('speaks English', () => {
    const html = render(twoPoints(), { lang: 'en' });
    expect(html).toContain('= year 2');
    expect(buttonWith(html, 'aria-label="Remove measurement point 24 months"')).not.toBe('');
    expect(html).toContain('Add measurement point');
    expect(html).toContain('Only outcomes above the baseline');
  });

  it('accepts whole months from 0 to 600 and refuses the rest before anything is written', () => {
    expect(readMonths('0')).toEqual({ ok: true, value: 0 });
    expect(readMonths(' 600 ')).toEqual({ ok: true, value: 600 });
    expect(readMonths('')).toEqual({ ok: true, value: undefined });
    expect(readMonths('601')).toEqual({ ok: false, error: 'tooManyMonths' });
    expect(readMonths('1.200')).toEqual({ ok: false, error: 'tooManyMonths' });
    expect(readMonths('12,5')).toEqual({ ok: false, error: 'notWhole' });
    expect(readMonths('-3')).toEqual({ ok: false, error: 'negative' });
    expect(readMonths('to år')).toEqual({ ok: false, error: 'notANumber' });
  });
});
