import type { ErrorRequestHandler, Response } from 'express';
import { StorageUnavailableError } from '../documents/CaseDocument.ts';
import type { Log } from '../log.ts';
import { isStorageFailure } from '../storage/storageFailure.ts';
import { storageUnavailable } from '../workshop/results.ts';

/** Machine-readable error codes of the HTTP API. */
export const ApiErrorCode = {
  CaseNotFound: 'caseNotFound',
  PartyNotFound: 'partyNotFound',
  /** No token presented (401). */
  TokenMissing: 'tokenMissing',
  /** An unknown or revoked token, or one for another case (403). */
  TokenInvalid: 'tokenInvalid',
  /** A valid token whose role may not do this (403). */
  Forbidden: 'forbidden',
  /** The party's link is past the time the facilitator set (403, issue 10). */
  LinkExpired: 'linkExpired',
  /** The facilitator ended the party's access (403, issue 10). */
  AccessEnded: 'accessEnded',
  /** Creating or importing a case on a server reached from other machines, without an organisation key (401). */
  OrganisationKeyMissing: 'organisationKeyMissing',
  /** An organisation key that opens no organisation (403). */
  OrganisationKeyInvalid: 'organisationKeyInvalid',
  NotFound: 'notFound',
  BadRequest: 'badRequest',
  MalformedJson: 'malformedJson',
  ClientNotBuilt: 'clientNotBuilt',
  /** The store cannot write now (disk full, read-only, I/O error): nothing was changed; try again (503). */
  StorageUnavailable: 'storageUnavailable',
  /** The party already has as many exports waiting or running as it may (429). */
  TooManyExports: 'tooManyExports',
  /** The last facilitator whose link lasts cannot be ended or given an expiry (409, issue 10). */
  LastFacilitator: 'lastFacilitator',
  /** A Host header the server does not answer to (421, DNS rebinding; issue 10). */
  HostNotAllowed: 'hostNotAllowed',
  /** A websocket from a page on another site (403 before the upgrade; issue 10). */
  OriginNotAllowed: 'originNotAllowed',
  /** One client address over its per-address limit (429 with Retry-After; issue 10). */
  TooManyRequests: 'tooManyRequests',
  Internal: 'internal',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

/** Sends `{ "error": { code, message, ...details } }` with a status. */
export function sendError(
  res: Response,
  status: number,
  code: ApiErrorCode | string,
  message: string,
  details?: Record<string, unknown>,
): void {
  res.status(status).json({ error: { code, message, ...details } });
}

/**
 * The last Express middleware: a body that is not JSON is the caller's mistake (400); a store
 * that cannot write (disk full, read-only — any request that writes, wherever it throws) is
 * 503 `storageUnavailable`, logged as an error; anything else is ours (500, logged, no
 * internals in the response).
 */
export function errorHandler(log: Log): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    if (error?.type === 'entity.parse.failed') {
      sendError(res, 400, ApiErrorCode.MalformedJson, 'The request body is not valid JSON.');
    } else if (error instanceof StorageUnavailableError || isStorageFailure(error)) {
      log('error', 'storage write failed; request refused', { method: req.method, path: req.path, error });
      const failure = storageUnavailable();
      sendError(res, failure.status, failure.code, failure.message);
    } else if (status >= 400 && status < 500) {
      sendError(res, status, ApiErrorCode.BadRequest, String(error?.message ?? 'Bad request'));
    } else {
      log('error', 'request failed', { method: req.method, path: req.path, error });
      sendError(res, 500, ApiErrorCode.Internal, 'Something went wrong on the server.');
    }
  };
}
