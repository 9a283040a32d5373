import { SCHEMA_VERSION } from '../model/primitives.ts';

/**
 * Schema migrations of an imported model (docs/exchange.md): `MIGRATIONS[n]` turns a plain
 * model of schema version n into version n + 1. They run in order up to SCHEMA_VERSION before
 * the model is schema-checked, and work on plain JSON values (anything may be malformed —
 * a migration moves what it recognises and leaves the rest for the schema check to report).
 */
export const MIGRATIONS: Readonly<Record<number, (model: Record<string, unknown>) => Record<string, unknown>>> = {
  /**
   * Version 0 (pre-release drafts, kept to exercise the mechanism): an outcome had a single
   * yearly `value` that belonged to the first department, and facts carried no `sources`.
   * Version 1 has `valuePerDepartment` keyed by department id and source notes.
   */
  0: (model) => {
    const facts = isRecord(model.facts) ? { ...model.facts } : model.facts;
    let firstDepartmentId: string | undefined;
    if (isRecord(facts)) {
      facts.sources ??= {};
      const departments = facts.departments;
      if (Array.isArray(departments) && isRecord(departments[0]) && typeof departments[0].id === 'string') {
        firstDepartmentId = departments[0].id;
      }
    }
    const outcomes = Array.isArray(model.outcomes)
      ? model.outcomes.map((outcome) => {
          if (!isRecord(outcome) || 'valuePerDepartment' in outcome) return outcome;
          const { value, ...rest } = outcome;
          const valuePerDepartment =
            value === undefined || firstDepartmentId === undefined ? {} : { [firstDepartmentId]: value };
          return { ...rest, valuePerDepartment };
        })
      : model.outcomes;
    return { ...model, facts, outcomes };
  },
  /**
   * Version 1 (before P19): one expected rate per outcome. Version 2 gives each candidate its
   * own (`expectedRates` by outcome id, notes under `expectedRates.<outcome id>`): every
   * candidate takes each outcome's rate and note, so the case prices as before.
   */
  1: (model) => {
    const outcomes = Array.isArray(model.outcomes) ? model.outcomes.filter(isRecord) : [];
    const interventions = model.interventions;
    if (!isRecord(interventions) || !Array.isArray(interventions.candidates)) return model;
    const candidates = interventions.candidates.map((candidate) => {
      if (!isRecord(candidate) || 'expectedRates' in candidate) return candidate;
      const expectedRates: Record<string, unknown> = {};
      const sources: Record<string, unknown> = isRecord(candidate.sources) ? { ...candidate.sources } : {};
      for (const outcome of outcomes) {
        // Only a number is carried: anything else stays where the schema check will name it.
        if (typeof outcome.id !== 'string' || typeof outcome.expectedRate !== 'number') continue;
        expectedRates[outcome.id] = outcome.expectedRate;
        const note = isRecord(outcome.sources) ? outcome.sources.expectedRate : undefined;
        if (note !== undefined) sources[`expectedRates.${outcome.id}`] = note;
      }
      return { ...candidate, expectedRates, sources };
    });
    return { ...model, interventions: { ...interventions, candidates } };
  },
  /**
   * Version 2 (before P7): one price and basis per outcome. Version 3 has a rate card
   * (`points`): the old price and basis become one point at lag × 12 months (the same figures),
   * and the price's source note the rate card's.
   */
  2: (model) => {
    if (!Array.isArray(model.outcomes)) return model;
    const outcomes = model.outcomes.map((outcome) => {
      if (!isRecord(outcome) || 'points' in outcome) return outcome;
      const { pricePerOutcome: price, paymentBasis: basis, ...rest } = outcome;
      const point: Record<string, unknown> = { id: 'point-1' };
      if (typeof rest.lagYears === 'number') point.months = rest.lagYears * 12;
      if (price !== undefined) point.price = price;
      if (basis !== undefined) point.basis = basis;
      const points = price === undefined && basis === undefined ? [] : [point];
      if (!isRecord(rest.sources) || rest.sources.pricePerOutcome === undefined) return { ...rest, points };
      const { pricePerOutcome: note, ...sources } = rest.sources;
      return { ...rest, points, sources: { ...sources, points: note } };
    });
    return { ...model, outcomes };
  },
};

/** The oldest schema version an import can still be migrated from. */
export const OLDEST_SCHEMA_VERSION = 0;

/** Runs the migrations from `version` up to SCHEMA_VERSION (the caller checked the range). */
export function migrateModel(model: Record<string, unknown>, version: number): Record<string, unknown> {
  let current = model;
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`migrateModel: no migration from schema version ${v}`);
    current = step(current);
  }
  return { ...current, schemaVersion: SCHEMA_VERSION };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
