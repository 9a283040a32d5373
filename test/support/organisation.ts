import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IssuedMemberLink } from '@caseroom/shared';
import { api, type TestServer } from './server.ts';

/**
 * The organisation of a test server (issue 15): the key the server wrote to
 * `<data dir>/organisation-key` when it made the first organisation, and members added with it.
 */
export function organisationKeyOf(server: Pick<TestServer, 'dataDir'>): string {
  return readFileSync(join(server.dataDir, 'organisation-key'), 'utf8').trim();
}

/** Adds a member with the organisation key (`POST /api/organisation/members`); throws unless 201. */
export async function addMember(
  server: Pick<TestServer, 'url'>,
  organisationKey: string,
  name: string,
  expiresAt?: string,
): Promise<IssuedMemberLink> {
  const added = await api(server.url, organisationKey, 'POST', '/api/organisation/members', { name, expiresAt });
  if (added.status !== 201) throw new Error(`addMember: HTTP ${added.status} ${JSON.stringify(added.body)}`);
  return added.body as IssuedMemberLink;
}
