import { z } from 'zod';
import { Count, FiniteNumber } from './primitives.ts';

/** A cohort: the participants who enter in year `year` (0 = the first intervention year). */
export const IntakeDraft = z.object({ year: FiniteNumber, participants: FiniteNumber });
export const Intake = z.object({ year: Count, participants: Count });
export type Intake = z.infer<typeof Intake>;

/** The target group's intake, year by year (a draft's, and a complete case's: at least one cohort). */
export const CohortsDraft = z.array(IntakeDraft);
export const Cohorts = z.array(Intake).min(1);
