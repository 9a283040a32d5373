import { InjectedStorageFault } from './FaultInjectingStores.ts';

/**
 * SQLite result codes (and their extended forms, `SQLITE_IOERR_WRITE` …) that mean the store
 * cannot write now — a full disk, a read-only file or directory, an I/O error, another writer
 * holding the lock — rather than a mistake in the request or in our code.
 */
const STORAGE_FAILURE_CODES = [
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN',
  'SQLITE_PERM',
  'SQLITE_NOMEM',
  'SQLITE_PROTOCOL',
];

/**
 * Whether a store threw because it cannot write right now (disk full, read-only, I/O error,
 * locked; or FaultInjectingStores in tests). The HTTP layer answers these 503 `storageUnavailable`
 * — "try again shortly" — instead of 500: the server keeps what it has in memory and resumes
 * once the store writes again.
 */
export function isStorageFailure(error: unknown): boolean {
  if (error instanceof InjectedStorageFault) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return isConnectionFailure(error);
  return (
    STORAGE_FAILURE_CODES.some((prefix) => code.startsWith(prefix)) ||
    POSTGRES_FAILURE_CLASSES.some((prefix) => code.startsWith(prefix)) ||
    NETWORK_FAILURE_CODES.includes(code)
  );
}

/**
 * PostgreSQL SQLSTATE classes that mean the database cannot take the write now: 08 connection
 * exception, 53 insufficient resources (disk full), 57 operator intervention (shutting down),
 * 58 system error, 40 transaction rollback (serialization failure, deadlock).
 */
const POSTGRES_FAILURE_CLASSES = ['08', '53', '57', '58', '40'];

/** The socket to PostgreSQL failed (the server stopped, the network went). */
const NETWORK_FAILURE_CODES = ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH'];

/** node-postgres' own errors when the connection ends or cannot be had (no code). */
function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i.test(
    error.message,
  );
}
