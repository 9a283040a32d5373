import * as Y from 'yjs';
import type { CaseModelDraft, SectionName } from '../model/caseModel.ts';
import type { RichText } from '../model/primitives.ts';
import { readRichText, writeRichText } from '../richtext/convert.ts';
import { newItem } from './items.ts';
import { type ItemKind, listMap, sectionMap } from './layout.ts';

type Scalar = string | number | undefined;
type Fields = Record<string, Scalar>;

/**
 * Makes a live document's content equal to `model` with the fewest edits — fields set or
 * cleared, items added or removed, prose rewritten only where it differs — as one ordinary
 * change that everyone receives (restoring a version, importing into a fresh case). Never
 * replaces the document: a browser's offline copy would merge the old content back.
 * Requires the case structure (initCaseDoc).
 */
export function reconcileModel(doc: Y.Doc, model: CaseModelDraft): void {
  doc.transact(() => {
    const facts = section(doc, 'facts');
    setFields(facts, {
      title: model.facts.title,
      municipality: model.facts.municipality,
      currency: model.facts.currency,
      priceYear: model.facts.priceYear,
      startYear: model.facts.startYear,
      horizonYears: model.facts.horizonYears,
      discountRate: model.facts.discountRate,
      // Not the phase: it is workshop state that only the server writes (docs/workshop.md W1).
    });
    setEntries(child(facts, 'partners'), { ...model.facts.partners });
    setEntries(child(facts, 'sources'), model.facts.sources);
    reconcileList(doc, 'department', model.facts.departments, (item, { id: _id, order: _order, ...fields }) =>
      setFields(item, fields),
    );

    setRichText(section(doc, 'problem'), 'text', model.problem.text);

    const targetGroup = section(doc, 'targetGroup');
    setFields(targetGroup, { name: model.targetGroup.name, eligiblePopulation: model.targetGroup.eligiblePopulation });
    setRichText(targetGroup, 'eligibility', model.targetGroup.eligibility);
    setRichText(targetGroup, 'baseline', model.targetGroup.baseline);
    setEntries(
      child(targetGroup, 'intake'),
      Object.fromEntries(model.targetGroup.intake.map((c) => [String(c.year), c.participants])),
    );
    setEntries(child(targetGroup, 'sources'), model.targetGroup.sources);

    const interventions = section(doc, 'interventions');
    reconcileList(doc, 'intervention', model.interventions.candidates, (item, candidate) => {
      const { id: _id, order: _order, description, sources, ...fields } = candidate;
      setFields(item, fields);
      setRichText(item, 'description', description);
      setEntries(child(item, 'sources'), sources);
    });
    setFields(interventions, { chosenId: model.interventions.chosenId });
    setRichText(interventions, 'rationale', model.interventions.rationale);

    reconcileList(doc, 'outcome', model.outcomes, (item, outcome) => {
      const { id: _id, order: _order, valuePerDepartment, sources, ...fields } = outcome;
      setFields(item, fields);
      setEntries(child(item, 'valuePerDepartment'), valuePerDepartment);
      setEntries(child(item, 'sources'), sources);
    });

    const payment = section(doc, 'paymentModel');
    const { payerShares, scenarios, sources, ...paymentFields } = model.paymentModel;
    setFields(payment, paymentFields);
    setEntries(child(payment, 'payerShares'), payerShares);
    setEntries(child(payment, 'scenarios'), {
      effectLow: scenarios.effect.low,
      effectHigh: scenarios.effect.high,
      costLow: scenarios.cost.low,
      costHigh: scenarios.cost.high,
      persistenceLow: scenarios.persistence.low,
      persistenceHigh: scenarios.persistence.high,
    });
    setEntries(child(payment, 'sources'), sources);

    const evaluation = section(doc, 'evaluation');
    const { notes, earlyStop, signatories, ...evaluationFields } = model.evaluation;
    setFields(evaluation, evaluationFields);
    setRichText(evaluation, 'notes', notes);
    setRichText(evaluation, 'earlyStop', earlyStop);
    reconcileList(doc, 'signatory', signatories, (item, { id: _id, order: _order, ...fields }) =>
      setFields(item, fields),
    );
  });
}

/** Removes items not in `items`, adds the missing ones (with their nested types), updates the rest. */
function reconcileList<T extends { id: string; order: string }>(
  doc: Y.Doc,
  kind: ItemKind,
  items: readonly T[],
  update: (item: Y.Map<unknown>, value: T) => void,
): void {
  const list = listMap(doc, kind);
  if (!list) throw new Error(`reconcileModel: list ${kind} is missing`);
  const wanted = new Set(items.map((i) => i.id));
  for (const id of [...list.keys()]) if (!wanted.has(id)) list.delete(id);
  for (const value of items) {
    let item = list.get(value.id);
    if (!(item instanceof Y.Map)) {
      list.set(value.id, newItem(kind, value.order, {}));
      item = list.get(value.id);
    }
    const map = item as Y.Map<unknown>;
    if (map.get('order') !== value.order) map.set('order', value.order);
    update(map, value);
  }
}

/** Sets the given scalar fields; a field that is undefined in the model is cleared. */
function setFields(map: Y.Map<unknown>, fields: Fields | Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) {
      if (map.has(key)) map.delete(key);
    } else if ((typeof value === 'string' || typeof value === 'number') && map.get(key) !== value) {
      map.set(key, value);
    }
  }
}

/** Makes a map of scalars hold exactly these entries. */
function setEntries(map: Y.Map<unknown>, entries: Record<string, Scalar>): void {
  for (const key of [...map.keys()]) if (entries[key] === undefined) map.delete(key);
  setFields(map, entries);
}

/** Rewrites a rich-text field only when its content differs (so untouched prose keeps its history). */
function setRichText(map: Y.Map<unknown>, key: string, value: RichText): void {
  const fragment = map.get(key);
  if (!(fragment instanceof Y.XmlFragment)) throw new Error(`reconcileModel: ${key} is not initialised`);
  const current = readRichText(fragment);
  if (JSON.stringify(current.content ?? []) === JSON.stringify(value.content ?? [])) return;
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  writeRichText(fragment, value);
}

function section(doc: Y.Doc, name: SectionName): Y.Map<unknown> {
  const map = sectionMap(doc, name);
  if (!map) throw new Error(`reconcileModel: section ${name} is missing`);
  return map;
}

function child(map: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const value = map.get(key);
  if (!(value instanceof Y.Map)) throw new Error(`reconcileModel: ${key} is not initialised`);
  return value;
}
