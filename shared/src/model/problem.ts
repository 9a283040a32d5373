import { z } from 'zod';
import { draftShape } from '../fields/shape.ts';
import { PROBLEM_FIELDS } from '../fields/targetGroup.ts';

/** The problem definition: prose about the problem, its causes, what was tried, evidence. */
export const ProblemDraft = z.object(draftShape(PROBLEM_FIELDS));
export type ProblemDraft = z.infer<typeof ProblemDraft>;

export const Problem = ProblemDraft;
export type Problem = z.infer<typeof Problem>;
