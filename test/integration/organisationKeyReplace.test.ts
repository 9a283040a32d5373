import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueNewOrganisationKey, SETUP_EXIT } from '../../cli/src/setupCommand.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, makeTempDataDir, startTestServer } from '../support/server.ts';

/**
 * docs/access.md "Organisations": an operator who lost the organisation key, or fears it leaked,
 * stops the server, runs `caseroom setup --new-key`, and starts it again — the old key is refused
 * from then on, the new one (in the key file) creates cases, and the cases made so far keep
 * their links.
 */
describe('replacing the organisation key', () => {
  const resources = cleanupAfterEach();

  it('after setup --new-key on a stopped server, the old key is 403 organisationKeyInvalid and the new one creates cases; existing links keep working', async () => {
    const dataDir = makeTempDataDir();
    resources.dirs.push(dataDir);
    const keyFile = join(dataDir, 'organisation-key');

    const before = await startTestServer({ dataDir, host: '0.0.0.0' });
    resources.servers.push(before);
    const oldKey = readFileSync(keyFile, 'utf8').trim();
    const created = await api(before.url, oldKey, 'POST', '/api/cases', { example: true });
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;
    const facilitatorToken = created.body.token as string;

    // While the server runs, the command refuses and the old key keeps working.
    const refused = await issueNewOrganisationKey({ dataDir, lang: 'en' });
    expect(refused.exitCode).toBe(SETUP_EXIT.refused);
    expect(refused.lines[0]).toContain('A Caseroom server is using the data directory');
    expect((await api(before.url, oldKey, 'POST', '/api/cases', {})).status).toBe(201);
    await before.close();

    const replaced = await issueNewOrganisationKey({ dataDir, lang: 'en' });
    expect(replaced.exitCode).toBe(SETUP_EXIT.replaced);
    const newKey = readFileSync(keyFile, 'utf8').trim();
    expect(newKey).not.toBe(oldKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    const after = await startTestServer({ dataDir, host: '0.0.0.0' });
    resources.servers.push(after);
    // The server found its organisation and left the new key file as it was.
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(newKey);
    const withOld = await api(after.url, oldKey, 'POST', '/api/cases', {});
    expect(withOld.status).toBe(403);
    expect(withOld.body.error.code).toBe('organisationKeyInvalid');
    const withNew = await api(after.url, newKey, 'POST', '/api/cases', {});
    expect(withNew.status).toBe(201);
    expect((await api(after.url, facilitatorToken, 'GET', `/api/cases/${caseId}/me`)).status).toBe(200);
  });
});
