import * as Y from 'yjs';
import { type Container, fieldsOf } from '../fields/registry.ts';
import type { LibraryLinks } from '../library/libraryEntry.ts';
import type { CaseModelDraft, SectionName } from '../model/caseModel.ts';
import type { Intake } from '../model/intake.ts';
import type { MeasurementPointDraft } from '../model/measurementPoint.ts';
import type { RichText } from '../model/primitives.ts';
import { readRichText, writeRichText } from '../richtext/convert.ts';
import { type FieldValue, setField } from './edit.ts';
import { newItem } from './items.ts';
import { type ItemKind, listMap, sectionMap } from './layout.ts';
import { writeLibraryLinks } from './libraryValue.ts';
import { addMeasurementPoint, removeMeasurementPoint } from './measurementPoints.ts';
import { writeShortText } from './shortText.ts';

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
    writeFields('facts', facts, model.facts);
    writeFields('facts.partners', child(facts, 'partners'), model.facts.partners);
    setEntries(child(facts, 'sources'), model.facts.sources);
    reconcileList(doc, 'department', model.facts.departments);

    writeFields('problem', section(doc, 'problem'), model.problem);

    const targetGroup = section(doc, 'targetGroup');
    writeFields('targetGroup', targetGroup, model.targetGroup);
    setEntries(child(targetGroup, 'sources'), model.targetGroup.sources);

    reconcileList(doc, 'intervention', model.interventions.candidates);
    writeFields('interventions', section(doc, 'interventions'), model.interventions);

    reconcileList(doc, 'outcome', model.outcomes);

    const payment = section(doc, 'paymentModel');
    writeFields('paymentModel', payment, model.paymentModel);
    const { scenarios } = model.paymentModel;
    setEntries(child(payment, 'scenarios'), {
      effectLow: scenarios.effect.low,
      effectHigh: scenarios.effect.high,
      costLow: scenarios.cost.low,
      costHigh: scenarios.cost.high,
      persistenceLow: scenarios.persistence.low,
      persistenceHigh: scenarios.persistence.high,
    });
    setEntries(child(payment, 'sources'), model.paymentModel.sources);

    const evaluation = section(doc, 'evaluation');
    writeFields('evaluation', evaluation, model.evaluation);
    reconcileList(doc, 'signatory', model.evaluation.signatories);
  });
}

/**
 * Writes a container's fields per kind: short texts as the smallest text edit, prose only
 * where it differs, numbers and choices set or cleared, maps made to hold exactly the model's
 * entries. Workshop state (the phase) is not the case's to restore: only the server writes it
 * (docs/workshop.md W1).
 */
function writeFields(container: Container, map: Y.Map<unknown>, values: object): void {
  const model = values as Record<string, unknown>;
  for (const field of fieldsOf(container)) {
    const value = model[field.key];
    switch (field.kind) {
      case 'richText':
        setRichText(map, field.key, value as RichText);
        break;
      case 'shortText':
        writeShortText(map, field.key, value as string | undefined);
        break;
      case 'number':
        // The phase is the server's (W1); an outcome's expected rate is the chosen candidate's (P19).
        if (!field.workshopState && !field.ofChosenCandidate) setField(map, field.key, value as FieldValue);
        break;
      case 'reference':
      case 'choice':
        setField(map, field.key, value as FieldValue);
        break;
      case 'numberRecord':
        setEntries(child(map, field.key), value as Record<string, number>);
        break;
      case 'measurementPoints':
        setPoints(child(map, field.key), value as MeasurementPointDraft[]);
        break;
      case 'cohorts':
        setEntries(
          child(map, field.key),
          Object.fromEntries((value as Intake[]).map((c) => [String(c.year), c.participants])),
        );
        break;
    }
  }
}

/** Removes items not in `items`, adds the missing ones (with their nested types), updates the rest. */
function reconcileList<T extends { id: string; order: string; sources?: Record<string, string> }>(
  doc: Y.Doc,
  kind: ItemKind,
  items: readonly T[],
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
    writeFields(kind, map, value);
    if (value.sources) setEntries(child(map, 'sources'), ownSourceNotes(kind, value.sources));
    if (kind === 'outcome') writeLibraryLinks(map, (value as { libraryLinks?: LibraryLinks }).libraryLinks);
  }
}

/** An item's source notes without those of fields kept elsewhere (an outcome's expected rate is the chosen candidate's, P19). */
function ownSourceNotes(kind: ItemKind, sources: Record<string, string>): Record<string, string> {
  const elsewhere = new Set(
    fieldsOf(kind).flatMap((field) => (field.kind === 'number' && field.ofChosenCandidate ? [field.key] : [])),
  );
  return Object.fromEntries(Object.entries(sources).filter(([key]) => !elsewhere.has(key)));
}

/** Makes a rate card hold exactly these points (P7): each point's map kept, its values set or cleared. */
function setPoints(points: Y.Map<unknown>, wanted: readonly MeasurementPointDraft[]): void {
  const ids = new Set(wanted.map((point) => point.id));
  for (const id of [...points.keys()]) if (!ids.has(id)) removeMeasurementPoint(points, id);
  for (const { id, ...values } of wanted) {
    const point = points.get(id);
    if (!(point instanceof Y.Map)) {
      addMeasurementPoint(points, id, values);
      continue;
    }
    for (const key of ['months', 'price', 'basis'] as const) setField(point, key, values[key]);
  }
}

/** Makes a map of scalars hold exactly these entries. */
function setEntries(map: Y.Map<unknown>, entries: Record<string, FieldValue>): void {
  for (const key of [...map.keys()]) if (entries[key] === undefined) map.delete(key);
  for (const [key, value] of Object.entries(entries)) setField(map, key, value);
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
