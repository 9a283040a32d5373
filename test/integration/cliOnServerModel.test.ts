import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { businessCase, exampleCase, getItem, setField } from '@caseroom/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { run } from '../../cli/src/main.ts';
import { bearer, connectSynced, createCase, startTestServer, type TestServer } from '../support/server.ts';

/**
 * The CLI reads exactly what `GET /api/cases/:id/model` returns, and a live edit made by a
 * y-websocket client shows in the CLI's figures.
 */
describe('CLI on the model the server returns', () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'caseroom-cli-int-'));
  });
  afterAll(async () => {
    await server.close();
  });

  it('prices the served example exactly as the shared engine prices the built-in example', async () => {
    const { id, token } = await createCase(server.url, { example: true });
    const model = await (await fetch(`${server.url}/api/cases/${id}/model`, { headers: bearer(token) })).json();
    const file = join(dir, 'served.json');
    writeFileSync(file, JSON.stringify(model));
    const result = run(['price', file, '--json', '--iterations', '500']);
    expect(result.exitCode).toBe(0);
    const expected = businessCase(exampleCase());
    if (!expected.priced.ok) throw new Error('the example must be priceable');
    expect(JSON.parse(result.output).pricing.authorityNpv).toBeCloseTo(expected.priced.pricing.authorityNpv, 6);
  });

  it('a live edit that breaks the model makes validate exit 1', async () => {
    const { id, token } = await createCase(server.url, { example: true });
    const client = await connectSynced(server.wsUrl, id, { token });
    try {
      // P19: the outcome's expected rate is the chosen candidate's.
      const rates = getItem(client.doc, 'intervention', 'int-ips')!.get('expectedRates') as Y.Map<unknown>;
      client.doc.transact(() => setField(rates, 'out-employment', 0.1));
      type Served = { outcomes: { id: string; expectedRate?: number }[] };
      let model: Served | undefined;
      const deadline = Date.now() + 5_000;
      while (model?.outcomes.find((o) => o.id === 'out-employment')?.expectedRate !== 0.1) {
        if (Date.now() > deadline) throw new Error('the server never served the edit');
        await new Promise((resolve) => setTimeout(resolve, 20));
        model = (await (
          await fetch(`${server.url}/api/cases/${id}/model`, { headers: bearer(token) })
        ).json()) as Served;
      }
      const file = join(dir, 'edited.json');
      writeFileSync(file, JSON.stringify(model));
      const result = run(['validate', file, '--lang', 'en']);
      expect(result.exitCode).toBe(1);
      expect(result.output).toContain('[V3]');
    } finally {
      client.destroy();
    }
  });
});
