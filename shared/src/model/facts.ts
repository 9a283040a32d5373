import { z } from 'zod';
import { DEPARTMENT_LEVELS } from '../fields/choices.ts';
import { DEPARTMENT_FIELDS, FACTS_FIELDS, PARTNERS_FIELDS } from '../fields/facts.ts';
import { completeShape, draftShape } from '../fields/shape.ts';
import { Id, OrderKey, SourceNotes } from './primitives.ts';

export { DEPARTMENT_LEVELS } from '../fields/choices.ts';
export { PHASES, Phase } from './phase.ts';

/** Where a department sits; only municipal departments make up "the authority" (P12). */
export const DepartmentLevel = z.enum(DEPARTMENT_LEVELS);
export type DepartmentLevel = z.infer<typeof DepartmentLevel>;

export const DepartmentDraft = z.object({ id: Id, order: OrderKey, ...draftShape(DEPARTMENT_FIELDS) });
export type DepartmentDraft = z.infer<typeof DepartmentDraft>;

export const Department = DepartmentDraft.extend(completeShape(DEPARTMENT_FIELDS));
export type Department = z.infer<typeof Department>;

export const PartnersDraft = z.object(draftShape(PARTNERS_FIELDS));

/** Case facts: who, where, when, and the economic frame every figure is priced in (fields: fields/facts.ts). */
export const FactsDraft = z.object({
  ...draftShape(FACTS_FIELDS),
  partners: PartnersDraft,
  departments: z.array(DepartmentDraft),
  sources: SourceNotes,
});
export type FactsDraft = z.infer<typeof FactsDraft>;

export const Facts = FactsDraft.extend({
  ...completeShape(FACTS_FIELDS),
  partners: z.object(completeShape(PARTNERS_FIELDS)),
  departments: z.array(Department).min(1),
});
export type Facts = z.infer<typeof Facts>;
