import type { CaseSummary } from './casesApi.ts';

/** How many characters of a case id tell it apart on the start page (ids are 22 random characters). */
export const SHORT_ID_LENGTH = 6;

/** The first characters of a case id, enough to tell two cases apart by eye. */
export function shortId(id: string): string {
  return id.slice(0, SHORT_ID_LENGTH);
}

const sameLook = (row: Pick<CaseSummary, 'title' | 'municipality' | 'phase'>) =>
  JSON.stringify([
    row.title.trim().toLocaleLowerCase('da'),
    row.municipality.trim().toLocaleLowerCase('da'),
    row.phase,
  ]);

/**
 * The ids of the cases that look alike on the start page — the same title, municipality and
 * phase as another listed case — and so need their creation time and short id beside them.
 */
export function casesToTellApart(
  rows: readonly Pick<CaseSummary, 'id' | 'title' | 'municipality' | 'phase'>[],
): Set<string> {
  const byLook = new Map<string, string[]>();
  for (const row of rows) byLook.set(sameLook(row), [...(byLook.get(sameLook(row)) ?? []), row.id]);
  return new Set([...byLook.values()].filter((ids) => ids.length > 1).flat());
}
