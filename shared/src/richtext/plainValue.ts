import { DEFAULT_SHORT_TEXT_CHARS } from '../bounds/bounds.ts';

/** How deep an attribute value may nest (Tiptap writes scalars and flat objects). */
const MAX_VALUE_DEPTH = 4;

/**
 * Whether an attribute value (a node's attribute, a mark's attributes) is a small plain value:
 * scalars, arrays and plain objects, nested at most a few levels, at most a short text's worth
 * of characters and entries in all. Anything else — a shared type, binary data, a deep or huge
 * structure — a crafted document put there; later walks over the model must never see it.
 * Checked without recursion and stops as soon as the budget is spent.
 */
export function isPlainValue(value: unknown): boolean {
  let budget = DEFAULT_SHORT_TEXT_CHARS;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    budget -= 1;
    if (typeof current === 'string') budget -= current.length;
    else if (Array.isArray(current) || isPlainObject(current)) {
      if (depth >= MAX_VALUE_DEPTH) return false;
      const entries = Array.isArray(current) ? current.length : Object.keys(current).length;
      if (entries > budget) return false;
      if (Array.isArray(current)) for (const inner of current) stack.push({ value: inner, depth: depth + 1 });
      else
        for (const [key, inner] of Object.entries(current)) {
          budget -= key.length;
          stack.push({ value: inner, depth: depth + 1 });
        }
    } else if (
      !(current === null || current === undefined || typeof current === 'number' || typeof current === 'boolean')
    )
      return false;
    if (budget < 0) return false;
  }
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
