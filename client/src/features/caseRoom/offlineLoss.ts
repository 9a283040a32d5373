import { type CaseModelDraft, diffModels, isCaseDocReady, type SectionName, toModel } from '@caseroom/shared';
import * as Y from 'yjs';

/**
 * Offline edits that did not stand (issue 11, "every text merges"). Texts merge character by
 * character, but a number or a choice is one map entry: when two people set it while one of
 * them is offline, Yjs keeps one of the two values (by client id) and the other disappears
 * without a trace. This remembers what this person set while the connection was down — or
 * before the first sync of a session that started from the offline copy — and, once the
 * document is synced again, names every such field whose value is no longer theirs.
 */

/** One field whose offline value lost: where it is, what this person set, and what stands now. */
export type OfflineLoss = {
  section: SectionName;
  /** The field's finding path (`['outcomes', id, 'expectedRate']`), for "go to field". */
  path: (string | number)[];
  /** The field label key (shared `fieldLabel`). */
  labelKey: string;
  /** The list item's name (an outcome, an intervention), if the field belongs to one. */
  item?: string;
  /** A department's name (values per department, payer shares) or an intake year (1, 2, …). */
  detail?: string;
  /** The value this person set offline (undefined: they cleared it). */
  mine: unknown;
  /** The value that stands in the merged case. */
  now: unknown;
};

/** The provider's part this needs: whether the document is in sync with the server, and when that changes. */
export type SyncSource = {
  readonly synced: boolean;
  on: (name: 'sync', listener: (synced: boolean) => void) => void;
  off: (name: 'sync', listener: (synced: boolean) => void) => void;
};

/** A value a form writes into a map entry (nested shared types are structure, not values). */
type Scalar = string | number | boolean | undefined;

/** List items' position keys: a move is not a field edit (and moves merge by design). */
const NOT_FIELDS = new Set(['order']);

/**
 * Watches `doc` for this person's edits while `sync` is not synced and calls `report` with the
 * losses each time the document is synced again (only when there are some). Returns a stop.
 */
export function watchOfflineLoss(doc: Y.Doc, sync: SyncSource, report: (losses: OfflineLoss[]) => void): () => void {
  // The last value this person set per map entry while not in sync.
  let written = new Map<Y.Map<unknown>, Map<string, Scalar>>();
  const onTransaction = (transaction: Y.Transaction) => {
    // Local: this person's forms, editors and undo; never the provider's or the offline copy's replay.
    if (!transaction.local || sync.synced) return;
    for (const [type, keys] of transaction.changed) {
      if (!(type instanceof Y.Map)) continue;
      for (const key of keys) {
        if (key === null || NOT_FIELDS.has(key)) continue;
        const value: unknown = type.get(key);
        if (!isScalar(value)) continue;
        const entries = written.get(type) ?? new Map<string, Scalar>();
        entries.set(key, value);
        written.set(type, entries);
      }
    }
  };
  const onSync = (synced: boolean) => {
    if (!synced || written.size === 0) return;
    const remembered = written;
    written = new Map();
    let losses: OfflineLoss[] = [];
    try {
      losses = lostWrites(doc, remembered);
    } catch {
      // A document the model cannot be read from (a crafted one) has no fields to name.
    }
    if (losses.length > 0) report(losses);
  };
  doc.on('afterTransaction', onTransaction);
  sync.on('sync', onSync);
  return () => {
    doc.off('afterTransaction', onTransaction);
    sync.off('sync', onSync);
  };
}

/**
 * The remembered writes whose value no longer stands, as fields of the case. The merged
 * document is copied, this person's values are put back into the copy, and the two are compared
 * as models (`diffModels`): so each loss is named as the change history names fields, and
 * entries the model does not read (ids, stray keys) fall away. Entries of items removed in the
 * meantime are not counted: that is a removal, not a value that lost.
 */
export function lostWrites(
  doc: Y.Doc,
  written: ReadonlyMap<Y.Map<unknown>, ReadonlyMap<string, Scalar>>,
): OfflineLoss[] {
  if (!isCaseDocReady(doc)) return [];
  const changed: { keys: string[]; key: string; mine: Scalar }[] = [];
  for (const [map, entries] of written) {
    const keys = keysFromRoot(doc, map);
    if (!keys) continue;
    for (const [key, mine] of entries) {
      const now: unknown = map.get(key);
      if (isScalar(now) && now !== mine) changed.push({ keys, key, mine });
    }
  }
  if (changed.length === 0) return [];
  const mineDoc = new Y.Doc();
  Y.applyUpdate(mineDoc, Y.encodeStateAsUpdate(doc));
  mineDoc.transact(() => {
    for (const { keys, key, mine } of changed) {
      const map = mapAt(mineDoc, keys);
      if (!map) continue;
      if (mine === undefined) map.delete(key);
      else map.set(key, mine);
    }
  });
  const now = toModel(doc);
  const losses = diffModels(now, toModel(mineDoc)).flatMap((change): OfflineLoss[] =>
    change.kind === 'field' ? [toLoss(change, now)] : [],
  );
  mineDoc.destroy();
  return losses;
}

type FieldChange = Extract<ReturnType<typeof diffModels>[number], { kind: 'field' }>;

/** A field change (before: the merged case, after: this person's value) as a loss a person can read. */
function toLoss(change: FieldChange, now: CaseModelDraft): OfflineLoss {
  const loss: OfflineLoss = {
    section: change.section,
    path: [...change.path],
    labelKey: change.labelKey,
    mine: change.after,
    now: change.before,
  };
  if (change.item !== undefined) loss.item = change.item;
  if (change.labelKey === 'targetGroup.intake' && change.detail !== undefined) {
    // The history counts intake years from 1; the form's path holds the year's offset.
    loss.detail = change.detail;
    loss.path = ['targetGroup', 'intake', Number(change.detail) - 1];
  } else if (change.detail !== undefined) {
    loss.detail = now.facts.departments.find((department) => department.id === change.detail)?.name ?? change.detail;
  }
  if (change.labelKey === 'interventions.chosenId') {
    // A chosen intervention reads as its name, not its id.
    const name = (id: unknown) => now.interventions.candidates.find((candidate) => candidate.id === id)?.name ?? id;
    loss.mine = name(loss.mine);
    loss.now = name(loss.now);
  }
  return loss;
}

function isScalar(value: unknown): value is Scalar {
  return value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A shared type as far as this walks it: the item it is nested in, and its key there. */
type Nested = { _item: (Y.Item & { parentSub: string | null }) | null };

/**
 * The keys from the document's root to `map` (`['outcomes', 'items', id]`), or undefined when
 * it or an item above it was deleted, or it does not hang in maps all the way up.
 */
function keysFromRoot(doc: Y.Doc, map: Y.Map<unknown>): string[] | undefined {
  const keys: string[] = [];
  let current: Nested = map as unknown as Nested;
  for (let depth = 0; current._item && depth < 64; depth++) {
    const item: Y.Item & { parentSub: string | null } = current._item;
    if (item.deleted || item.parentSub === null) return undefined;
    keys.unshift(item.parentSub);
    current = item.parent as unknown as Nested;
  }
  if (current._item) return undefined;
  for (const [name, shared] of doc.share) {
    if ((shared as unknown as Nested) === current) return [name, ...keys];
  }
  return undefined;
}

/** The map at `keys` in another document holding the same state. */
function mapAt(doc: Y.Doc, [root, ...keys]: string[]): Y.Map<unknown> | undefined {
  if (root === undefined) return undefined;
  let map: Y.Map<unknown>;
  try {
    map = doc.getMap(root);
  } catch {
    return undefined;
  }
  for (const key of keys) {
    const next = map.get(key);
    if (!(next instanceof Y.Map)) return undefined;
    map = next;
  }
  return map;
}
