import type { CaseModelDraft } from '../model/caseModel.ts';
import type { LibraryEntry, LibraryLink, LibraryLinks } from './libraryEntry.ts';

/** Where one link of a case stands against the library. */
export type LinkStatus = {
  outcomeId: string;
  departmentId: string;
  link: LibraryLink;
  /** The version the case took, if the library still has it (it keeps every version). */
  linked: LibraryEntry | undefined;
  /** The entry's current version, if the organisation's library has the entry. */
  current: LibraryEntry | undefined;
  /** `outdated`: the library's value has changed since; `missing`: this library has no such entry (another organisation's). */
  state: 'current' | 'outdated' | 'missing';
};

/** An outdated link with its old and new value (kr. per year, as the library has them) and the difference. */
export type OutdatedLink = {
  outcomeId: string;
  departmentId: string;
  entryId: string;
  fromVersion: number;
  toVersion: number;
  oldValue: number;
  newValue: number;
  difference: number;
};

/**
 * Every library link of the case's outcomes, compared with the library: a link to an older
 * version than the entry's current one is outdated. Pure: the server answers with it and the
 * room shows it from the live model, so both say the same.
 */
export function libraryLinkStatuses(
  model: CaseModelDraft,
  entries: readonly LibraryEntry[],
  linkedVersions: readonly LibraryEntry[],
): LinkStatus[] {
  return model.outcomes.flatMap((outcome) =>
    outcomeLinkStatuses(outcome.id, outcome.libraryLinks, entries, linkedVersions),
  );
}

/** One outcome's links compared with the library (what the room shows beside the outcome). */
export function outcomeLinkStatuses(
  outcomeId: string,
  links: LibraryLinks | undefined,
  entries: readonly LibraryEntry[],
  linkedVersions: readonly LibraryEntry[],
): LinkStatus[] {
  const current = new Map(entries.map((entry) => [entry.id, entry]));
  // A current entry is a linked version too (a link just updated names it).
  const versions = new Map([...entries, ...linkedVersions].map((entry) => [`${entry.id}@${entry.version}`, entry]));
  return Object.entries(links ?? {}).map(([departmentId, link]) => {
    const now = current.get(link.entryId);
    return {
      outcomeId,
      departmentId,
      link,
      linked: versions.get(`${link.entryId}@${link.version}`),
      current: now,
      state: now === undefined ? 'missing' : now.version > link.version ? 'outdated' : 'current',
    };
  });
}

/** The outdated links among the statuses, with old → new and the difference (new − old). */
export function outdatedLinks(statuses: readonly LinkStatus[]): OutdatedLink[] {
  return statuses.flatMap((status) => {
    if (status.state !== 'outdated' || !status.current || !status.linked) return [];
    return [
      {
        outcomeId: status.outcomeId,
        departmentId: status.departmentId,
        entryId: status.link.entryId,
        fromVersion: status.link.version,
        toVersion: status.current.version,
        oldValue: status.linked.valuePerYear,
        newValue: status.current.valuePerYear,
        difference: status.current.valuePerYear - status.linked.valuePerYear,
      },
    ];
  });
}

/** Every (entry, version) the case's links name: what the server looks up for `linked`. */
export function linkedVersionsOf(model: CaseModelDraft): { entryId: string; version: number }[] {
  const seen = new Map<string, { entryId: string; version: number }>();
  for (const outcome of model.outcomes) {
    for (const link of Object.values(outcome.libraryLinks ?? {})) {
      seen.set(`${link.entryId}@${link.version}`, { entryId: link.entryId, version: link.version });
    }
  }
  return [...seen.values()];
}
