import { addItem, getItem, initCaseDoc, sectionMap, writeShortText } from '@caseroom/shared';
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ItemFields } from './fields/ContainerFields.tsx';
import { CandidateRatesTable } from './interventions/CandidateRatesTable.tsx';
import { renderSectionForm } from './renderSectionForm.ts';

// A field that exists only in the registry: the form must show it with no client change.
vi.mock('../../../../shared/src/fields/facts.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../shared/src/fields/facts.ts')>();
  const { number } = await import('../../../../shared/src/fields/kinds.ts');
  const { Count } = await import('../../../../shared/src/model/primitives.ts');
  return {
    ...original,
    FACTS_FIELDS: {
      ...original.FACTS_FIELDS,
      testField: number('count', Count, {
        da: { label: 'Testfeltets etiket', help: 'Hjælp til testfeltet.' },
        en: { label: 'Test field label', help: 'Help for the test field.' },
        sourceNote: true,
        layout: { group: 'facts.economy', columns: 3 },
      }),
    },
  };
});

/** The `<input>` tag that carries this finding path. */
function inputAt(html: string, path: string): string {
  return html.match(new RegExp(`<input[^>]*data-path="${path}"[^>]*>`))?.[0] ?? '';
}

function caseDoc(): Y.Doc {
  const doc = new Y.Doc();
  initCaseDoc(doc);
  return doc;
}

describe('section forms from the registry', () => {
  it('show a field added to the registry alone, in Danish', () => {
    const doc = caseDoc();
    sectionMap(doc, 'facts')?.set('testField', 1234);
    const html = renderSectionForm('facts', doc, { lang: 'da' });
    expect(html).toContain('Testfeltets etiket');
    expect(html).toContain('Hjælp til testfeltet.');
    expect(html).not.toContain('Test field label');
    // Its value in Danish format, its path for "go to field", its unit and its source note.
    expect(inputAt(html, 'facts/testField')).toContain('value="1.234"');
    expect(html).toContain('personer');
    expect(html).toContain('Kilde<span class="visually-hidden">: Testfeltets etiket</span>');
  });

  it('show it in English', () => {
    const html = renderSectionForm('facts', caseDoc(), { lang: 'en' });
    expect(html).toContain('Test field label');
    expect(html).toContain('Help for the test field.');
    expect(html).not.toContain('Testfeltets etiket');
  });

  it('lay the facts out under the registry’s group headings, partners before the economic frame', () => {
    const html = renderSectionForm('facts', caseDoc());
    const order = ['Sagens titel', 'Parter', 'Myndighed', 'Økonomiske rammer', 'Valuta', 'Testfeltets etiket'];
    const positions = order.map((text) => html.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Workshop state the server writes is no form field.
    expect(html).not.toContain('data-path="facts/phase"');
  });

  it('show calendar years without a thousands separator', () => {
    const doc = caseDoc();
    sectionMap(doc, 'facts')?.set('startYear', 2026);
    const html = renderSectionForm('facts', doc);
    expect(inputAt(html, 'facts/startYear')).toContain('value="2026"');
  });

  it('leave out the flat rate while the case uses the Danish schedule (layout hiddenWhen)', () => {
    const doc = caseDoc();
    const facts = sectionMap(doc, 'facts')!;
    facts.set('discountMethod', 'schedule');
    expect(inputAt(renderSectionForm('facts', doc), 'facts/discountRate')).toBe('');
    facts.set('discountMethod', 'flat');
    expect(inputAt(renderSectionForm('facts', doc), 'facts/discountRate')).not.toBe('');
    facts.delete('discountMethod'); // a stored case: its flat rate is used, so it is shown
    expect(inputAt(renderSectionForm('facts', doc), 'facts/discountRate')).not.toBe('');
  });

  it('make every control read-only for an observer', () => {
    const html = renderSectionForm('facts', caseDoc(), { role: 'observer' });
    const inputs = html.match(/<input[^>]*>/g) ?? [];
    expect(inputs.length).toBeGreaterThan(5);
    // A text or number input is read-only; a radio cannot be, so it is disabled.
    for (const input of inputs) expect(input).toMatch(/readOnly|disabled=""/);
  });
});

describe('list items from the registry', () => {
  it('lay out an outcome with its groups, a value per department and paths by id', () => {
    const doc = caseDoc();
    addItem(doc, 'department', 'd1');
    writeShortText(getItem(doc, 'department', 'd1') as Y.Map<unknown>, 'name', 'Jobcenter');
    addItem(doc, 'outcome', 'o1');
    // P19: without a chosen candidate the expected rate says where it is entered.
    expect(renderSectionForm('outcomes', doc)).toContain('Hver indsats har sit eget forventede niveau');
    addItem(doc, 'intervention', 'i1');
    (getItem(doc, 'intervention', 'i1')!.get('expectedRates') as Y.Map<unknown>).set('o1', 0.375);
    sectionMap(doc, 'interventions')?.set('chosenId', 'i1');
    const html = renderSectionForm('outcomes', doc);
    expect(inputAt(html, 'outcomes/o1/expectedRate')).toContain('value="37,5"');
    expect(html).toContain('data-path="outcomes/o1/valuePerDepartment"');
    expect(inputAt(html, 'outcomes/o1/valuePerDepartment/d1')).not.toBe('');
    expect(html).toContain('Værdi for Jobcenter');
    const order = [
      'Definition',
      'Forventet effekt',
      'Forventet niveau',
      'Værdi pr. opnået resultat',
      'Resultatbetaling',
    ];
    const positions = order.map((text) => html.indexOf(text));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('[P19] show each candidate’s expected rate per outcome in its form and in the candidate × outcome table', () => {
    const doc = caseDoc();
    addItem(doc, 'outcome', 'o1');
    writeShortText(getItem(doc, 'outcome', 'o1') as Y.Map<unknown>, 'name', 'Job');
    addItem(doc, 'intervention', 'i1');
    addItem(doc, 'intervention', 'i2');
    writeShortText(getItem(doc, 'intervention', 'i2') as Y.Map<unknown>, 'name', 'Mentor');
    (getItem(doc, 'intervention', 'i2')!.get('expectedRates') as Y.Map<unknown>).set('o1', 0.3);
    const form = (id: string) => () =>
      createElement(ItemFields, { kind: 'intervention', item: getItem(doc, 'intervention', id)!, id });
    expect(
      inputAt(
        renderSectionForm('interventions', doc, { view: form('i2') }),
        'interventions/candidates/i2/expectedRates/o1',
      ),
    ).toContain('value="30"');
    expect(
      inputAt(
        renderSectionForm('interventions', doc, { view: form('i1') }),
        'interventions/candidates/i1/expectedRates/o1',
      ),
    ).toContain('value=""');
    const table = renderSectionForm('interventions', doc, { view: CandidateRatesTable });
    expect(table).toContain('class="data-table candidate-rates-table"');
    expect(table).toContain('Mentor: forventet niveau for Job');
    expect(table).toContain('value="30"');
  });
});
