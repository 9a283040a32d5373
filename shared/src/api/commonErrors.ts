import { ApiErrorCode } from './errorCodes.ts';

/**
 * Error codes that groups of endpoints share, so each endpoint lists only its own. Any `/api`
 * request may meet ANY_REQUEST (the Host allowlist, the per-address limit, a malformed body, a
 * bug, a store that cannot write).
 */
export const ANY_REQUEST = [
  ApiErrorCode.BadRequest,
  ApiErrorCode.MalformedJson,
  ApiErrorCode.Internal,
  ApiErrorCode.HostNotAllowed,
  ApiErrorCode.TooManyRequests,
  ApiErrorCode.StorageUnavailable,
] as const;

/** A request for a case that presents a party's link (docs/access.md A5, in its order). */
export const AS_PARTY = [
  ApiErrorCode.CaseNotFound,
  ApiErrorCode.TokenMissing,
  ApiErrorCode.TokenInvalid,
  ApiErrorCode.AccessEnded,
  ApiErrorCode.LinkExpired,
] as const;

/** A request only some roles may make (facilitator, or editor and facilitator). */
export const BY_ROLE = [...AS_PARTY, ApiErrorCode.Forbidden] as const;

/** Creating or importing a case: beyond loopback, only with an organisation key (issue 10). */
export const WITH_ORGANISATION_KEY = [
  ApiErrorCode.OrganisationKeyMissing,
  ApiErrorCode.OrganisationKeyInvalid,
] as const;
