import { z } from 'zod';

/** Version of the case model's shape; bumped when a stored document needs migrating. */
export const SCHEMA_VERSION = 3;

/** A stable item id (list items keep it for life, so concurrent edits find their item). */
export const Id = z.string().min(1).max(64);

/** A fractional ordering key (see ydoc/orderedList.ts); compared as plain strings. */
export const OrderKey = z.string();

/** A finite number; drafts hold any finite number, range checks are validation's job. */
export const FiniteNumber = z.number().refine(Number.isFinite, 'must be a finite number');

/** A share or rate in [0, 1] (3,5 % is stored as 0.035). */
export const Rate = z.number().min(0).max(1);

/** An amount of money in the case's currency, never negative. */
export const Money = z.number().min(0).refine(Number.isFinite);

/** A whole number of years or people. */
export const Count = z.number().int().min(0);

/** Where a number comes from, keyed by the field name ("where does this come from?"). */
export const SourceNotes = z.record(z.string(), z.string());

export type RichTextMark = { type: string; attrs?: Record<string, unknown> };
export type RichTextNode = {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: RichTextMark[];
  content?: RichTextNode[];
};

const Mark = z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() });

/** One ProseMirror node in JSON form, as Tiptap produces it. */
export const RichTextNodeSchema: z.ZodType<RichTextNode> = z.lazy(() =>
  z.object({
    type: z.string(),
    text: z.string().optional(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    marks: z.array(Mark).optional(),
    content: z.array(RichTextNodeSchema).optional(),
  }),
);

/** A rich-text field: a ProseMirror document in JSON form. */
export const RichText = z.object({
  type: z.literal('doc'),
  content: z.array(RichTextNodeSchema).optional(),
});
export type RichText = z.infer<typeof RichText>;

/** An empty rich-text document. */
export const emptyRichText = (): RichText => ({ type: 'doc', content: [] });
