/**
 * globalSetup of the `-pg` projects (issue 14): ONE PostgreSQL for the whole project, started
 * before its first test file and stopped after its last. Its URL reaches the test files through
 * vitest's `provide`/`inject` (`postgresProject.ts` puts it into the environment there); each
 * server a test starts gets a database of its own on it (`support/server.ts`).
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the project's PostgreSQL (a superuser; create databases on it). */
    caseroomPostgresUrl: string;
  }
}

/** Starts the project's PostgreSQL; the returned function stops it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const postgres = await startPostgres();
  project.provide('caseroomPostgresUrl', postgres.url);
  return () => postgres.stop();
}
