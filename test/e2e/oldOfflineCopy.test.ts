import { createHash } from 'node:crypto';
import { hashToken, newToken, openSqliteStores } from '@caseroom/server';
import {
  asLayout1,
  exampleCase,
  getItem,
  initCaseDoc,
  LAYOUT_VERSION,
  layoutVersion,
  readShortText,
  sectionMap,
  toModel,
  writeModel,
} from '@caseroom/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { launchBrowser, openPerson, type Person, pageErrors } from '../support/browser.ts';
import {
  api,
  connectSynced,
  makeTempDataDir,
  type NodeClient,
  startTestServer,
  type TestServer,
} from '../support/server.ts';
import { type CaseLink, field, itemById, linkUrl, openSection } from './room.ts';

/**
 * Issue 11, "an old offline copy after the upgrade gets the reload notice and keeps its text":
 * a browser holds its offline copy of a case from before the upgrade (document layout 1, short
 * texts as plain strings), with a short text typed offline — written as a layout-1 client
 * writes it, a string set at the field's key. The upgraded server has migrated the case to
 * layout 2 (each short text a Y.Text) and the facilitator has edited since. When the browser
 * opens the case again its copy replays the string; the write guard refuses it
 * (`schemaOutdated`). Expected: the notice "Caseroom er blevet opdateret — genindlæs siden" with
 * a reload button, the person's offline text shown whole to copy, and after the reload the
 * migrated case with the facilitator's edit. Run `pnpm build` first.
 *
 * The copy is written into the browser's IndexedDB as y-indexeddb keeps it (the current server
 * migrates every case it loads, so no running server can hand a browser a layout-1 document).
 * Which of two concurrent values of one map key a Yjs replica shows is decided by client id:
 * the offline write is made once under a client id below the server's (the browser's replica
 * then shows the migrated Y.Text, the offline string is overwritten locally) and once above it
 * (the replica shows the offline string). The person must get their text back either way.
 */
const EMPLOYMENT = 'out-employment';
const OFFLINE_DEFINITION = ' (skrevet offline før opdateringen)';
const OFFLINE_NAME = ' (rettet offline)';
const AGREED = 'Aftalt: ';
const LOWEST_CLIENT_ID = 1;
const HIGHEST_CLIENT_ID = 0xfffffff0;

let browser: Browser;
let server: TestServer;
let facilitator: NodeClient;
let caseId: string;
/** The case as the server held it before the upgrade: layout 1. */
let beforeUpgrade: Uint8Array;
const links: Record<'erik' | 'fie', CaseLink> = {
  erik: { id: '', token: '' },
  fie: { id: '', token: '' },
};
const people: Person[] = [];

/** Writes a layout-1 case with a facilitator and two editors straight into a data directory's store. */
async function writeLayout1Case(dataDir: string): Promise<{ id: string; facilitatorToken: string; state: Uint8Array }> {
  const doc = new Y.Doc();
  initCaseDoc(doc, { startYear: 2027, priceYear: 2026 });
  writeModel(doc, exampleCase());
  asLayout1(doc);
  const state = Y.encodeStateAsUpdate(doc);
  const id = 'oldLayoutCaseAAAAAAAAA';
  const tokens = { facilitator: newToken(), erik: newToken(), fie: newToken() };
  const party = (key: keyof typeof tokens, name: string, role: 'facilitator' | 'editor') => ({
    party: {
      id: `party-${key}`,
      caseId: id,
      name,
      kind: role === 'facilitator' ? ('facilitator' as const) : ('provider' as const),
      role,
      departmentId: undefined,
    },
    tokenHash: hashToken(tokens[key]),
    createdAt: 1_700_000_000_000,
  });
  const stores = await openSqliteStores(dataDir);
  try {
    await stores.cases.create({
      id,
      createdAt: 1_700_000_000_000,
      initialState: state,
      summary: { title: toModel(doc).facts.title, municipality: undefined, phase: undefined },
      founder: party('facilitator', 'Facilitator', 'facilitator'),
    });
    await stores.access.addParty(party('erik', 'Jobcenter Holbæk', 'editor'));
    await stores.access.addParty(party('fie', 'Økonomiforvaltningen', 'editor'));
  } finally {
    await stores.close();
  }
  links.erik = { id, token: tokens.erik };
  links.fie = { id, token: tokens.fie };
  return { id, facilitatorToken: tokens.facilitator, state };
}

/**
 * The browser's offline copy from before the upgrade: the layout-1 case with one short text
 * typed offline under `clientId`, as a layout-1 client wrote it (a string at the field's key).
 */
function oldCopy(clientId: number, edit: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, beforeUpgrade);
  expect(layoutVersion(doc)).toBe(1);
  doc.transact(() => edit(doc));
  return Y.encodeStateAsUpdate(doc);
}

/** The IndexedDB name of a link's offline copy (client/src/features/caseRoom/offlineCopy.ts). */
function copyName(link: CaseLink): string {
  return `caseroom:${link.id}:${createHash('sha256').update(link.token).digest('hex').slice(0, 16)}`;
}

/** Puts the copy into the page origin's IndexedDB, in y-indexeddb's layout (stores `updates` and `custom`). */
async function plantCopy(page: Page, name: string, update: Uint8Array): Promise<void> {
  await page.evaluate(
    ([dbName, bytes]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName as string);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('updates', { autoIncrement: true });
          open.result.createObjectStore('custom');
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('updates', 'readwrite');
          tx.objectStore('updates').add(new Uint8Array(bytes as number[]));
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [name, [...update]] as const,
  );
}

/**
 * One person's journey: their browser holds the old copy, opens the case, gets the notice with
 * their text, reloads, and sees the server's migrated case.
 */
async function reopenWithOldCopy(
  person: Person,
  link: CaseLink,
  copy: Uint8Array,
  show: { section: string; field: (page: Page) => ReturnType<typeof field> },
  expected: { offlineText: string; serverText: string },
): Promise<void> {
  const { page } = person;
  await page.goto(`${server.url}/`);
  await plantCopy(page, copyName(link), copy);
  await page.goto(linkUrl(server.url, link));

  const notice = page.locator('.refused-notice[role="alert"]');
  await notice.waitFor({ timeout: 20_000 });
  const text = (await notice.textContent()) ?? '';
  expect(text).toContain('Caseroom er blevet opdateret — genindlæs siden');
  expect(text).toContain('Din ændring var skrevet til en ældre udgave af Caseroom');
  const kept = notice.getByLabel('Din tekst (ikke gemt)');
  await expect.poll(() => kept.count(), { timeout: 10_000 }).toBe(1);
  expect(await kept.inputValue()).toBe(expected.offlineText);
  expect(await kept.getAttribute('readonly')).not.toBeNull();
  const reload = notice.getByRole('button', { name: 'Genindlæs siden' });
  expect(await reload.isVisible()).toBe(true);

  await Promise.all([page.waitForEvent('load'), reload.click()]);
  await page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
  await page.locator('.room[data-role="editor"]').waitFor({ timeout: 15_000 });
  await openSection(page, show.section);
  await expect.poll(() => show.field(page).inputValue(), { timeout: 10_000 }).toBe(expected.serverText);
  // The copy refilled from the server replays nothing: no second notice.
  await page.waitForTimeout(500);
  expect(await notice.count()).toBe(0);
}

beforeAll(async () => {
  const dataDir = makeTempDataDir();
  const written = await writeLayout1Case(dataDir);
  caseId = written.id;
  beforeUpgrade = written.state;
  [server, browser] = await Promise.all([startTestServer({ dataDir }), launchBrowser()]);
  // The upgraded server migrates the case when it loads; the facilitator edits since.
  facilitator = await connectSynced(server.wsUrl, caseId, { token: written.facilitatorToken });
  expect(layoutVersion(facilitator.doc)).toBe(LAYOUT_VERSION);
  facilitator.doc.transact(() => {
    const definition = getItem(facilitator.doc, 'outcome', EMPLOYMENT)?.get('definition') as Y.Text;
    definition.insert(0, AGREED);
    const name = sectionMap(facilitator.doc, 'targetGroup')?.get('name') as Y.Text;
    name.insert(name.length, ' i Holbæk');
  });
  // The edit is stored once the server has it (read back over HTTP, as anyone would see it).
  for (let tries = 0; ; tries++) {
    const model = await api(server.url, written.facilitatorToken, 'GET', `/api/cases/${caseId}/model`);
    if (String(model.body.targetGroup.name).endsWith(' i Holbæk')) break;
    if (tries > 100) throw new Error('the facilitator’s edit did not reach the server');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 60_000);

afterEach(() => {
  for (const person of people) expect(pageErrors(person.page)).toEqual([]);
});

afterAll(async () => {
  facilitator?.destroy();
  await browser?.close();
  await server?.close();
});

describe('an old offline copy after the upgrade (issue 11)', () => {
  it('is refused with "Caseroom er blevet opdateret" and a reload button, keeps the text, reloads into the migrated case — the replica shows the migrated text', async () => {
    const erik = await openPerson(browser, { name: 'Erik Eriksen', department: 'Jobcenter' });
    people.push(erik);
    const original = readShortText(getItem(replicaOfBeforeUpgrade(), 'outcome', EMPLOYMENT), 'definition') as string;
    expect(original.length).toBeGreaterThan(0);
    const offlineText = `${original}${OFFLINE_DEFINITION}`;
    const copy = oldCopy(LOWEST_CLIENT_ID, (doc) =>
      getItem(doc, 'outcome', EMPLOYMENT)?.set('definition', offlineText),
    );

    await reopenWithOldCopy(
      erik,
      links.erik,
      copy,
      {
        section: 'Resultatmål',
        field: (page) => field(itemById(page, `list-outcome-${EMPLOYMENT}-item`), 'Definition'),
      },
      { offlineText, serverText: `${AGREED}${original}` },
    );
    await expectServerKept(`${AGREED}${original}`, (doc) => getItem(doc, 'outcome', EMPLOYMENT), 'definition');
  }, 60_000);

  it('the same when the replica shows the offline text (its client id above the server’s)', async () => {
    const fie = await openPerson(browser, { name: 'Fie Frandsen', department: 'Økonomi' });
    people.push(fie);
    const original = readShortText(sectionMap(replicaOfBeforeUpgrade(), 'targetGroup'), 'name') as string;
    const offlineText = `${original}${OFFLINE_NAME}`;
    const copy = oldCopy(HIGHEST_CLIENT_ID, (doc) => sectionMap(doc, 'targetGroup')?.set('name', offlineText));

    await reopenWithOldCopy(
      fie,
      links.fie,
      copy,
      { section: 'Målgruppe', field: (page) => field(page.locator('main'), 'Målgruppens navn') },
      { offlineText, serverText: `${original} i Holbæk` },
    );
    await expectServerKept(`${original} i Holbæk`, (doc) => sectionMap(doc, 'targetGroup'), 'name');
  }, 60_000);
});

/** A fresh replica of the case as it was before the upgrade. */
function replicaOfBeforeUpgrade(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, beforeUpgrade);
  return doc;
}

/** The server's document is the newest layout, the field a Y.Text holding `text`: nothing of the old copy got in. */
async function expectServerKept(
  text: string,
  holder: (doc: Y.Doc) => Y.Map<unknown> | undefined,
  key: string,
): Promise<void> {
  expect(layoutVersion(facilitator.doc)).toBe(LAYOUT_VERSION);
  const value = holder(facilitator.doc)?.get(key);
  expect(value).toBeInstanceOf(Y.Text);
  expect(String(value)).toBe(text);
  const logs = server.logs.filter((line) => line.message === 'case migrated');
  expect(logs).toHaveLength(1);
  expect(logs[0]?.fields).toMatchObject({ caseId, layouts: '1→2, 2→3, 3→4, 4→5' });
}
