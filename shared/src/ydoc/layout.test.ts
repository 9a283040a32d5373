import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { allFields } from '../fields/registry.ts';
import { SECTIONS } from '../model/caseModel.ts';
import { makeCaseDoc } from '../testing/docs.ts';
import { newItem } from './items.ts';
import {
  ITEM_CHILDREN,
  type ItemKind,
  LAYOUT_VERSION,
  type LayoutChildren,
  LISTS,
  nestedTypeOf,
  SECTION_CHILDREN,
  SHORT_TEXT_PATHS,
  sectionMap,
} from './layout.ts';
import { LAYOUT_2_ITEM_CHILDREN, LAYOUT_2_SECTION_CHILDREN } from './migrations/layout2.ts';

/** Every nested shared type below a map, as `path: type`, depth first in key order. */
function nestedTypes(map: Y.Map<unknown>, prefix = ''): string[] {
  const found: string[] = [];
  for (const key of [...map.keys()].sort()) {
    const value = map.get(key);
    const path = `${prefix}${key}`;
    if (value instanceof Y.Map) {
      found.push(`${path}: map`);
      // Lists' items and records' entries are content, not layout.
      if (!Object.values(LISTS).some((list) => list.key === key)) found.push(...nestedTypes(value, `${path}/`));
    } else if (value instanceof Y.XmlFragment) found.push(`${path}: richText`);
    else if (value instanceof Y.Text) found.push(`${path}: shortText`);
  }
  return found;
}

/** What a layout says one holder has, in the form `nestedTypes` reads a document. */
function declared(children: LayoutChildren): string[] {
  return [
    ...children.maps.map((path) => `${path}: map`),
    ...children.richText.map((path) => `${path}: richText`),
    ...children.shortText.map((path) => `${path}: shortText`),
  ].sort();
}

describe('the document layout derived from the field registry', () => {
  it('is exactly layout 2 plus layout 3’s candidate rates (P19), layout 4’s rate cards (P7) and layout 5’s library links, order included', () => {
    // A field in a nested type added to the registry changes this: it takes a layout step
    // (layout.ts SECTION_CHILDREN), after which the test below still holds layout 2 in place.
    expect(LAYOUT_VERSION).toBe(5);
    expect(SECTION_CHILDREN).toEqual(LAYOUT_2_SECTION_CHILDREN);
    const { intervention, outcome } = LAYOUT_2_ITEM_CHILDREN;
    expect(ITEM_CHILDREN).toEqual({
      ...LAYOUT_2_ITEM_CHILDREN,
      intervention: { ...intervention, maps: ['expectedRates', ...intervention.maps] },
      outcome: { ...outcome, maps: ['valuePerDepartment', 'points', 'libraryLinks', 'sources'] },
    });
  });

  it('keeps every child of layout 2, of the same type, in the same order (a later layout only adds)', () => {
    const keeps = (derived: LayoutChildren, frozen: LayoutChildren, where: string) => {
      for (const type of ['maps', 'richText', 'shortText'] as const) {
        expect(
          derived[type].filter((path) => frozen[type].includes(path)),
          `${where} ${type}`,
        ).toEqual(frozen[type]);
      }
    };
    for (const section of SECTIONS) keeps(SECTION_CHILDREN[section], LAYOUT_2_SECTION_CHILDREN[section], section);
    for (const kind of Object.keys(LAYOUT_2_ITEM_CHILDREN) as ItemKind[]) {
      keeps(ITEM_CHILDREN[kind], LAYOUT_2_ITEM_CHILDREN[kind], kind);
    }
  });

  it('gives every prose, short-text and map field of the registry its nested type, and no scalar one', () => {
    const paths = new Set([
      ...SECTIONS.flatMap((section) => declared(SECTION_CHILDREN[section]).map((entry) => `${section}/${entry}`)),
      ...(Object.keys(LISTS) as ItemKind[]).flatMap((kind) =>
        declared(ITEM_CHILDREN[kind]).map((entry) => `${kind}/${entry}`),
      ),
    ]);
    for (const field of allFields()) {
      const type = nestedTypeOf(field);
      const holder = field.container === 'facts.partners' ? 'facts/partners' : field.container;
      const entry = (t: string) => `${holder}/${field.key}: ${t === 'maps' ? 'map' : t}`;
      for (const t of ['maps', 'richText', 'shortText']) {
        expect(paths.has(entry(t)), `${field.labelKey} as ${t}`).toBe(type === t);
      }
    }
    expect(nestedTypeOf(allFields().find((f) => f.labelKey === 'facts.currency')!)).toBeUndefined();
  });

  it('initCaseDoc creates exactly the declared children of every section', () => {
    const doc = makeCaseDoc();
    for (const section of SECTIONS) {
      expect(nestedTypes(sectionMap(doc, section)!).sort(), section).toEqual(declared(SECTION_CHILDREN[section]));
    }
  });

  it('newItem creates exactly the declared children of every item kind, short texts holding the given words', () => {
    for (const kind of Object.keys(LISTS) as ItemKind[]) {
      const doc = new Y.Doc();
      const item = newItem(kind, 'a0', { name: 'Navn' });
      doc.getMap('holder').set('item', item);
      expect(nestedTypes(item).sort(), kind).toEqual(declared(ITEM_CHILDREN[kind]));
      expect(String(item.get('name')), kind).toBe('Navn');
    }
  });

  it('lists the same short texts for the write guard as before (SHORT_TEXT_PATHS)', () => {
    expect([...SHORT_TEXT_PATHS].sort()).toEqual(
      [
        'facts/title',
        'facts/municipality',
        'facts/partners/authority',
        'facts/partners/provider',
        'facts/partners/investor',
        'facts/partners/guarantor',
        'targetGroup/name',
        'evaluation/dataSources',
        'evaluation/measurementPoints',
        'evaluation/evaluator',
        'evaluation/contractParties',
        'facts/departments/*/name',
        'interventions/candidates/*/name',
        'interventions/candidates/*/provider',
        'outcomes/items/*/name',
        'outcomes/items/*/definition',
        'outcomes/items/*/dataSource',
        'outcomes/items/*/measurementMethod',
        'evaluation/signatories/*/name',
        'evaluation/signatories/*/organisation',
      ].sort(),
    );
  });
});
