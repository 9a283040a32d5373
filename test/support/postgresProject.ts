/**
 * setupFiles of the `-pg` projects: hands the project's PostgreSQL URL (provided by
 * `postgresGlobalSetup.ts`) to `support/server.ts` as CASEROOM_TEST_POSTGRES_URL — an
 * environment variable because server.ts is also used outside vitest (the benches under tsx).
 */
import { inject } from 'vitest';

process.env.CASEROOM_TEST_POSTGRES_URL = inject('caseroomPostgresUrl');
