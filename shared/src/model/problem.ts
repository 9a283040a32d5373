import { z } from 'zod';
import { RichText } from './primitives.ts';

/** The problem definition: prose about the problem, its causes, what was tried, evidence. */
export const ProblemDraft = z.object({ text: RichText });
export type ProblemDraft = z.infer<typeof ProblemDraft>;

export const Problem = ProblemDraft;
export type Problem = z.infer<typeof Problem>;
