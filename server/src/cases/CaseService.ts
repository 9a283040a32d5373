import { randomBytes } from 'node:crypto';
import {
  type CaseModelDraft,
  exampleCase,
  IMPORTED_HISTORY,
  type ImportedHistory,
  initCaseDoc,
  type Party,
  toModel,
  WORKSHOP,
  writeModel,
} from '@caseroom/shared';
import * as Y from 'yjs';
import type { AccessService } from '../access/AccessService.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { Stores } from '../storage/Stores.ts';

/** What a new case starts with. */
export type CaseTemplate = 'empty' | 'example';

/** A case as the start page lists it. */
export type CaseListing = {
  id: string;
  title: string | undefined;
  municipality: string | undefined;
  phase: number | undefined;
  /** ISO 8601 time of the last accepted change. */
  updatedAt: string;
  /** ISO 8601 time the case was created (or imported). */
  createdAt: string;
  /** ISO 8601 time the case was archived (issue 15); only when archived cases are asked for. */
  archivedAt?: string;
  /** Number of open connections to the case right now. */
  online: number;
  /** The caller's party in this case (the one its token names). */
  party: Pick<Party, 'id' | 'name' | 'kind' | 'role'>;
};

/** A new case and its creator's facilitator token (docs/access.md A3). */
export type CreatedCase = { id: string; token: string };

/** A case document built but not yet stored: its encoded state and catalogue fields. */
export type BuiltCase = {
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Y.encodeStateAsUpdate of the new document. */
  initialState: Uint8Array;
  summary: { title: string | undefined; municipality: string | undefined; phase: number | undefined };
  /** Set when the case is made from an import file: the catalogue marks it (issue 13). */
  importedAt?: number;
};

/**
 * Builds a new case's document — the common structure (initCaseDoc, start and price year of
 * `createdAt`), then `fill` — and encodes it. Pure and synchronous, so the exchange worker can
 * build a large import off the event loop (issue 9) and the loop only stores the bytes.
 */
export function buildCase(createdAt: Date, fill: (doc: Y.Doc) => void): BuiltCase {
  const year = createdAt.getFullYear();
  const doc = new Y.Doc();
  try {
    initCaseDoc(doc, { startYear: year, priceYear: year });
    fill(doc);
    const facts = toModel(doc).facts;
    return {
      createdAt: createdAt.getTime(),
      initialState: Y.encodeStateAsUpdate(doc),
      summary: { title: facts.title, municipality: facts.municipality, phase: facts.phase },
    };
  } finally {
    doc.destroy();
  }
}

/**
 * What an imported case's document holds (docs/exchange.md): the model written with writeModel,
 * the file's decisions and sign-offs kept as read-only history in `workshop.importedHistory` —
 * never in `workshop.signoffs`, so they count for nothing here.
 */
export function fillImported(model: CaseModelDraft, history: ImportedHistory, importedAt: Date): (doc: Y.Doc) => void {
  return (doc) => {
    writeModel(doc, model);
    // Always written, even without history: the room marks an imported copy by it (issue 13).
    doc.getMap(WORKSHOP).set(IMPORTED_HISTORY, { ...history, importedAt: importedAt.toISOString() });
  };
}

/** A fresh case id: 128 random bits, base64url (22 characters, URL-safe, unguessable). */
export function newCaseId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The case catalogue as the HTTP API sees it: creating cases (only the server creates them,
 * so that every document starts with the same structure) and reading them. Live documents
 * win over the stored catalogue, so the list is exact even between throttled catalogue writes.
 */
export class CaseService {
  constructor(
    private readonly stores: Stores,
    private readonly registry: DocumentRegistry,
    private readonly access: AccessService,
    private readonly now: () => Date = () => new Date(),
    private readonly makeId: () => string = newCaseId,
  ) {}

  /**
   * Creates a case for an organisation (default: the first one), stores its initial state as
   * its first update and its creator's facilitator party, in one write; returns its id and the
   * facilitator token.
   */
  createCase(template: CaseTemplate, organisationId?: string): Promise<CreatedCase> {
    return this.storeBuilt(
      buildCase(this.now(), (doc) => {
        if (template === 'example') writeModel(doc, exampleCase());
      }),
      organisationId,
    );
  }

  /**
   * Stores a built case under a fresh id with its creator's facilitator party, for an
   * organisation (default: the first one), in the one store write of a new case: nothing exists
   * if it fails (a store that cannot write throws).
   */
  async storeBuilt(built: BuiltCase, organisationId?: string): Promise<CreatedCase> {
    let id = this.makeId();
    // 128 random bits do not collide; the loop only guards "never reused" against a bad generator.
    while (await this.stores.cases.exists(id)) id = this.makeId();
    const { founder, token } = this.access.founder(id);
    await this.stores.cases.create({
      id,
      createdAt: built.createdAt,
      initialState: built.initialState,
      summary: built.summary,
      founder,
      organisationId,
      ...(built.importedAt === undefined ? {} : { importedAt: built.importedAt }),
    });
    return { id, token };
  }

  /**
   * The cases these parties belong to (docs/access.md A6: only what the caller's tokens
   * open), most recently changed first, each with the caller's party and who is connected now.
   * Archived cases (issue 15) only with `includeArchived`, marked with `archivedAt`.
   */
  async listCases(parties: ReadonlyMap<string, Party>, includeArchived = false): Promise<CaseListing[]> {
    const records = await Promise.all(
      [...parties].map(async ([caseId, party]) => ({ party, record: await this.stores.cases.get(caseId) })),
    );
    return records
      .flatMap(({ party, record }) => {
        if (!record) return [];
        if (record.archivedAt !== undefined && !includeArchived) return [];
        const live = this.registry.get(record.id);
        const summary = live ? live.summary() : record;
        return {
          id: record.id,
          title: summary.title,
          municipality: summary.municipality,
          phase: summary.phase,
          updatedAt: new Date(summary.updatedAt).toISOString(),
          createdAt: new Date(record.createdAt).toISOString(),
          ...(record.importedAt === undefined ? {} : { importedAt: new Date(record.importedAt).toISOString() }),
          ...(record.archivedAt === undefined ? {} : { archivedAt: new Date(record.archivedAt).toISOString() }),
          online: live?.connectionCount ?? 0,
          party: { id: party.id, name: party.name, kind: party.kind, role: party.role },
        };
      })
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  }

  /** The case's model (the live document if loaded, else read from the store), or undefined. */
  async readModel(id: string): Promise<CaseModelDraft | undefined> {
    const live = this.registry.get(id);
    if (live) return toModel(live.doc);
    if (!(await this.stores.cases.exists(id))) return undefined;
    const updates = await this.stores.updates.read(id);
    // Loaded meanwhile: the live document is the truth.
    const loaded = this.registry.get(id);
    if (loaded) return toModel(loaded.doc);
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    const model = toModel(doc);
    doc.destroy();
    return model;
  }
}
