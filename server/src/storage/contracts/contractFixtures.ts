import { afterEach, beforeEach } from 'vitest';
import * as Y from 'yjs';
import type { NewParty, PartyRecord } from '../AccessStore.ts';
import type { NewCase } from '../CaseCatalogue.ts';
import type { NewOrganisation } from '../OrganisationStore.ts';
import type { Stores } from '../Stores.ts';
import type { UpdateLog } from '../UpdateLog.ts';

/**
 * Stores under test on one engine: a fresh, empty database; how to throw it away; and, where
 * the engine can have one, a second handle on the same database (another process on it:
 * contract S18).
 */
export type StoresFixture = {
  stores: Stores;
  cleanup?: () => Promise<void>;
  sibling?: () => Promise<Stores>;
};

/** Opens a fresh fixture (an empty database) for each test. */
export type OpenStores = () => Promise<StoresFixture>;

/**
 * Opens a fixture before each test of the enclosing describe and closes it after; returns the
 * current one. A test that closed its stores itself (S8) is fine: close is idempotent.
 */
export function useStoresFixture(open: OpenStores): () => StoresFixture {
  let fixture: StoresFixture | undefined;
  beforeEach(async () => {
    fixture = await open();
  });
  afterEach(async () => {
    const done = fixture;
    fixture = undefined;
    await done?.stores.close();
    await done?.cleanup?.();
  });
  return () => {
    if (!fixture) throw new Error('no stores outside a test');
    return fixture;
  };
}

/** The title every case made by makeNewCase carries in its initial state. */
export const CASE_TITLE = 'Sygedagpenge og psykisk sygdom';

/** A case to create in a test, with overrides. */
export function makeNewCase(overrides: Partial<NewCase> = {}): NewCase {
  const doc = new Y.Doc();
  doc.getMap('facts').set('title', CASE_TITLE);
  return {
    id: 'case-1',
    createdAt: 1_000,
    initialState: Y.encodeStateAsUpdate(doc),
    summary: { title: CASE_TITLE, municipality: 'Holbæk', phase: 1 },
    ...overrides,
  };
}

/** A party to add in a test (with its first token hash), with overrides of the party's fields. */
export function makeParty(
  overrides: Partial<PartyRecord> = {},
  tokenHash = 'a'.repeat(64),
  createdAt = 2_000,
): NewParty {
  return {
    party: {
      id: 'party-1',
      caseId: 'case-1',
      name: 'Jobcenter Holbæk',
      kind: 'department',
      role: 'editor',
      departmentId: 'jobcenter',
      ...overrides,
    },
    tokenHash,
    createdAt,
  };
}

/** An organisation to create in a test, with its key hash. */
export function makeNewOrganisation(id = 'org-1', keyHash = 'k'.repeat(64), createdAt = 500): NewOrganisation {
  return { organisation: { id, name: `Organisation ${id}`, createdAt }, keyHash };
}

/** Creates a case (makeNewCase with overrides) and returns it. */
export async function createCase(stores: Stores, overrides: Partial<NewCase> = {}): Promise<NewCase> {
  const newCase = makeNewCase(overrides);
  await stores.cases.create(newCase);
  return newCase;
}

/** A document rebuilt from a case's updates, in order. */
export function replay(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/** The bytes of each update, comparable with toEqual. */
export function bytesOf(updates: readonly Uint8Array[]): number[][] {
  return updates.map((update) => [...update]);
}

/** Appends a document's updates to a case's log, one at a time, in order. */
export type DocWriter = {
  /** Every update the document produced, in order. */
  readonly appended: Uint8Array[];
  /** Resolves when every update so far is stored; rejects if one failed. */
  flush(): Promise<void>;
};

/**
 * Appends each update of `doc` to the case's log as it happens, each after the one before (as
 * the server's one writer per case does), so that the log's order is the document's.
 */
export function appendEachUpdate(doc: Y.Doc, log: UpdateLog, caseId: string): DocWriter {
  const appended: Uint8Array[] = [];
  let pending: Promise<void> = Promise.resolve();
  doc.on('update', (update: Uint8Array) => {
    appended.push(update);
    pending = pending.then(() => log.append(caseId, [update]));
  });
  return { appended, flush: () => pending };
}
