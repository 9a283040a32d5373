import { createHash, randomBytes } from 'node:crypto';
import {
  ApiErrorCode,
  automaticVersionName,
  type CaseModelDraft,
  changesBySection,
  describeChange,
  diffModels,
  type Party,
  reconcileModel,
  SECTIONS,
  type SectionName,
  toModel,
} from '@caseroom/shared';
import * as Y from 'yjs';
import { type CaseDocument, StorageUnavailableError } from '../documents/CaseDocument.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { Log } from '../log.ts';
import type { SnapshotInfo, SnapshotKind } from '../storage/SnapshotStore.ts';
import type { Stores } from '../storage/Stores.ts';
import { isStorageFailure } from '../storage/storageFailure.ts';
import { fail, ok, type Result, storageUnavailable } from '../workshop/results.ts';

/** A snapshot as the API lists it. */
export type SnapshotListing = {
  id: string;
  name: string;
  kind: SnapshotKind;
  /** ISO 8601. */
  createdAt: string;
  createdByPartyId: string;
};

/** What changed since a snapshot, per section, as readable lines (W11). */
export type SnapshotChanges = {
  snapshotId: string;
  count: number;
  sections: { section: SectionName; lines: string[] }[];
};

/** A fresh snapshot id: 96 random bits, base64url. */
export function newSnapshotId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * The id of a party's sign-off snapshot of one content hash: the same party signing the same
 * content again finds it taken, so a case holds at most one such snapshot (issue 9: each
 * sign-off stored a full snapshot). 96 bits of SHA-256, base64url, like a random id.
 */
export function signoffSnapshotId(partyId: string, contentHash: string): string {
  return createHash('sha256')
    .update(`signoff\0${partyId}\0${contentHash}`)
    .digest()
    .subarray(0, 12)
    .toString('base64url');
}

/**
 * History (docs/workshop.md W11): snapshots store the Y.Doc state itself in the store —
 * automatic ones at phase changes and sign-offs, named manual ones. A snapshot is read as a
 * model by replaying its state into a scratch document; restoring applies `reconcileModel`
 * to the live document as one ordinary server change that everyone receives, never by
 * replacing the document (an offline copy would merge the old content back).
 */
export class SnapshotService {
  constructor(
    private readonly stores: Stores,
    private readonly registry: DocumentRegistry,
    private readonly log: Log,
    private readonly now: () => number = Date.now,
    private readonly makeId: () => string = newSnapshotId,
  ) {}

  /** Takes a snapshot of a live document now: its state, encoded and stored in one write. */
  async take(
    document: CaseDocument,
    input: { name: string; kind: SnapshotKind; party: Party; id?: string },
  ): Promise<SnapshotListing> {
    const info: SnapshotInfo = {
      id: input.id ?? this.makeId(),
      caseId: document.id,
      name: input.name,
      kind: input.kind,
      createdAt: this.now(),
      createdByPartyId: input.party.id,
    };
    await this.stores.snapshots.add({ ...info, state: document.encodeState() });
    this.log('info', 'snapshot taken', { caseId: document.id, snapshotId: info.id, kind: info.kind });
    return listing(info);
  }

  /** An automatic snapshot (phase change, sign-off): a failure is logged, never fails the operation. */
  async takeAutomatic(
    document: CaseDocument,
    input: { name: string; kind: SnapshotKind; party: Party; id?: string },
  ): Promise<SnapshotListing | undefined> {
    try {
      return await this.take(document, input);
    } catch (error) {
      this.log('warn', 'automatic snapshot failed', { caseId: document.id, kind: input.kind, error });
      return undefined;
    }
  }

  /**
   * The automatic snapshot of a sign-off (W10): at most one per party and content hash — if the
   * party signed this content before, the snapshot taken then is returned and nothing is stored.
   */
  async takeSignoff(document: CaseDocument, party: Party, contentHash: string): Promise<SnapshotListing | undefined> {
    const id = signoffSnapshotId(party.id, contentHash);
    const taken = await this.stores.snapshots.get(document.id, id);
    if (taken) return listing(taken);
    return this.takeAutomatic(document, {
      name: automaticVersionName({ kind: 'signoff', partyName: party.name }),
      kind: 'signoff',
      party,
      id,
    });
  }

  /** POST …/snapshots { name } (facilitator): a named manual snapshot. */
  async create(caseId: string, name: string, party: Party): Promise<Result<SnapshotListing>> {
    const document = await this.registry.open(caseId);
    if (!document) return caseGone(caseId);
    return this.storing(caseId, async () => ok(await this.take(document, { name, kind: 'manual', party })));
  }

  /** GET …/snapshots: newest first. */
  async list(caseId: string): Promise<SnapshotListing[]> {
    return (await this.stores.snapshots.list(caseId)).map(listing);
  }

  /** GET …/snapshots/:sid/model: the model as it was, read-only. */
  async model(caseId: string, snapshotId: string): Promise<Result<CaseModelDraft>> {
    const snapshot = await this.stores.snapshots.get(caseId, snapshotId);
    if (!snapshot) return snapshotGone(snapshotId);
    return ok(modelOfState(snapshot.state));
  }

  /** GET …/snapshots/:sid/changes?lang=: what changed since the snapshot, per section. */
  async changes(caseId: string, snapshotId: string, lang: 'da' | 'en'): Promise<Result<SnapshotChanges>> {
    const snapshot = await this.stores.snapshots.get(caseId, snapshotId);
    if (!snapshot) return snapshotGone(snapshotId);
    const document = await this.registry.open(caseId);
    if (!document) return caseGone(caseId);
    const before = modelOfState(snapshot.state);
    const after = document.model();
    // A map field's entries are keyed by department (values, shares) or outcome (a candidate's rates, P19).
    const names = new Map(
      [...before.facts.departments, ...after.facts.departments, ...before.outcomes, ...after.outcomes].map((d) => [
        d.id,
        d.name ?? d.id,
      ]),
    );
    const changes = diffModels(before, after);
    const grouped = changesBySection(changes);
    const sections = SECTIONS.flatMap((section) => {
      const list = grouped[section];
      if (!list || list.length === 0) return [];
      return [{ section, lines: list.map((change) => describeChange(change, lang, (id) => names.get(id) ?? id)) }];
    });
    return ok({ snapshotId, count: changes.length, sections });
  }

  /**
   * POST …/snapshots/:sid/restore (facilitator): the live document's content becomes the
   * snapshot's, as one server change. A snapshot of the content before is taken first, so a
   * restore can itself be undone. The phase and the rest of the workshop record stay.
   */
  async restore(
    caseId: string,
    snapshotId: string,
    party: Party,
  ): Promise<Result<{ snapshotId: string; before: SnapshotListing }>> {
    const snapshot = await this.stores.snapshots.get(caseId, snapshotId);
    if (!snapshot) return snapshotGone(snapshotId);
    const document = await this.registry.open(caseId);
    if (!document) return caseGone(caseId);
    const model = modelOfState(snapshot.state);
    return this.storing(caseId, async () => {
      if (document.storageFailed) throw new StorageUnavailableError(caseId);
      const before = await this.take(document, {
        name: automaticVersionName({ kind: 'beforeRestore', restoredName: snapshot.name }),
        kind: 'manual',
        party,
      });
      await document.changeAsServer((doc) => reconcileModel(doc, model));
      this.log('info', 'snapshot restored', { caseId, snapshotId, partyId: party.id });
      return ok({ snapshotId, before });
    });
  }

  /** Runs a change that writes; a store that cannot write makes it 503 storageUnavailable, logged. */
  private async storing<T>(caseId: string, write: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof StorageUnavailableError || isStorageFailure(error))) throw error;
      this.log('error', 'snapshot change refused: the store cannot write', { caseId, error });
      return storageUnavailable();
    }
  }
}

/** The model a stored state holds (replayed into a scratch document). */
export function modelOfState(state: Uint8Array): CaseModelDraft {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return toModel(doc);
  } finally {
    doc.destroy();
  }
}

function listing(info: SnapshotInfo): SnapshotListing {
  return {
    id: info.id,
    name: info.name,
    kind: info.kind,
    createdAt: new Date(info.createdAt).toISOString(),
    createdByPartyId: info.createdByPartyId,
  };
}

function snapshotGone(snapshotId: string) {
  return fail(404, ApiErrorCode.SnapshotNotFound, `No snapshot ${snapshotId} in this case.`);
}

function caseGone(caseId: string) {
  return fail(404, ApiErrorCode.CaseNotFound, `No case with id ${caseId}.`);
}
