import { z } from 'zod';
import { DIRECTIONS, PAYMENT_BASES } from '../fields/choices.ts';
import { OUTCOME_FIELDS } from '../fields/outcome.ts';
import { completeShape, draftShape } from '../fields/shape.ts';
import { LibraryLinks } from '../library/libraryEntry.ts';
import { Id, OrderKey, SourceNotes } from './primitives.ts';

export { DIRECTIONS, PAYMENT_BASES } from '../fields/choices.ts';

/** Whether a higher or a lower measured value is the improvement. */
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

/** P7: pay for every achieved outcome, or only for those above the baseline. */
export const PaymentBasis = z.enum(PAYMENT_BASES);
export type PaymentBasis = z.infer<typeof PaymentBasis>;

/** One outcome target (fields: fields/outcome.ts). */
export const OutcomeDraft = z.object({
  id: Id,
  order: OrderKey,
  ...draftShape(OUTCOME_FIELDS),
  sources: SourceNotes,
  /** Issue 15: which library entry and version each department's value came from (docs/library.md); optional, older cases have none. */
  libraryLinks: LibraryLinks.optional(),
});
export type OutcomeDraft = z.infer<typeof OutcomeDraft>;

export const Outcome = OutcomeDraft.extend(completeShape(OUTCOME_FIELDS));
export type Outcome = z.infer<typeof Outcome>;
