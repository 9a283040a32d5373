import { z } from 'zod';
import { EVIDENCE_LEVELS } from '../fields/choices.ts';
import { INTERVENTION_FIELDS, INTERVENTIONS_FIELDS } from '../fields/interventions.ts';
import { completeShape, draftShape } from '../fields/shape.ts';
import { Id, OrderKey, SourceNotes } from './primitives.ts';

export { EVIDENCE_LEVELS } from '../fields/choices.ts';

/** How well the intervention's effect is documented. */
export const EvidenceLevel = z.enum(EVIDENCE_LEVELS);
export type EvidenceLevel = z.infer<typeof EvidenceLevel>;

/** One candidate intervention (fields: fields/interventions.ts). */
export const InterventionDraft = z.object({
  id: Id,
  order: OrderKey,
  ...draftShape(INTERVENTION_FIELDS),
  sources: SourceNotes,
});
export type InterventionDraft = z.infer<typeof InterventionDraft>;

export const Intervention = InterventionDraft.extend(completeShape(INTERVENTION_FIELDS));
export type Intervention = z.infer<typeof Intervention>;

/** The candidate interventions, the one the group chose and why. */
export const InterventionsDraft = z.object({
  candidates: z.array(InterventionDraft),
  ...draftShape(INTERVENTIONS_FIELDS),
});
export type InterventionsDraft = z.infer<typeof InterventionsDraft>;

export const Interventions = InterventionsDraft.extend({
  candidates: z.array(Intervention).min(1),
  ...completeShape(INTERVENTIONS_FIELDS),
});
export type Interventions = z.infer<typeof Interventions>;
