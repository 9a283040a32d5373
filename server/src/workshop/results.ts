/** An expected failure of a workshop or history operation, ready for the HTTP layer. */
export type Failure = {
  ok: false;
  status: 400 | 404 | 409 | 413 | 500 | 503;
  code: string;
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

/** A failed result. */
export function fail(
  status: Failure['status'],
  code: string,
  message: string,
  details?: Record<string, unknown>,
): Failure {
  return { ok: false, status, code, message, ...(details ? { details } : {}) };
}
