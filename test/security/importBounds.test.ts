/**
 * Issue 9 (items 3 and 4, the import path): a broken import file gets a clear error and loses
 * nothing. A file nested 100,000 deep overflowed the stack of the schema check or of Yjs's
 * encoder in the exchange worker (500 `importFailed`); a rich text past RICH_TEXT_BOUND made
 * `writeRichText` throw (500); a 300-character title or 101 outcomes made a case no editor
 * could go on editing within the write guard's bounds (201). Each is now a 400 `invalidImport`
 * naming the field and the bound, nothing is created, /health keeps answering, and the server
 * imports the next honest file.
 */

import { rmSync } from 'node:fs';
import type { Stores } from '@caseroom/server';
import { type CaseModelDraft, exampleCase, MAX_IMPORT_VALUES } from '@caseroom/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDataDir, openTestStores, startTestServer, type TestServer } from '../support/server.ts';
import { healthProbe } from './attackFixtures.ts';

type ImportError = { path: (string | number)[]; message: { da: string; en: string } };
type Outcome = CaseModelDraft['outcomes'][number];

const MARKER = '"__RAW__"';

/**
 * The example case as JSON text with the value `set` puts the marker in replaced by raw JSON:
 * values nested this deep cannot go through JSON.stringify (it recurses), so they are text.
 */
function caseWithRaw(set: (model: CaseModelDraft, marker: never) => void, raw: string): string {
  const model = exampleCase();
  set(model, JSON.parse(MARKER) as never);
  const text = JSON.stringify(model);
  expect(text).toContain(MARKER);
  return text.replace(MARKER, raw);
}

describe('[9.3] broken import files: a named 400, nothing created, /health answering', () => {
  // One server for every attack (each counts the cases it finds before and after): a server's
  // exchange worker takes seconds to boot on the shared machine.
  let server: TestServer;
  let store: Stores;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = makeTempDataDir();
    store = await openTestStores(dataDir);
    server = await startTestServer({ dataDir, stores: store });
  });

  afterAll(async () => {
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** POSTs the file as the start page does, with /health probed throughout. */
  async function importWhileProbing(body: string) {
    const before = (await store.cases.list()).length;
    const probe = healthProbe(server.url);
    const response = await fetch(`${server.url}/api/cases/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const answer = JSON.parse(await response.text());
    const longestHealthMs = await probe.stop();
    return { status: response.status, answer, longestHealthMs, created: (await store.cases.list()).length - before };
  }

  /** The refusal is a 400 with the one named error; nothing stored; /health answered within 1 s; no 500 logged. */
  async function expectRefused(body: string): Promise<ImportError> {
    const logged = server.logs.length;
    const result = await importWhileProbing(body);
    expect(result.status).toBe(400);
    expect(result.answer.error.code).toBe('invalidImport');
    expect(result.answer.error.errors).toHaveLength(1);
    expect(result.created).toBe(0);
    expect(result.longestHealthMs).toBeLessThan(1_000);
    expect(server.logs.slice(logged).filter((line) => line.level === 'error')).toEqual([]);
    return result.answer.error.errors[0] as ImportError;
  }

  /** After the attack the worker still imports an honest file. */
  async function expectHonestImport(): Promise<void> {
    const honest = await importWhileProbing(JSON.stringify(exampleCase()));
    expect(honest.status).toBe(201);
    expect(honest.created).toBe(1);
  }

  it('[9.3] a 100,000-deep JSON array (in a rich text’s attributes, where Yjs would encode it)', async () => {
    const body = caseWithRaw(
      (model, marker) => {
        model.problem.text = {
          type: 'doc',
          content: [{ type: 'paragraph', attrs: { x: marker }, content: [{ type: 'text', text: 'a' }] }],
        };
      },
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    );
    const error = await expectRefused(body);
    expect(error.path.slice(0, 6)).toEqual(['problem', 'text', 'content', 0, 'attrs', 'x']);
    expect(error.message.da).toMatch(/^Filen er indlejret dybere end 64 niveauer under Problembeskrivelse/);
    expect(error.message.en).toMatch(/^The file is nested deeper than 64 levels under Problem definition/);
    await expectHonestImport();
  });

  it('[9.3] a rich text 20,000 blockquotes deep', async () => {
    const quotes = 20_000;
    const deep = `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(quotes)}{"type":"paragraph"}${']}'.repeat(quotes)}]}`;
    const body = caseWithRaw((model, marker) => {
      model.problem.text = marker;
    }, deep);
    expect(body.length).toBeGreaterThan(600_000);
    const error = await expectRefused(body);
    expect(error).toEqual({
      path: ['problem', 'text'],
      message: {
        da: 'Teksten i Problembeskrivelse er dybere end 16 niveauer (lister i lister eller citater i citater).',
        en: 'The text in Problem definition is nested deeper than 16 levels (lists within lists or quotes within quotes).',
      },
    });
    await expectHonestImport();
  });

  it('[9.3] a 300-character title', async () => {
    const model = exampleCase();
    model.facts.title = 'T'.repeat(300);
    const error = await expectRefused(JSON.stringify(model));
    expect(error).toEqual({
      path: ['facts', 'title'],
      message: {
        da: 'Teksten i Titel er længere end 200 tegn (den har 300).',
        en: 'The text in Title is longer than 200 characters (it has 300).',
      },
    });
    await expectHonestImport();
  });

  it('[9.3] 101 outcomes, in an export', async () => {
    const model = exampleCase();
    const template = model.outcomes[0] as Outcome;
    model.outcomes = Array.from({ length: 101 }, (_, i) => ({ ...template, id: `o${i}`, order: `a${i}` }));
    const file = { format: 'caseroom-case', schemaVersion: 1, model, decisions: [], signoffs: [] };
    const error = await expectRefused(JSON.stringify(file));
    expect(error).toEqual({
      path: ['model', 'outcomes'],
      message: {
        da: 'Resultatmål har 101 poster; der må højst være 100.',
        en: 'Outcome targets has 101 entries; at most 100 are allowed.',
      },
    });
    await expectHonestImport();
  });

  it('[9.4] a file of more values than any case holds', async () => {
    const body = caseWithRaw(
      (model, marker) => {
        model.facts.sources = { note: marker };
      },
      `[${'0,'.repeat(MAX_IMPORT_VALUES)}0]`,
    );
    const error = await expectRefused(body);
    expect(error.path).toEqual([]);
    expect(error.message.en).toMatch(/^The file holds more than 1,000,000 values/);
    await expectHonestImport();
  });
});
