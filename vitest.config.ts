import { defineConfig } from 'vitest/config';

/**
 * Issue 14: the integration tests about storing — compaction, quotas, failing stores,
 * migrations of old cases, restarts on the same data — run a second time on PostgreSQL
 * (`storage-pg`). Each file's server gets a database of its own on the project's one PostgreSQL.
 */
const STORAGE_TESTS = [
  'test/integration/storage.test.ts',
  'test/integration/durability.test.ts',
  'test/integration/workshopStorage.test.ts',
  'test/integration/migration.test.ts',
  'test/integration/workshopMigration.test.ts',
  'test/integration/layout2Imports.test.ts',
  'test/integration/offlineCopyReplay.test.ts',
  'test/integration/signoffs.test.ts',
  'test/integration/shutdown.test.ts',
  // Issue 15: a deleted case leaves no row in any table (scanned through a second handle).
  'test/integration/lifecycle.test.ts',
  // Refusals whose effect (nothing stored) is checked across a restart on the same data.
  'test/integration/comments.test.ts',
  'test/integration/observer.test.ts',
  'test/integration/workshopGuard.test.ts',
  'test/integration/caseListCreated.test.ts',
  // Not here, about SQLite itself: backup.test.ts (SQLite's online backup and the restore CLI
  // into a data directory). postgresServer.test.ts and the cluster tests run on PostgreSQL already.
];

/**
 * Security tests that stay on SQLite (excluded from `security-pg`): they are about SQLite, do
 * not run on support/server.ts's database, or never touch the store.
 */
const SQLITE_ONLY_SECURITY_TESTS = [
  // The data-directory lock is an OS lock on the SQLite file beside the database (DataDirLock).
  'test/security/storageLock.test.ts',
  // The soak's server is benchServer.ts in a forked child with its own SQLite data dir, not
  // support/server.ts: on PostgreSQL it would only run the same 90 s of SQLite again.
  'test/security/soak.test.ts',
  // Never reach the store — frame and presence limits on the socket, pricing bounds — so they
  // would test nothing new on PostgreSQL for ~20 s of CI (measured: issue 14).
  'test/security/connectionLimits.test.ts',
  'test/security/presenceSchema.test.ts',
  'test/security/pricingBounds.test.ts',
];

/** A project's settings on PostgreSQL: one server for the project, its URL handed to every file. */
const onPostgres = {
  env: { CASEROOM_TEST_DATABASE: 'postgres' },
  globalSetup: ['test/support/postgresGlobalSetup.ts'],
  setupFiles: ['test/support/postgresProject.ts'],
};

/**
 * One runner, six projects: unit tests next to the code, integration tests against a real
 * server on port 0 with real SQLite files, attacks on a real server (test/security), browser
 * end-to-end tests in Debian's Chromium, and the storage and security tests again on PostgreSQL.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'server/src/**/*.test.ts',
            'client/src/**/*.test.ts',
            'cli/src/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // Attacks on a real server with raw frames (issue 9). One file at a time: each checks
        // that /health keeps answering while it attacks, which other files' load would blur.
        test: {
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'storage-pg',
          include: STORAGE_TESTS,
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          ...onPostgres,
        },
      },
      {
        test: {
          name: 'security-pg',
          include: ['test/security/**/*.test.ts'],
          exclude: SQLITE_ONLY_SECURITY_TESTS,
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 30_000,
          fileParallelism: false,
          ...onPostgres,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
