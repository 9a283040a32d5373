import type { ErrorRequestHandler, Response } from 'express';
import type { Log } from '../log.ts';

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
  NotFound: 'notFound',
  BadRequest: 'badRequest',
  MalformedJson: 'malformedJson',
  ClientNotBuilt: 'clientNotBuilt',
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
 * The last Express middleware: a body that is not JSON is the caller's mistake (400), anything
 * else is ours (500, logged, no internals in the response).
 */
export function errorHandler(log: Log): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status = typeof error?.status === 'number' ? error.status : 500;
    if (error?.type === 'entity.parse.failed') {
      sendError(res, 400, ApiErrorCode.MalformedJson, 'The request body is not valid JSON.');
    } else if (status >= 400 && status < 500) {
      sendError(res, status, ApiErrorCode.BadRequest, String(error?.message ?? 'Bad request'));
    } else {
      log('error', 'request failed', { method: req.method, path: req.path, error });
      sendError(res, 500, ApiErrorCode.Internal, 'Something went wrong on the server.');
    }
  };
}
