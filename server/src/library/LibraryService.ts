import { randomBytes } from 'node:crypto';
import {
  ApiErrorCode,
  type CaseLibraryAnswer,
  LIBRARY_BOUNDS,
  type LibraryEntry,
  type LibraryEntryFields,
  libraryLinkStatuses,
  linkedVersionsOf,
  outdatedLinks,
  SEED_AUTHOR,
  SEED_ENTRIES,
} from '@caseroom/shared';
import type { CaseService } from '../cases/CaseService.ts';
import type { Stores } from '../storage/Stores.ts';
import { LibraryVersionConflictError, type StoredLibraryEntry } from '../storage/UnitValueLibrary.ts';
import { fail, ok, type Result } from '../workshop/results.ts';

/**
 * The unit-value library (issue 15, docs/library.md): an organisation's sourced values, every
 * change a new version. Each organisation's library starts with the seed (SEED_ENTRIES: the
 * sourced reference figures of product.md) on its first read — idempotent in the store, and
 * tried once per organisation per process. A case reads its organisation's library with the
 * versions its links name and which links are outdated (shared `libraryLinkStatuses`).
 */
export class LibraryService {
  private readonly seeded = new Set<string>();

  constructor(
    private readonly stores: Stores,
    private readonly cases: CaseService,
    private readonly now: () => number = Date.now,
  ) {}

  /** The organisation's entries at their current versions. */
  async list(organisationId: string): Promise<LibraryEntry[]> {
    await this.seed(organisationId);
    return (await this.stores.library.current(organisationId)).map(toAnswer);
  }

  /** Adds an entry written by `by` (a member's name). */
  async add(organisationId: string, fields: LibraryEntryFields, by: string): Promise<Result<LibraryEntry>> {
    await this.seed(organisationId);
    if ((await this.stores.library.count(organisationId)) >= LIBRARY_BOUNDS.maxEntries) {
      return fail(409, ApiErrorCode.LibraryConflict, `The library holds at most ${LIBRARY_BOUNDS.maxEntries} entries.`);
    }
    const id = `lib_${randomBytes(12).toString('base64url')}`;
    return ok(toAnswer(await this.stores.library.add({ organisationId, id, fields, at: this.now(), by })));
  }

  /**
   * Changes an entry: its next version. With `baseVersion`, only while that is still the latest
   * (the store checks in the write's own transaction); else 409 with `current`, the latest version.
   */
  async change(
    organisationId: string,
    id: string,
    fields: LibraryEntryFields,
    by: string,
    baseVersion?: number,
  ): Promise<Result<LibraryEntry>> {
    await this.seed(organisationId);
    const versions = await this.stores.library.versions(organisationId, id);
    if (versions.length === 0) return notFound(id);
    if (versions.length >= LIBRARY_BOUNDS.maxVersions) {
      return fail(409, ApiErrorCode.LibraryConflict, `An entry keeps at most ${LIBRARY_BOUNDS.maxVersions} versions.`);
    }
    try {
      const revised = await this.stores.library.revise({
        organisationId,
        id,
        fields,
        at: this.now(),
        by,
        ...(baseVersion === undefined ? {} : { baseVersion }),
      });
      return revised ? ok(toAnswer(revised)) : notFound(id);
    } catch (error) {
      if (error instanceof LibraryVersionConflictError) {
        const current = (await this.stores.library.versions(organisationId, id)).at(-1);
        return fail(
          409,
          ApiErrorCode.LibraryConflict,
          baseVersion !== undefined && current && current.version !== baseVersion
            ? `Version ${current.version} of this entry is the latest, not ${baseVersion}; nothing was saved.`
            : 'Someone else changed this entry at the same moment; try again.',
          current ? { current: toAnswer(current) } : undefined,
        );
      }
      throw error;
    }
  }

  /** Every version of one entry. */
  async versions(organisationId: string, id: string): Promise<Result<LibraryEntry[]>> {
    await this.seed(organisationId);
    const versions = await this.stores.library.versions(organisationId, id);
    return versions.length === 0 ? notFound(id) : ok(versions.map(toAnswer));
  }

  /** What a party of the case reads: its organisation's library, the linked versions, the outdated links. */
  async forCase(caseId: string): Promise<Result<CaseLibraryAnswer>> {
    const record = await this.stores.cases.get(caseId);
    const model = record ? await this.cases.readModel(caseId) : undefined;
    if (!record || !model) return fail(404, ApiErrorCode.CaseNotFound, `No case with id ${caseId}.`);
    const organisationId = record.organisationId ?? (await this.stores.organisations.firstId());
    if (organisationId === undefined) return ok({ entries: [], linked: [], outdated: [] });
    const entries = await this.list(organisationId);
    const linked = (await this.stores.library.find(organisationId, linkedVersionsOf(model))).map(toAnswer);
    return ok({ entries, linked, outdated: outdatedLinks(libraryLinkStatuses(model, entries, linked)) });
  }

  private async seed(organisationId: string): Promise<void> {
    if (this.seeded.has(organisationId)) return;
    await this.stores.library.seed(organisationId, SEED_ENTRIES, this.now(), SEED_AUTHOR);
    this.seeded.add(organisationId);
  }
}

function notFound(id: string) {
  return fail(404, ApiErrorCode.LibraryEntryNotFound, `No library entry ${id} in this organisation.`);
}

function toAnswer({ organisationId: _organisation, changedAt, ...entry }: StoredLibraryEntry): LibraryEntry {
  return { ...entry, changedAt: new Date(changedAt).toISOString() };
}
