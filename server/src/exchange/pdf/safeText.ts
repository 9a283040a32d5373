/**
 * User text is drawn as text and nothing else: no links, no markup, no actions. What is left to
 * do here is to keep it readable and bounded — control characters and bidirectional overrides
 * (which could make a name display as something it is not) are dropped, and a field is cut at a
 * length no case needs, so a pasted novel cannot make the report thousands of pages long.
 */

/** Longest text of one field the report prints before cutting it with "…". */
export const MAX_FIELD_CHARS = 4000;

/** C0/C1 controls except newline, bidi embeddings/overrides/isolates, and BOM / noncharacters. */
function isUnsafe(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x0a) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff ||
    code === 0xfffe ||
    code === 0xffff
  );
}

/** A user's text as the report prints it: controls removed, tabs as spaces, cut at `max` characters. */
export function safeText(value: string | undefined, max = MAX_FIELD_CHARS): string {
  if (value === undefined) return '';
  const normalised = value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  let kept = '';
  for (let i = 0; i < normalised.length && kept.length <= max; i++) {
    if (!isUnsafe(normalised.charCodeAt(i))) kept += normalised.charAt(i);
  }
  if (kept.length <= max) return kept;
  // Do not cut a surrogate pair in half.
  const cut = /[\ud800-\udbff]/.test(kept.charAt(max - 1)) ? max - 1 : max;
  return `${kept.slice(0, cut)}…`;
}

/** A one-line version (names in table cells, the footer): newlines become spaces. */
export function oneLine(value: string | undefined, max = 300): string {
  return safeText(value, max).replace(/\s*\n\s*/g, ' ');
}
