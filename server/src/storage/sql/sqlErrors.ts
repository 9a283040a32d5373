/**
 * Constraint violations, told apart the same way on both engines: better-sqlite3 puts SQLite's
 * extended result code in `code` (`SQLITE_CONSTRAINT_FOREIGNKEY` …), node-postgres the SQLSTATE
 * (`23503` foreign key, `23505` unique).
 */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A row referred to a case, party or organisation that does not exist. */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/** A row's key (or a unique column) is taken. */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * Bytes as node-postgres and better-sqlite3 both bind them: a Buffer holding a copy, taken when
 * called. A store calls it before its first await, so that a caller changing its buffer once
 * the call returned (the write still pending) changes nothing stored (contracts S7, S15).
 */
export function asBytes(data: Uint8Array): Buffer {
  return Buffer.from(data);
}

/** Bytes read back as a plain Uint8Array (a copy: the driver's Buffer may be pooled). */
export function fromBytes(data: Uint8Array): Uint8Array {
  return new Uint8Array(data);
}
