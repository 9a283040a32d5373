import { z } from 'zod';
import { Count, FiniteNumber, Id, Money, OrderKey, RichText, SourceNotes } from './primitives.ts';

/** How well the intervention's effect is documented. */
export const EVIDENCE_LEVELS = ['strong', 'moderate', 'emerging', 'none'] as const;
export const EvidenceLevel = z.enum(EVIDENCE_LEVELS);
export type EvidenceLevel = z.infer<typeof EvidenceLevel>;

export const InterventionDraft = z.object({
  id: Id,
  order: OrderKey,
  name: z.string().optional(),
  description: RichText,
  provider: z.string().optional(),
  evidenceLevel: EvidenceLevel.optional(),
  costPerParticipant: FiniteNumber.optional(),
  fixedCostPerYear: FiniteNumber.optional(),
  durationYears: FiniteNumber.optional(),
  sources: SourceNotes,
});
export type InterventionDraft = z.infer<typeof InterventionDraft>;

export const Intervention = InterventionDraft.extend({
  name: z.string().min(1),
  provider: z.string().min(1),
  evidenceLevel: EvidenceLevel,
  costPerParticipant: Money,
  fixedCostPerYear: Money,
  durationYears: Count.min(1),
});
export type Intervention = z.infer<typeof Intervention>;

/** The candidate interventions, the one the group chose and why. */
export const InterventionsDraft = z.object({
  candidates: z.array(InterventionDraft),
  chosenId: Id.optional(),
  rationale: RichText,
});
export type InterventionsDraft = z.infer<typeof InterventionsDraft>;

export const Interventions = InterventionsDraft.extend({
  candidates: z.array(Intervention).min(1),
  chosenId: Id,
});
export type Interventions = z.infer<typeof Interventions>;
