import * as Y from 'yjs';
import type { CaseModelDraft } from '../model/caseModel.ts';
import type { RichText } from '../model/primitives.ts';
import { writeRichText } from '../richtext/convert.ts';
import { newItem } from './items.ts';
import { type ItemKind, listMap, sectionMap } from './layout.ts';

type Scalar = string | number | undefined;

/**
 * Writes a whole model into a freshly initialised document (initCaseDoc), in one
 * transaction: the built-in example, an imported case. Never used on a live document — a
 * browser's offline copy would merge the old content back in.
 */
export function writeModel(doc: Y.Doc, model: CaseModelDraft): void {
  doc.transact(() => {
    const facts = section(doc, 'facts');
    setScalars(facts, {
      title: model.facts.title,
      municipality: model.facts.municipality,
      currency: model.facts.currency,
      priceYear: model.facts.priceYear,
      startYear: model.facts.startYear,
      horizonYears: model.facts.horizonYears,
      discountRate: model.facts.discountRate,
      phase: model.facts.phase,
    });
    setScalars(child(facts, 'partners'), { ...model.facts.partners });
    setScalars(child(facts, 'sources'), model.facts.sources);
    for (const department of model.facts.departments) {
      const { id, order, ...fields } = department;
      addWithOrder(doc, 'department', id, order, fields);
    }

    writeRichText(fragment(section(doc, 'problem'), 'text'), model.problem.text);

    const targetGroup = section(doc, 'targetGroup');
    setScalars(targetGroup, {
      name: model.targetGroup.name,
      eligiblePopulation: model.targetGroup.eligiblePopulation,
    });
    writeRichText(fragment(targetGroup, 'eligibility'), model.targetGroup.eligibility);
    writeRichText(fragment(targetGroup, 'baseline'), model.targetGroup.baseline);
    const intake = child(targetGroup, 'intake');
    for (const cohort of model.targetGroup.intake) intake.set(String(cohort.year), cohort.participants);
    setScalars(child(targetGroup, 'sources'), model.targetGroup.sources);

    const interventions = section(doc, 'interventions');
    for (const candidate of model.interventions.candidates) {
      const { id, order, description, sources, ...fields } = candidate;
      const item = addWithOrder(doc, 'intervention', id, order, fields);
      writeRichText(fragment(item, 'description'), description);
      setScalars(child(item, 'sources'), sources);
    }
    setScalars(interventions, { chosenId: model.interventions.chosenId });
    writeRichText(fragment(interventions, 'rationale'), model.interventions.rationale);

    for (const outcome of model.outcomes) {
      const { id, order, valuePerDepartment, sources, ...fields } = outcome;
      const item = addWithOrder(doc, 'outcome', id, order, fields);
      setScalars(child(item, 'valuePerDepartment'), valuePerDepartment);
      setScalars(child(item, 'sources'), sources);
    }

    const payment = section(doc, 'paymentModel');
    const { payerShares, scenarios, sources, ...paymentFields } = model.paymentModel;
    setScalars(payment, paymentFields);
    setScalars(child(payment, 'payerShares'), payerShares);
    setScalars(child(payment, 'scenarios'), {
      effectLow: scenarios.effect.low,
      effectHigh: scenarios.effect.high,
      costLow: scenarios.cost.low,
      costHigh: scenarios.cost.high,
      persistenceLow: scenarios.persistence.low,
      persistenceHigh: scenarios.persistence.high,
    });
    setScalars(child(payment, 'sources'), sources);

    const evaluation = section(doc, 'evaluation');
    const { notes, earlyStop, signatories, ...evaluationFields } = model.evaluation;
    setScalars(evaluation, evaluationFields);
    writeRichText(fragment(evaluation, 'notes'), notes);
    writeRichText(fragment(evaluation, 'earlyStop'), earlyStop);
    for (const signatory of signatories) {
      const { id, order, ...fields } = signatory;
      addWithOrder(doc, 'signatory', id, order, fields);
    }
  });
}

function section(doc: Y.Doc, name: Parameters<typeof sectionMap>[1]): Y.Map<unknown> {
  const map = sectionMap(doc, name);
  if (!map) throw new Error(`writeModel: section ${name} is missing`);
  return map;
}

function child(map: Y.Map<unknown>, key: string): Y.Map<unknown> {
  const value = map.get(key);
  if (!(value instanceof Y.Map)) throw new Error(`writeModel: ${key} is not initialised`);
  return value;
}

function fragment(map: Y.Map<unknown>, key: string): Y.XmlFragment {
  const value = map.get(key);
  if (!(value instanceof Y.XmlFragment)) throw new Error(`writeModel: ${key} is not initialised`);
  return value;
}

function setScalars(map: Y.Map<unknown>, values: Record<string, Scalar | RichText>): void {
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number') map.set(key, value);
  }
}

function addWithOrder(
  doc: Y.Doc,
  kind: ItemKind,
  id: string,
  order: string,
  fields: Record<string, Scalar>,
): Y.Map<unknown> {
  const list = listMap(doc, kind);
  if (!list) throw new Error(`writeModel: list ${kind} is missing`);
  list.set(id, newItem(kind, order, fields));
  return list.get(id) as Y.Map<unknown>;
}
