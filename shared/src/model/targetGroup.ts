import { z } from 'zod';
import { completeShape, draftShape } from '../fields/shape.ts';
import { TARGET_GROUP_FIELDS } from '../fields/targetGroup.ts';
import { SourceNotes } from './primitives.ts';

export { Intake, IntakeDraft } from './intake.ts';

/** Who the intervention is for, how many could take part, and the intake per year (fields: fields/targetGroup.ts). */
export const TargetGroupDraft = z.object({ ...draftShape(TARGET_GROUP_FIELDS), sources: SourceNotes });
export type TargetGroupDraft = z.infer<typeof TargetGroupDraft>;

export const TargetGroup = TargetGroupDraft.extend(completeShape(TARGET_GROUP_FIELDS));
export type TargetGroup = z.infer<typeof TargetGroup>;
