import type { RichText } from '../model/primitives.ts';
import { richTextBoundViolation } from '../richtext/richTextBounds.ts';
import { nestedTooDeep, richTextTooLarge, tooManyValues } from './boundErrors.ts';
import { type ImportError, MAX_IMPORT_ERRORS } from './importErrors.ts';

/**
 * How deep any value of an import file may lie (the root is level 1). The deepest a case goes
 * is a mark's attribute in a rich text at its depth bound: about 42 levels (each of the 16
 * rich-text levels is a node and its `content` list). A file nested deeper is no case — and
 * the schema check and Yjs's encoder recurse, so it would overflow their stack.
 */
export const MAX_IMPORT_DEPTH = 64;

/**
 * The most values (objects, lists, texts, numbers, booleans, nulls) an import file may hold.
 * A case with every rich-text field at its node bound, written as paragraphs (57 fields ×
 * 5,000 nodes ≈ 850,000 values), and the most imported history fit; the example case's export
 * holds under 1,000. Bounds what the schema check and the document build work through.
 */
export const MAX_IMPORT_VALUES = 1_000_000;

/** A value waiting to be visited, with its key in its parent (the path is rebuilt only for an error). */
type Frame = { value: unknown; key: string | number | undefined; parent: Frame | undefined; depth: number };

/**
 * Surveys a parsed import file before anything recursive (zod, ProseMirror, Yjs) sees it, with
 * an explicit stack: every value counted (at most MAX_IMPORT_VALUES), none deeper than
 * MAX_IMPORT_DEPTH, and every rich-text document (`{ type: 'doc' }`, wherever it lies) within
 * RICH_TEXT_BOUND as the document would hold it (`richTextBoundViolation`) — a field past its
 * bound is named, not descended into. Errors name the field and the bound; none means the
 * value is safe to hand on. Pure.
 */
export function checkImportShape(root: unknown): ImportError[] {
  const errors: ImportError[] = [];
  const stack: Frame[] = [{ value: root, key: undefined, parent: undefined, depth: 1 }];
  let values = 0;
  while (stack.length > 0 && errors.length < MAX_IMPORT_ERRORS) {
    const frame = stack.pop() as Frame;
    values += 1;
    if (values > MAX_IMPORT_VALUES) return [...errors, tooManyValues(MAX_IMPORT_VALUES)];
    const { value, depth } = frame;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_IMPORT_DEPTH) {
      errors.push(nestedTooDeep(pathOf(frame), MAX_IMPORT_DEPTH));
      continue;
    }
    if (isRichTextDocument(value)) {
      const violation = richTextBoundViolation(value);
      if (violation) {
        errors.push(richTextTooLarge(pathOf(frame), violation));
        continue;
      }
    }
    // Pushed in reverse, so values are visited (and errors listed) in the file's order.
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], key: i, parent: frame, depth: depth + 1 });
      }
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push({ value: (value as Record<string, unknown>)[key], key, parent: frame, depth: depth + 1 });
      }
    }
  }
  return errors;
}

/** A ProseMirror document as rich-text fields hold it (the same test modelChecks applies). */
function isRichTextDocument(value: object): value is RichText {
  return !Array.isArray(value) && (value as { type?: unknown }).type === 'doc';
}

/** The frame's path in the file, walked up through its parents. */
function pathOf(frame: Frame): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Frame | undefined = frame; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}
