import { ApiErrorCode } from '@caseroom/shared';

/** An expected failure of a workshop or history operation, ready for the HTTP layer. */
export type Failure = {
  ok: false;
  status: 400 | 403 | 404 | 409 | 413 | 429 | 500 | 503 | 507;
  code: ApiErrorCode;
  message: string;
  /** Extra fields for the error body (e.g. `currentHash`, `reason`). */
  details?: Record<string, unknown>;
};

/** The result of an operation a person can get wrong: a value, or a Failure. */
export type Result<T> = { ok: true; value: T } | Failure;

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * The store cannot write right now (disk full, read-only, I/O error; issue 9): the change must
 * not be reported as made. The server keeps what it has in memory and resumes by itself.
 */
export function storageUnavailable(): Failure {
  return fail(503, ApiErrorCode.StorageUnavailable, 'The case cannot be stored right now; try again shortly.');
}

/** A failed result. */
export function fail(
  status: Failure['status'],
  code: ApiErrorCode,
  message: string,
  details?: Record<string, unknown>,
): Failure {
  return { ok: false, status, code, message, ...(details ? { details } : {}) };
}
