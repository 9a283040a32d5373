/**
 * Every error code the HTTP API answers with, in `{ "error": { code, message, ...details } }`.
 * The server sends only these (its `sendError` and `fail` take an `ApiErrorCode`); the client
 * explains each in Danish and English, keyed by this union, so a new code without its words
 * does not compile. The message beside a code is the server's own, in English, for logs and
 * callers without the client. Each code says its HTTP status and when it is sent.
 */
export const ApiErrorCode = {
  // The request itself.
  /** 400: a field of the request is missing or wrong; the message names it. */
  BadRequest: 'badRequest',
  /** 400: the request body is not valid JSON. */
  MalformedJson: 'malformedJson',
  /** 404: no API endpoint or file at this method and path. */
  NotFound: 'notFound',
  /** 500: a bug on the server; it is logged, the answer carries no internals. */
  Internal: 'internal',

  // Who is asking (docs/access.md).
  /** 401: no token presented. */
  TokenMissing: 'tokenMissing',
  /** 403: an unknown or revoked token, or one for another case. */
  TokenInvalid: 'tokenInvalid',
  /** 403: a valid token whose role may not do this (an observer signing off, an editor managing parties). */
  Forbidden: 'forbidden',
  /** 403: the caller's link is past the time the facilitator set (issue 10). */
  LinkExpired: 'linkExpired',
  /** 403: the facilitator ended the caller's access; 409 from the parties API: that party's access was ended (issue 10). */
  AccessEnded: 'accessEnded',
  /** 401: creating or importing a case on a server reached from other machines, without an organisation key. */
  OrganisationKeyMissing: 'organisationKeyMissing',
  /** 403: an organisation key that opens no organisation. */
  OrganisationKeyInvalid: 'organisationKeyInvalid',
  /** 401: the portfolio without a member link (issue 15). */
  MemberLinkMissing: 'memberLinkMissing',
  /** 403: a member link that is unknown or was revoked by an administrator (issue 15). */
  MemberLinkInvalid: 'memberLinkInvalid',
  /** 403: a member link past the time an administrator set (issue 15). */
  MemberLinkExpired: 'memberLinkExpired',
  /** 404: no member with that id in the organisation (issue 15). */
  MemberNotFound: 'memberNotFound',
  /** 404: no entry with that id in the organisation's unit-value library (issue 15). */
  LibraryEntryNotFound: 'libraryEntryNotFound',
  /** 409: the library is full (LIBRARY_BOUNDS), an entry has as many versions as it may, or another member changed the entry at the same moment (issue 15). */
  LibraryConflict: 'libraryConflict',
  /** 421: a Host header the server does not answer to (DNS rebinding; issue 10). */
  HostNotAllowed: 'hostNotAllowed',
  /** 403 before the websocket upgrade: a page on another site opened it (issue 10). */
  OriginNotAllowed: 'originNotAllowed',
  /** 429 with Retry-After: one client address over its per-address limit (issue 10). */
  TooManyRequests: 'tooManyRequests',

  // What is asked for.
  /** 404: no case with this id. */
  CaseNotFound: 'caseNotFound',
  /** 404: no party with this id in the case. */
  PartyNotFound: 'partyNotFound',
  /** 404: no snapshot (saved version) with this id in the case: history, export of a version. */
  SnapshotNotFound: 'snapshotNotFound',
  /** 404: no comment with this id in the case. */
  CommentNotFound: 'commentNotFound',
  /** 404: no dot vote with this id in the case. */
  VoteNotFound: 'voteNotFound',

  // The case lifecycle (issue 15, docs/access.md "Archive, delete, retention").
  /** 409: the case is archived: it may be read and exported, not changed; restore it first. */
  CaseArchived: 'caseArchived',
  /** 400: deleting a case for good without typing its title (or its id, when it has none) as confirmation. */
  DeleteNotConfirmed: 'deleteNotConfirmed',

  // Parties (docs/access.md).
  /** 409: the last facilitator whose link lasts cannot be ended or given an expiry (issue 10). */
  LastFacilitator: 'lastFacilitator',

  // The workshop (docs/workshop.md).
  /** 409: a ballot or a reveal for a vote that is no longer open. */
  VoteClosed: 'voteClosed',
  /** 409: deciding a vote that has not been revealed. */
  VoteNotRevealed: 'voteNotRevealed',
  /** 409: deciding a vote that was already decided. */
  VoteDecided: 'voteDecided',
  /** 400: a ballot with more dots than allowed, or dots on items that are not the vote's. */
  InvalidBallot: 'invalidBallot',
  /** 409: a sign-off of a version that is no longer the current one (`currentHash` in the body). */
  HashMismatch: 'hashMismatch',

  // Storage (issue 9).
  /** 503: the store cannot write now (disk full, read-only, I/O error): nothing was changed; try again. */
  StorageUnavailable: 'storageUnavailable',
  /** 503 (issue 14): the case is moving to another server process (its owner is gone): nothing was changed; try again in seconds (Retry-After). */
  CaseMoving: 'caseMoving',
  /**
   * 507: the case is at its storage quota, or a comment, decision or vote written over HTTP would
   * carry it past it (`usedBytes`, `quotaBytes` in the body): nothing was changed; the room's
   * notice turns `full` until the facilitator tidies up (`POST …/storage/compact`).
   */
  StorageFull: 'storageFull',

  // Export and import (docs/exchange.md).
  /** 404: an export format other than those in EXPORT_FORMATS (json, xlsx, pdf, docx, indigo). */
  UnknownFormat: 'unknownFormat',
  /** 429: the party already has as many exports waiting or running as it may (`limit` in the body). */
  TooManyExports: 'tooManyExports',
  /** 500: the file could not be made from this version of the case (a bug; logged). */
  ExportFailed: 'exportFailed',
  /** 503: the server could not make the file just now (its worker did not answer); try again. */
  ExportUnavailable: 'exportUnavailable',
  /** 413: an import file over the size limit (`errors` in the body say so in plain words). */
  ImportTooLarge: 'importTooLarge',
  /** 400: an import file that is not a Caseroom case; `errors` in the body say where, in plain words. */
  InvalidImport: 'invalidImport',
  /** 500: the file could not be read because of a bug in Caseroom (logged). */
  ImportFailed: 'importFailed',
  /** 503: the server could not read the file just now; try again. */
  ImportUnavailable: 'importUnavailable',

  // Serving the client.
  /** 503: the server was started without a built client (`pnpm build`). */
  ClientNotBuilt: 'clientNotBuilt',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

const CODES: ReadonlySet<string> = new Set(Object.values(ApiErrorCode));

/** Whether a code read from an answer is one this version knows (a newer server may send others). */
export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return typeof code === 'string' && CODES.has(code);
}
