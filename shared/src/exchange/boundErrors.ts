import { formatForInput } from '../format/danishNumber.ts';
import { type RichTextSetAside, SetAsideReason } from '../richtext/setAside.ts';
import { describePath, type ImportError, importError, labelledPrefix } from './importErrors.ts';

/**
 * The import errors for a file past a bound (shared/src/bounds, docs/exchange.md): each names
 * the field in plain words and the bound, in Danish and English, at the path in the file —
 * the same bounds the write guard names when an editor would pass them.
 */

type Path = (string | number)[];

/** A count as each language writes it: `2.000` / `2,000`. */
const number = (value: number) => ({ da: formatForInput(value, 'count'), en: ENGLISH_COUNT.format(value) });
const ENGLISH_COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** The field a path points into, in both languages ("Resultatmål 2 › Definition"). */
const fieldOf = (path: Path) => {
  const known = labelledPrefix(path);
  return { da: describePath(known, 'da'), en: describePath(known, 'en') };
};

/** A rich-text field past RICH_TEXT_BOUND: its depth, its nodes or its characters. */
export function richTextTooLarge(path: Path, setAside: RichTextSetAside): ImportError {
  const field = fieldOf(path);
  const limit = number(setAside.limit ?? 0);
  switch (setAside.reason) {
    case SetAsideReason.TooDeep:
      return importError(
        path,
        `Teksten i ${field.da} er dybere end ${limit.da} niveauer (lister i lister eller citater i citater).`,
        `The text in ${field.en} is nested deeper than ${limit.en} levels (lists within lists or quotes within quotes).`,
      );
    case SetAsideReason.TooManyNodes:
      return importError(
        path,
        `Teksten i ${field.da} har flere end ${limit.da} afsnit, punkter og andre dele.`,
        `The text in ${field.en} has more than ${limit.en} paragraphs, list items and other parts.`,
      );
    case SetAsideReason.TooLong:
      return importError(
        path,
        `Teksten i ${field.da} er længere end ${limit.da} tegn.`,
        `The text in ${field.en} is longer than ${limit.en} characters.`,
      );
    default:
      return importError(
        path,
        `Teksten i ${field.da} har indhold, som Caseroom ikke kender.`,
        `The text in ${field.en} has content Caseroom does not know.`,
      );
  }
}

/** A short text longer than its bound (`shortTextBound` of its document path). */
export function textTooLong(path: Path, length: number, limit: number): ImportError {
  const field = fieldOf(path);
  const has = number(length);
  const most = number(limit);
  return importError(
    path,
    `Teksten i ${field.da} er længere end ${most.da} tegn (den har ${has.da}).`,
    `The text in ${field.en} is longer than ${most.en} characters (it has ${has.en}).`,
  );
}

/** A list or map with more entries than its bound (`mapEntryBound` of its document path). */
export function tooManyEntries(path: Path, count: number, limit: number): ImportError {
  const field = fieldOf(path);
  const has = number(count);
  const most = number(limit);
  return importError(
    path,
    `${field.da} har ${has.da} poster; der må højst være ${most.da}.`,
    `${field.en} has ${has.en} entries; at most ${most.en} are allowed.`,
  );
}

/** A map key (a source note's field, a department id in a record) longer than any key may be. */
export function keyTooLong(path: Path, limit: number): ImportError {
  const field = fieldOf(path.slice(0, -1));
  const key = String(path[path.length - 1]);
  const shown = `${key.slice(0, 40)}…`;
  const most = number(limit);
  return importError(
    path,
    `${field.da}: nøglen »${shown}« er længere end ${most.da} tegn.`,
    `${field.en}: the key “${shown}” is longer than ${most.en} characters.`,
  );
}

/** A value nested deeper than any case is (lists within lists, objects within objects). */
export function nestedTooDeep(path: Path, limit: number): ImportError {
  const field = fieldOf(path);
  const most = number(limit);
  const under = field.da ? { da: ` under ${field.da}`, en: ` under ${field.en}` } : { da: '', en: '' };
  return importError(
    path,
    `Filen er indlejret dybere end ${most.da} niveauer${under.da} (lister i lister eller objekter i objekter); så dybt er ingen sag.`,
    `The file is nested deeper than ${most.en} levels${under.en} (lists within lists or objects within objects); no case is that deep.`,
  );
}

/** A file with more values (numbers, texts, lists, objects) than any case holds. */
export function tooManyValues(limit: number): ImportError {
  const most = number(limit);
  return importError(
    [],
    `Filen har flere end ${most.da} værdier (tal, tekster, lister og objekter); så mange har ingen sag.`,
    `The file holds more than ${most.en} values (numbers, texts, lists and objects); no case holds that many.`,
  );
}
