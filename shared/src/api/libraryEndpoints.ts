import {
  CaseLibraryAnswer,
  LibraryAnswer,
  LibraryEntry,
  LibraryEntryChange,
  LibraryEntryFields,
  LibraryVersionsAnswer,
} from '../library/libraryEntry.ts';
import { AS_PARTY } from './commonErrors.ts';
import { endpoint } from './endpoint.ts';
import { ApiErrorCode } from './errorCodes.ts';
import { AS_MEMBER } from './portfolioEndpoints.ts';

/**
 * The unit-value library (issue 15, docs/library.md): members of an organisation curate it with
 * their member link; any party of one of its cases reads it with the case's link.
 */
export const libraryEndpoints = {
  /** Member link: the library's entries, each at its current version (seeded on first read). */
  library: endpoint({ method: 'GET', path: '/api/library', response: LibraryAnswer, errors: [...AS_MEMBER] }),
  /** Member link: adds an entry (version 1). */
  addLibraryEntry: endpoint({
    method: 'POST',
    path: '/api/library',
    body: LibraryEntryFields,
    response: LibraryEntry,
    status: 201,
    errors: [...AS_MEMBER, ApiErrorCode.LibraryConflict],
  }),
  /**
   * Member link: changes an entry — a new version; the old ones stay readable. With `baseVersion`
   * only while that is the latest version: else 409 `libraryConflict` with `current` (the entry's
   * latest version) in the error body.
   */
  changeLibraryEntry: endpoint({
    method: 'PUT',
    path: '/api/library/:entryId',
    body: LibraryEntryChange,
    response: LibraryEntry,
    errors: [...AS_MEMBER, ApiErrorCode.LibraryEntryNotFound, ApiErrorCode.LibraryConflict],
  }),
  /** Member link: every version of one entry, the oldest first. */
  libraryEntryVersions: endpoint({
    method: 'GET',
    path: '/api/library/:entryId/versions',
    response: LibraryVersionsAnswer,
    errors: [...AS_MEMBER, ApiErrorCode.LibraryEntryNotFound],
  }),
  /** Case link (any party): the case's organisation's library, the versions the case links to, and which links are outdated. */
  caseLibrary: endpoint({
    method: 'GET',
    path: '/api/cases/:id/library',
    response: CaseLibraryAnswer,
    errors: [...AS_PARTY],
  }),
} as const;
