import type { CaseModelDraft } from '../model/caseModel.ts';
import { richTextSchema } from '../richtext/schema.ts';
import { describePath, type ImportError } from './importErrors.ts';

/**
 * What the schema cannot see but writing the model into a document needs (docs/exchange.md):
 * rich text the shared editor schema knows, and item ids unique within their list (items are
 * stored by id, so a duplicate would silently replace its twin). Pure.
 */
export function checkWritable(model: CaseModelDraft, prefix: (string | number)[]): ImportError[] {
  const errors: ImportError[] = [];
  const lists: [(string | number)[], readonly { id: string }[]][] = [
    [['facts', 'departments'], model.facts.departments],
    [['interventions', 'candidates'], model.interventions.candidates],
    [['outcomes'], model.outcomes],
    [['evaluation', 'signatories'], model.evaluation.signatories],
  ];
  for (const [path, items] of lists) {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (!seen.has(item.id)) {
        seen.add(item.id);
        return;
      }
      const at = [...prefix, ...path, index, 'id'];
      errors.push({
        path: at,
        message: {
          da: `${describePath(at, 'da')}: id "${item.id}" findes allerede i listen`,
          en: `${describePath(at, 'en')}: id "${item.id}" is already used in the list`,
        },
      });
    });
  }
  collectRichText(model, prefix, (value, at) => {
    // An empty field (no blocks) is what every new case holds; the schema alone would call it invalid.
    if (isEmptyRichText(value)) return;
    try {
      richTextSchema().nodeFromJSON(value).check();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      errors.push({
        path: at,
        message: {
          da: `${describePath(at, 'da')}: teksten har opbygning eller formatering, som Caseroom ikke kender (${detail})`,
          en: `${describePath(at, 'en')}: the text has structure or formatting Caseroom does not know (${detail})`,
        },
      });
    }
  });
  return errors;
}

function isEmptyRichText(value: unknown): boolean {
  const content = (value as { content?: unknown }).content;
  return content === undefined || (Array.isArray(content) && content.length === 0);
}

/** Calls `visit` for every rich-text document (`{ type: 'doc' }`) in the model, not descending into them. */
function collectRichText(
  value: unknown,
  path: (string | number)[],
  visit: (doc: unknown, path: (string | number)[]) => void,
) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      collectRichText(item, [...path, index], visit);
    });
  } else if (value && typeof value === 'object') {
    if ((value as { type?: unknown }).type === 'doc') {
      visit(value, path);
      return;
    }
    for (const [key, inner] of Object.entries(value)) collectRichText(inner, [...path, key], visit);
  }
}
