/**
 * `npx tsx test/bench/snapshot.bench.ts`: how long a snapshot of a large case takes (issue 4:
 * under 100 ms, without blocking editing). Builds a case of about 1 MB of Yjs state — the
 * example plus 300 outcomes and 300 interventions with long rich-text descriptions — then
 *  1. takes snapshots directly: Y.encodeStateAsUpdate of the live Y.Doc + the SQLite write
 *     (openSqliteStores → snapshots.add, WAL, NORMAL), the work the server does per snapshot;
 *  2. against a real server (SQLite in a temp dir): POST …/snapshots back to back while an
 *     editor edits every 10 ms, and measures how long each edit takes to reach another
 *     client, with and without snapshots being taken.
 * Prints median / p95 / max in milliseconds.
 */
import { rmSync } from 'node:fs';
import { openSqliteStores } from '@caseroom/server';
import {
  type CaseModelDraft,
  exampleCase,
  initCaseDoc,
  reconcileModel,
  sectionMap,
  toModel,
  writeModel,
  writeShortText,
} from '@caseroom/shared';
import * as Y from 'yjs';
import {
  api,
  connectSynced,
  createCase,
  inviteParty,
  makeTempDataDir,
  startTestServer,
  waitFor,
} from '../support/server.ts';
import { editLatencyProbe } from './editLatency.ts';
import { stats } from './stats.ts';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

function longText(seed: number) {
  const sentence = `Afsnit ${seed}: borgeren får et forløb med tæt opfølgning, koordinering mellem jobcenter og behandling og kontakt til arbejdspladsen. `;
  return {
    type: 'doc' as const,
    content: Array.from({ length: 6 }, (_, i) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `${sentence.repeat(3)}(${i})` }],
    })),
  };
}

function largeCase(): CaseModelDraft {
  const model = exampleCase();
  const outcome = model.outcomes[0]!;
  const intervention = model.interventions.candidates[0]!;
  model.outcomes = Array.from({ length: ITEMS }, (_, i) => ({
    ...outcome,
    id: `out-${i}`,
    order: `a${String(i).padStart(4, '0')}`,
    name: `Resultatmål ${i + 1}`,
    definition: `Definition af resultatmål ${i + 1}: andelen af deltagere i ordinær beskæftigelse efter forløbet.`,
  }));
  model.interventions.candidates = Array.from({ length: ITEMS }, (_, i) => ({
    ...intervention,
    id: `int-${i}`,
    order: `a${String(i).padStart(4, '0')}`,
    name: `Indsats ${i + 1}`,
    description: longText(i) as CaseModelDraft['interventions']['candidates'][number]['description'],
  }));
  model.interventions.chosenId = 'int-0';
  return model;
}

async function direct(model: CaseModelDraft): Promise<void> {
  const dir = makeTempDataDir('caseroom-bench-');
  const stores = await openSqliteStores(dir);
  try {
    const doc = new Y.Doc();
    initCaseDoc(doc);
    writeModel(doc, model);
    // Some editing history on top, as a live case has.
    for (let i = 0; i < 500; i++) doc.transact(() => writeShortText(sectionMap(doc, 'facts')!, 'title', `Titel ${i}`));
    const initial = Y.encodeStateAsUpdate(doc);
    await stores.cases.create({
      id: 'big',
      createdAt: Date.now(),
      initialState: initial,
      summary: { title: 'x', municipality: undefined, phase: 1 },
    });
    console.log(`document state: ${(initial.byteLength / 1024 / 1024).toFixed(2)} MiB (Y.encodeStateAsUpdate)`);
    const encode: number[] = [];
    const total: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      const state = Y.encodeStateAsUpdate(doc);
      const encoded = performance.now();
      await stores.snapshots.add({
        id: `s${i}`,
        caseId: 'big',
        name: `Snapshot ${i}`,
        kind: 'manual',
        createdAt: Date.now(),
        createdByPartyId: 'f',
        state,
      });
      const stored = performance.now();
      encode.push(encoded - start);
      total.push(stored - start);
    }
    console.log(`snapshot, direct — encode:          ${stats(encode)}`);
    console.log(`snapshot, direct — encode + store:  ${stats(total)}`);
  } finally {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function throughServer(model: CaseModelDraft): Promise<void> {
  const server = await startTestServer();
  try {
    const { id, token } = await createCase(server.url);
    const editorLink = await inviteParty(server.url, id, token, {
      name: 'Jobcenter',
      kind: 'department',
      role: 'editor',
    });
    const facilitator = await connectSynced(server.wsUrl, id, { token });
    facilitator.doc.transact(() => reconcileModel(facilitator.doc, model));
    const editor = await connectSynced(server.wsUrl, id, { token: editorLink.token });
    const reader = await connectSynced(server.wsUrl, id, { token: editorLink.token });
    await waitFor(() => toModel(reader.doc).outcomes.length === ITEMS, { timeoutMs: 30_000, what: 'the large case' });
    console.log(`server document: ${(Y.encodeStateAsUpdate(reader.doc).byteLength / 1024 / 1024).toFixed(2)} MiB`);

    const editFor = editLatencyProbe(editor, reader);

    const quiet = await editFor(1_500);
    const posts: number[] = [];
    let taking = true;
    const snapshots = (async () => {
      for (let i = 0; i < ROUNDS; i++) {
        const start = performance.now();
        const response = await api(server.url, token, 'POST', `/api/cases/${id}/snapshots`, { name: `Bench ${i}` });
        if (response.status !== 201) throw new Error(`snapshot: HTTP ${response.status}`);
        posts.push(performance.now() - start);
      }
      taking = false;
    })();
    const busy: number[] = [];
    while (taking) busy.push(...(await editFor(100)));
    await snapshots;
    console.log(`POST /snapshots (HTTP round trip):  ${stats(posts)}`);
    console.log(`edit → other client, no snapshots:  ${stats(quiet)}`);
    console.log(`edit → other client, snapshotting:  ${stats(busy)}`);
    for (const client of [facilitator, editor, reader]) client.destroy();
  } finally {
    await server.close();
  }
}

const model = largeCase();
await direct(model);
await throughServer(model);
