import { InjectedStorageFault } from './FaultInjectingStore.ts';

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
 * locked; or FaultInjectingStore in tests). The HTTP layer answers these 503 `storageUnavailable`
 * — "try again shortly" — instead of 500: the server keeps what it has in memory and resumes
 * once the store writes again.
 */
export function isStorageFailure(error: unknown): boolean {
  if (error instanceof InjectedStorageFault) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_FAILURE_CODES.some((prefix) => code.startsWith(prefix));
}
