import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { exampleCase } from '../example/exampleCase.ts';
import { describeChange } from '../history/describeChange.ts';
import { diffModels } from '../history/diffModels.ts';
import { CaseModelDraft } from '../model/caseModel.ts';
import { EvaluationDraft, SignatoryDraft } from '../model/evaluation.ts';
import { DepartmentDraft, FactsDraft, PartnersDraft } from '../model/facts.ts';
import { InterventionDraft, InterventionsDraft } from '../model/intervention.ts';
import { OutcomeDraft } from '../model/outcome.ts';
import { PaymentModelDraft } from '../model/paymentModel.ts';
import { ProblemDraft } from '../model/problem.ts';
import { TargetGroupDraft } from '../model/targetGroup.ts';
import { richTextFromParagraphs } from '../richtext/convert.ts';
import { makeCaseDoc } from '../testing/docs.ts';
import { fieldLabel } from '../validation/labels.ts';
import { ITEM_CHILDREN, SECTION_CHILDREN } from '../ydoc/layout.ts';
import { reconcileModel } from '../ydoc/reconcile.ts';
import { toModel } from '../ydoc/toModel.ts';
import { writeModel } from '../ydoc/writeModel.ts';
import { INTERVENTION_FIELDS } from './interventions.ts';
import { allFields, type Container, choiceName, fieldsOf, holderOf, type RegisteredField } from './registry.ts';

/**
 * Each container's zod object and the keys in it that are structure, not fields (ids, order
 * keys, lists, source notes, nested maps modelled as their own container, scenario ranges).
 */
const MODEL_OBJECTS: Record<Container, { schema: z.ZodObject; structure: string[] }> = {
  facts: { schema: FactsDraft, structure: ['partners', 'departments', 'sources'] },
  'facts.partners': { schema: PartnersDraft, structure: [] },
  department: { schema: DepartmentDraft, structure: ['id', 'order'] },
  problem: { schema: ProblemDraft, structure: [] },
  targetGroup: { schema: TargetGroupDraft, structure: ['sources'] },
  interventions: { schema: InterventionsDraft, structure: ['candidates'] },
  intervention: { schema: InterventionDraft, structure: ['id', 'order', 'sources'] },
  outcome: { schema: OutcomeDraft, structure: ['id', 'order', 'sources', 'libraryLinks'] },
  paymentModel: { schema: PaymentModelDraft, structure: ['scenarios', 'sources'] },
  evaluation: { schema: EvaluationDraft, structure: ['signatories'] },
  signatory: { schema: SignatoryDraft, structure: ['id', 'order'] },
};

/** Where a container's values sit in a model. */
function containerValues(model: CaseModelDraft, container: Container): Record<string, unknown>[] {
  switch (container) {
    case 'facts.partners':
      return [model.facts.partners];
    case 'department':
      return model.facts.departments;
    case 'intervention':
      return model.interventions.candidates;
    case 'outcome':
      return model.outcomes;
    case 'signatory':
      return model.evaluation.signatories;
    default:
      return [model[container]];
  }
}

/** A value of the field's kind that differs from `current`. */
function otherValue(field: RegisteredField, current: unknown): unknown {
  switch (field.kind) {
    case 'richText':
      return richTextFromParagraphs('Ændret af testen.');
    case 'shortText':
      return `${current ?? ''}x`;
    case 'reference':
      return current === 'int-other' ? 'int-another' : 'int-other';
    case 'number':
      return typeof current === 'number' ? current + 1 : 1;
    case 'choice':
      return field.choices.find((choice) => choice !== current);
    case 'numberRecord':
      return { ...(current as Record<string, number>), 'dep-test': 0.25 };
    case 'cohorts':
      return [...(current as unknown[]), { year: 9, participants: 12 }];
    case 'measurementPoints':
      return [...(current as unknown[]), { id: 'point-test', months: 36, price: 1000, basis: 'all' }];
  }
}

describe('the field registry', () => {
  it('lists exactly the fields of the zod model, container by container', () => {
    for (const [container, { schema, structure }] of Object.entries(MODEL_OBJECTS) as [
      Container,
      (typeof MODEL_OBJECTS)[Container],
    ][]) {
      const modelFields = Object.keys(schema.shape).filter((key) => !structure.includes(key));
      expect(modelFields.sort(), container).toEqual(
        fieldsOf(container)
          .map((field) => field.key)
          .sort(),
      );
    }
  });

  it('every field has a Danish and an English label, and help in both languages or in neither', () => {
    for (const field of allFields()) {
      expect(field.da.label.trim(), field.labelKey).not.toBe('');
      expect(field.en.label.trim(), field.labelKey).not.toBe('');
      expect(field.da.help === undefined, field.labelKey).toBe(field.en.help === undefined);
      expect(fieldLabel(field.labelKey, 'da')).not.toBe(field.labelKey);
      expect(fieldLabel(field.labelKey, 'en')).not.toBe(field.labelKey);
    }
  });

  it('every choice names each of its options in both languages, once; a change line and the name agree', () => {
    const choices = allFields().filter((field) => field.kind === 'choice');
    expect(choices.length).toBeGreaterThan(0);
    for (const field of choices) {
      expect(Object.keys(field.names).sort(), field.labelKey).toEqual([...field.choices].sort());
      for (const value of field.choices) {
        for (const lang of ['da', 'en'] as const) {
          expect(choiceName(field.labelKey, value, lang)?.trim(), `${field.labelKey} ${value} ${lang}`).toBeTruthy();
        }
      }
    }
    expect(choiceName('outcome.direction', 'toString', 'da')).toBeUndefined();
    expect(choiceName('outcome.name', 'higher', 'da')).toBeUndefined();
    const change = {
      kind: 'field' as const,
      section: 'outcomes' as const,
      path: ['outcomes', 'o1', 'direction'],
      labelKey: 'outcome.direction',
      before: 'higher',
      after: 'lower',
    };
    expect(describeChange(change, 'da')).toBe('Retning: Højere er bedre → Lavere er bedre');
    expect(describeChange(change, 'en')).toContain('Higher is better → Lower is better');
  });

  it('a holder keeps a sources map in the document and in the model exactly when one of its fields takes a note', () => {
    for (const container of Object.keys(MODEL_OBJECTS) as Container[]) {
      const holder = holderOf(container);
      if ('map' in holder && holder.map) continue; // a nested map's notes would sit in its section's map
      const children = 'list' in holder ? ITEM_CHILDREN[holder.list] : SECTION_CHILDREN[holder.section];
      const takesNotes = fieldsOf(container).some((field) => field.sourceNote);
      expect(children.maps.includes('sources'), container).toBe(takesNotes);
      expect(MODEL_OBJECTS[container].structure.includes('sources'), container).toBe(takesNotes);
    }
  });

  it('only numbers, number maps and rate cards take a source note', () => {
    for (const field of allFields().filter((f) => f.sourceNote)) {
      expect(['number', 'numberRecord', 'cohorts', 'measurementPoints'], field.labelKey).toContain(field.kind);
    }
  });

  it.each(
    allFields()
      .filter((field) => !('workshopState' in field && field.workshopState))
      .map((field) => [field.labelKey, field] as const),
  )('%s is written by reconcileModel, read by toModel and named in a change description', (_labelKey, field) => {
    const changed = exampleCase();
    const holders = containerValues(changed, field.container);
    expect(holders.length, `the example has a ${field.container}`).toBeGreaterThan(0);
    const holder = holders[0]!;
    const value = otherValue(field, holder[field.key]);
    // P19: a field kept in the chosen candidate is changed there, and its change named by that field.
    const chosen = changed.interventions.candidates.find((c) => c.id === changed.interventions.chosenId)!;
    const keptIn = field.kind === 'number' && field.ofChosenCandidate;
    if (keptIn) chosen[keptIn][holder.id as string] = value as number;
    else holder[field.key] = value;
    expect(CaseModelDraft.safeParse(changed).success).toBe(true);

    const doc = makeCaseDoc();
    writeModel(doc, exampleCase());
    reconcileModel(doc, changed);
    const read = toModel(doc);
    expect(containerValues(read, field.container)[0]![field.key]).toEqual(value);

    const named = keptIn ? INTERVENTION_FIELDS[keptIn].en : field.en;
    const lines = diffModels(exampleCase(), read).map((change) => describeChange(change, 'en'));
    expect(
      lines.some((line) => line.includes(named.name ?? named.label)),
      lines.join('\n'),
    ).toBe(true);
  });
});
