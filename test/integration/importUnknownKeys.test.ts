import { openSqliteStores, type Stores } from '@caseroom/server';
import { exampleCase } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, bearer, createCase, type Json, makeTempDataDir, startTestServer } from '../support/server.ts';

/** docs/exchange.md, "Unknown fields": an import never drops a key it does not know. */
describe('import: unknown fields are errors, never dropped', () => {
  const { servers, dirs } = cleanupAfterEach();

  async function start(): Promise<{ url: string; store: Stores }> {
    const dataDir = makeTempDataDir();
    dirs.push(dataDir);
    const store = await openSqliteStores(dataDir);
    const server = await startTestServer({ dataDir, stores: store });
    servers.push(server);
    return { url: server.url, store };
  }

  async function importText(url: string, text: string) {
    const response = await fetch(`${url}/api/cases/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: text,
    });
    return { status: response.status, body: JSON.parse(await response.text()) as Json };
  }

  it('refuses an export with misspelt keys, listing each with its path and the field meant, and creates nothing', async () => {
    const { url, store } = await start();
    const original = await createCase(url, { example: true });
    const exported = await fetch(`${url}/api/cases/${original.id}/export.json`, { headers: bearer(original.token) });
    const file = JSON.parse(await exported.text());
    file.model.paymentModel.paymentcap = file.model.paymentModel.paymentCap;
    delete file.model.paymentModel.paymentCap;
    file.model.outcomes[0].sources.expectedRat = 'Evaluering';
    const before = (await store.cases.list()).length;

    const refused = await importText(url, JSON.stringify(file));
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalidImport');
    const errors = refused.body.error.errors as { path: (string | number)[]; message: { da: string; en: string } }[];
    expect(errors.map((e) => e.message.da)).toEqual([
      `Resultatmål 1: kildenote til et felt, der ikke findes: model/outcomes[id=${file.model.outcomes[0].id}]/sources/expectedRat — mente du expectedRate?`,
      'Betalingsmodel: ukendt felt model/paymentModel/paymentcap — mente du paymentCap?',
    ]);
    expect(errors[1]?.message.en).toBe(
      'Payment model: unknown field model/paymentModel/paymentcap — did you mean paymentCap?',
    );
    expect(errors[1]?.path).toEqual(['model', 'paymentModel', 'paymentcap']);
    expect(refused.body.error.message).toMatch(
      /^The file cannot be imported: .*source note .*model\/outcomes.*\(and 1 more\)/,
    );
    expect((await store.cases.list()).length).toBe(before);

    // Spelt right, the same file imports, with its cap.
    file.model.paymentModel.paymentCap = file.model.paymentModel.paymentcap;
    delete file.model.paymentModel.paymentcap;
    delete file.model.outcomes[0].sources.expectedRat;
    const imported = await importText(url, JSON.stringify(file));
    expect(imported.status).toBe(201);
    const model = await api(url, imported.body.token, 'GET', `/api/cases/${imported.body.id}/model`);
    expect(model.body.paymentModel.paymentCap).toBe(exampleCase().paymentModel.paymentCap);
  });

  it('a version-0 file whose old keys the migration moves is imported, not refused as unknown', async () => {
    const { url } = await start();
    const { sources: _sources, ...facts } = exampleCase().facts;
    const v0 = {
      ...exampleCase(),
      schemaVersion: 0,
      facts,
      outcomes: exampleCase().outcomes.map(({ valuePerDepartment: _v, ...outcome }) => ({ ...outcome, value: 5000 })),
    };
    expect((await importText(url, JSON.stringify(v0))).status).toBe(201);
    // The same `value` key in a file of the current version is unknown.
    const current = { ...exampleCase(), outcomes: exampleCase().outcomes.map((o) => ({ ...o, value: 5000 })) };
    const refused = await importText(url, JSON.stringify(current));
    expect(refused.status).toBe(400);
    expect(refused.body.error.errors[0].message.en).toBe(
      `Outcome targets 1: unknown field outcomes[id=${current.outcomes[0]?.id}]/value — did you mean name?`,
    );
  });
});
