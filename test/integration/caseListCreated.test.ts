import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bearer, createCase, makeTempDataDir, startTestServer, type TestServer } from '../support/server.ts';

type Listing = {
  id: string;
  title?: string;
  municipality?: string;
  phase?: number;
  createdAt?: string;
  importedAt?: string;
};

/** Issue 13: two cases with one title, municipality and phase are told apart by when they were made. */
describe('GET /api/cases tells look-alike cases apart', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ clientDir: join(tmpdir(), 'caseroom-no-client-here') });
  });
  afterEach(async () => {
    await server.close();
  });

  it('lists each case with the time it was created', async () => {
    const before = Date.now();
    const first = await createCase(server.url, { example: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await createCase(server.url, { example: true });
    const after = Date.now();
    const response = await fetch(`${server.url}/api/cases`, { headers: bearer(first.token, second.token) });
    const list = (await response.json()) as Listing[];
    const one = list.find((c) => c.id === first.id)!;
    const two = list.find((c) => c.id === second.id)!;
    // The two look alike: only the creation time (and the id) tell them apart.
    expect([one.title, one.municipality, one.phase]).toEqual([two.title, two.municipality, two.phase]);
    for (const row of [one, two]) {
      expect(new Date(row.createdAt!).toISOString()).toBe(row.createdAt);
      expect(Date.parse(row.createdAt!)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(row.createdAt!)).toBeLessThanOrEqual(after);
    }
    expect(Date.parse(two.createdAt!)).toBeGreaterThan(Date.parse(one.createdAt!));
  });

  it('marks a case made from an import file with the time it was imported, across a restart', async () => {
    const dataDir = makeTempDataDir();
    const noClient = join(tmpdir(), 'caseroom-no-client-here');
    let own = await startTestServer({ dataDir, clientDir: noClient });
    try {
      const original = await createCase(own.url, { example: true });
      const exported = await fetch(`${own.url}/api/cases/${original.id}/export.json`, {
        headers: bearer(original.token),
      });
      const before = Date.now();
      const imported = await fetch(`${own.url}/api/cases/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: await exported.text(),
      });
      expect(imported.status).toBe(201);
      const copy = (await imported.json()) as { id: string; token: string };
      const check = async () => {
        const response = await fetch(`${own.url}/api/cases`, { headers: bearer(original.token, copy.token) });
        const list = (await response.json()) as Listing[];
        const copyRow = list.find((c) => c.id === copy.id)!;
        expect(Date.parse(copyRow.importedAt!)).toBeGreaterThanOrEqual(before);
        expect(copyRow.importedAt).toBe(copyRow.createdAt);
        expect(list.find((c) => c.id === original.id)).not.toHaveProperty('importedAt');
      };
      await check();
      // The mark lives in the catalogue: a server started again on the same data still shows it.
      await own.close();
      own = await startTestServer({ dataDir, clientDir: noClient });
      await check();
    } finally {
      await own.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
