import { z } from 'zod';
import { DepartmentLevel } from '../model/facts.ts';
import { Id } from '../model/primitives.ts';

/**
 * The unit-value library (issue 15, docs/library.md): an organisation's curated, sourced values
 * that a case's outcome can take as its value per department. An entry keeps every version: a
 * change makes a new one, old versions stay readable, so a case can say which it took.
 */

// An entry's level is the case model's department level (kommunal, regional, statslig, anden —
// `DEPARTMENT_LEVELS` and their names in fields/choices.ts), so a value and a department match.

/** Bounds on every text and number of an entry (the server refuses more with 400). */
export const LIBRARY_BOUNDS = {
  nameChars: 200,
  unitChars: 100,
  sourceTextChars: 500,
  sourceLinkChars: 500,
  /** The largest value per year an entry may hold (kr.). */
  maxValue: 1_000_000_000,
  minPriceYear: 1900,
  maxPriceYear: 2200,
  /** Entries per organisation. */
  maxEntries: 500,
  /** Versions per entry. */
  maxVersions: 1_000,
} as const;

/** A date as the source gives it: a year, a month or a day (ISO: `2019`, `2020-11`, `2020-11-19`). */
export const SourceDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a year, month or date: YYYY, YYYY-MM or YYYY-MM-DD');

const trimmed = (max: number) => z.string().trim().min(1).max(max);

/** Where a value comes from: the source's words, a link (http or https), and its date. */
export const LibrarySource = z.strictObject({
  text: trimmed(LIBRARY_BOUNDS.sourceTextChars),
  link: z
    .string()
    .trim()
    .max(LIBRARY_BOUNDS.sourceLinkChars)
    .regex(/^https?:\/\/\S+$/, 'an http(s) address')
    .optional(),
  date: SourceDate,
});
export type LibrarySource = z.infer<typeof LibrarySource>;

/** What a member writes when adding or changing an entry. */
export const LibraryEntryFields = z.strictObject({
  name: trimmed(LIBRARY_BOUNDS.nameChars),
  level: DepartmentLevel,
  /** Kroner per year for one unit (one full-year recipient, one placement). */
  valuePerYear: z.number().finite().min(0).max(LIBRARY_BOUNDS.maxValue),
  /** What one unit is: "pr. helårsmodtager", "pr. anbragt barn". */
  unit: trimmed(LIBRARY_BOUNDS.unitChars),
  /** The price level the value is in. */
  priceYear: z.number().int().min(LIBRARY_BOUNDS.minPriceYear).max(LIBRARY_BOUNDS.maxPriceYear),
  source: LibrarySource,
  /** From when the value holds (same forms as the source's date). */
  validFrom: SourceDate,
});
export type LibraryEntryFields = z.infer<typeof LibraryEntryFields>;

/**
 * What a member sends to change an entry: its fields and `baseVersion`, the version the change
 * was made to. The server writes the next version only while that is still the latest (else 409
 * `libraryConflict` with `current`). Without it the change is written over whatever is latest
 * (for API callers that do not track versions; the library page always sends it).
 */
export const LibraryEntryChange = LibraryEntryFields.extend({
  baseVersion: z.number().int().min(1).max(1_000_000).optional(),
});
export type LibraryEntryChange = z.infer<typeof LibraryEntryChange>;

/** One version of an entry, as stored and answered. */
export const LibraryEntry = LibraryEntryFields.extend({
  id: Id,
  /** 1 for the entry as first added, one more for each change. */
  version: z.number().int().min(1),
  /** ISO time this version was written. */
  changedAt: z.string(),
  /** Who wrote it: a member's name, or "Caseroom" for the seeded figures. */
  changedBy: z.string(),
});
export type LibraryEntry = z.infer<typeof LibraryEntry>;

/** The organisation's library: each entry's current version, in the order added. */
export const LibraryAnswer = z.object({ entries: z.array(LibraryEntry) });
export type LibraryAnswer = z.infer<typeof LibraryAnswer>;

/** Every version of one entry, the oldest first. */
export const LibraryVersionsAnswer = z.object({ versions: z.array(LibraryEntry) });

/**
 * What a case's party reads: the current entries, the exact versions the case's links name
 * (for "old → new"), and which links are outdated (computed by `libraryLinkStatuses`).
 */
export const CaseLibraryAnswer = z.object({
  entries: z.array(LibraryEntry),
  linked: z.array(LibraryEntry),
  outdated: z.array(
    z.object({
      outcomeId: z.string(),
      departmentId: z.string(),
      entryId: z.string(),
      fromVersion: z.number(),
      toVersion: z.number(),
      oldValue: z.number(),
      newValue: z.number(),
      difference: z.number(),
    }),
  ),
});
export type CaseLibraryAnswer = z.infer<typeof CaseLibraryAnswer>;

/**
 * Which library entry and version an outcome's value for one department came from; `factor` is
 * the index factor the person entered to convert it to the case's price year, if any.
 */
export const LibraryLink = z.strictObject({
  entryId: Id,
  version: z.number().int().min(1).max(1_000_000),
  factor: z.number().finite().positive().max(100).optional(),
});
export type LibraryLink = z.infer<typeof LibraryLink>;

/** An outcome's links, keyed by department id (at most as many as a case has departments). */
export const LibraryLinks = z.record(Id, LibraryLink).refine((links) => Object.keys(links).length <= 50, {
  message: 'at most 50 library links per outcome',
});
export type LibraryLinks = z.infer<typeof LibraryLinks>;
