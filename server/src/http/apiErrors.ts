import { ApiErrorCode } from '@caseroom/shared';
import type { ErrorRequestHandler, Response } from 'express';
import { StorageUnavailableError } from '../documents/CaseDocument.ts';
import type { Log } from '../log.ts';
import { isStorageFailure } from '../storage/storageFailure.ts';
import { storageUnavailable } from '../workshop/results.ts';

/** The HTTP API's error codes are one union in shared, which the client's error texts are keyed by. */
export { ApiErrorCode } from '@caseroom/shared';

/** Sends `{ "error": { code, message, ...details } }` with a status. */
export function sendError(
  res: Response,
  status: number,
  code: ApiErrorCode,
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
