import { z } from 'zod';
import { Count, FiniteNumber, RichText, SourceNotes } from './primitives.ts';

/** A cohort: the participants who enter in year `year` (0 = the first intervention year). */
export const IntakeDraft = z.object({ year: FiniteNumber, participants: FiniteNumber });
export const Intake = z.object({ year: Count, participants: Count });
export type Intake = z.infer<typeof Intake>;

export const TargetGroupDraft = z.object({
  name: z.string().optional(),
  eligibility: RichText,
  eligiblePopulation: FiniteNumber.optional(),
  intake: z.array(IntakeDraft),
  baseline: RichText,
  sources: SourceNotes,
});
export type TargetGroupDraft = z.infer<typeof TargetGroupDraft>;

export const TargetGroup = TargetGroupDraft.extend({
  name: z.string().min(1),
  eligiblePopulation: Count,
  intake: z.array(Intake).min(1),
});
export type TargetGroup = z.infer<typeof TargetGroup>;
