import * as Y from 'yjs';
import { LISTS, SOURCES } from './layout.ts';

/** The root a change could not be traced to: treat it as touching everything. */
export const UNKNOWN_ROOT = '?';

/**
 * What a Yjs update would do to a document, read from the decoded update and the document
 * before anything is applied (issue 9: the server decides from the decoded message).
 *
 * An update "fits" a document when Yjs can integrate all of it at once: each client's structs
 * start at or below the document's state for that client and have no gaps (no Skip), every
 * origin, right origin and parent is in the document or earlier in the update, and every
 * delete range lies in the document or in the update's own structs. Anything else would leave
 * pending structs or a pending delete set, which Yjs applies later to whatever arrives — the
 * way a modified client could delete future server writes or shadow another client's offline
 * edits. Such an update is `inconsistent`.
 */
export type UpdateInspection = {
  /** Why the update does not fit the document (undefined when it fits). */
  inconsistency?: string;
  /** The roots (sections, `workshop`, …) whose content the update would change. */
  roots: Set<string>;
  /**
   * The sections whose locks govern the update: its roots, except that a candidate's expected
   * rates and their source notes are outcome design, the `outcomes` section's (P19,
   * `lockSectionOf`), so they stay editable while the choice of intervention is locked.
   */
  lockSections: Set<string>;
  /** Client ids with structs past the document's state, and whether any of those is a GC struct. */
  newClients: Map<number, { gc: boolean }>;
  /** The update's new structs, in a form the bounds check reads (`checkUpdateBounds`). */
  additions: Addition[];
  /**
   * Shared types (nested maps, texts) the document holds live that the update deletes: the
   * bounds check refuses deleting a short text's Y.Text on its own (layout 2).
   */
  deletedTypes: Y.Item[];
  /** The update's delete set (what it deletes, by id). */
  deleteSet: DecodedUpdate['ds'];
};

/** Where a new struct goes: an existing type, a root by name, or a type created in the same update. */
export type Placement =
  | { kind: 'type'; type: Y.AbstractType<unknown> }
  | { kind: 'root'; name: string }
  | { kind: 'new'; item: Y.Item };

/**
 * One new item of the update with where it goes: the type (undefined when it has none to live
 * in) and its map key (null in a sequence). An item written next to a neighbour carries neither
 * in the update — Yjs takes both from its left (or right) neighbour — so they are resolved here.
 */
export type Addition = { item: Y.Item; parent: Placement | undefined; key: string | null };

/** Where an item goes: its parent type and its key in it. */
export type Resolved = { parent: Placement | undefined; key: string | null };

/** What Y.decodeUpdate returns. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

type ClientStructs = { structs: (Y.Item | Y.GC)[]; start: number; end: number };

/**
 * Inspects `update` (already decoded with Y.decodeUpdate) against `doc`. `knownRoots`, if given,
 * are the roots a case has: a struct placed in any other root is inconsistent. Reads, never changes, `doc`.
 */
export function inspectUpdate(doc: Y.Doc, decoded: DecodedUpdate, knownRoots?: ReadonlySet<string>): UpdateInspection {
  const result: UpdateInspection = {
    roots: new Set(),
    lockSections: new Set(),
    newClients: new Map(),
    additions: [],
    deletedTypes: [],
    deleteSet: decoded.ds,
  };
  const fail = (inconsistency: string): UpdateInspection => ({ ...result, inconsistency });

  // 1. Structs per client: one contiguous block each, starting at or below the document's state.
  const byClient = new Map<number, ClientStructs>();
  let previousClient: number | undefined;
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) return fail('the update has a gap (Skip struct)');
    const client = struct.id.client;
    let block = byClient.get(client);
    if (block && previousClient !== client) return fail(`client ${client} appears in two blocks`);
    if (!block) {
      block = { structs: [], start: struct.id.clock, end: struct.id.clock };
      byClient.set(client, block);
    }
    if (struct.id.clock !== block.end) return fail(`client ${client} has a gap in its clock`);
    block.structs.push(struct);
    block.end = struct.id.clock + struct.length;
    previousClient = client;
  }
  const state = (client: number) => Y.getState(doc.store, client);
  for (const [client, block] of byClient) {
    const known = state(client);
    if (block.start > known)
      return fail(`client ${client} starts at clock ${block.start}, past the document's ${known}`);
    if (block.end > known) {
      const gc = block.structs.some((s) => s instanceof Y.GC && s.id.clock + s.length > known);
      result.newClients.set(client, { gc });
    }
  }

  /** The index in its client's block of the update's struct that holds this id, or -1. */
  const indexInUpdate = (id: Y.ID): number => {
    const block = byClient.get(id.client);
    if (!block || id.clock < block.start || id.clock >= block.end) return -1;
    const structs = block.structs;
    let low = 0;
    let high = structs.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const s = structs[mid] as Y.Item | Y.GC;
      if (id.clock < s.id.clock) high = mid - 1;
      else if (id.clock >= s.id.clock + s.length) low = mid + 1;
      else return mid;
    }
    return -1;
  };
  /** The update's struct that holds this id, or undefined. */
  const inUpdate = (id: Y.ID): Y.Item | Y.GC | undefined => {
    const index = indexInUpdate(id);
    return index < 0 ? undefined : byClient.get(id.client)?.structs[index];
  };
  const inDoc = (id: Y.ID) => id.clock < state(id.client);
  const exists = (id: Y.ID) => inDoc(id) || inUpdate(id) !== undefined;
  const isNew = (struct: Y.Item | Y.GC) => struct.id.clock + struct.length > state(struct.id.client);

  // 2. References of every new item exist, and the new structs can be integrated in one order.
  const newItems: Y.Item[] = [];
  for (const block of byClient.values()) {
    for (const struct of block.structs) {
      if (!(struct instanceof Y.Item)) continue;
      // Yjs creates a named root for every struct that names one, known or new.
      const parentName: unknown = struct.parent;
      if (typeof parentName === 'string' && knownRoots && !knownRoots.has(parentName)) {
        return fail(`a struct is placed in "${parentName.slice(0, 40)}", which is not part of a case`);
      }
      if (!isNew(struct)) continue;
      if (struct.content instanceof Y.ContentDoc) return fail('sub-documents are not part of a case');
      const client = struct.id.client;
      // An origin at or after its own clock never comes from an honest encoder, straddling or not.
      if (struct.origin && struct.origin.client === client && struct.origin.clock >= struct.id.clock) {
        return fail(`a struct of client ${client} has its own later clock as origin`);
      }
      const straddles = struct.id.clock < state(client);
      for (const ref of references(struct, straddles)) {
        if (!exists(ref)) return fail(`a struct refers to ${ref.client}:${ref.clock}, which the document lacks`);
        if (ref.client === client && ref.clock >= struct.id.clock) {
          return fail(`a struct of client ${ref.client} refers to its own later clock`);
        }
      }
      newItems.push(struct);
    }
  }
  const cycle = findCycle(newItems, inUpdate, isNew);
  if (cycle) return fail(cycle);

  // 3. Delete ranges lie in the document or in the update's own structs, sorted and apart (as
  // Yjs writes them): overlapping ranges would make every later step repeat its work.
  for (const [client, ranges] of decoded.ds.clients) {
    const limit = Math.max(state(client), byClient.get(client)?.end ?? 0);
    let previousEnd = -1;
    for (const range of ranges) {
      if (range.len <= 0 || range.clock < previousEnd)
        return fail(`the deletions of client ${client} overlap or are unsorted`);
      previousEnd = range.clock + range.len;
      if (previousEnd > limit) return fail(`a deletion of ${client}:${range.clock}+${range.len} lies past what exists`);
    }
  }

  // 4. Roots touched, and where each new item goes.
  const roots = new RootResolver(doc, inUpdate);
  for (const item of newItems) {
    const { parent, key } = roots.resolve(item);
    result.additions.push({ item, parent, key });
    // No type to live in (its parent was deleted and collected): Yjs stores it as a GC struct.
    if (parent) {
      const root = roots.rootOfPlacement(parent);
      result.roots.add(root);
      result.lockSections.add((parent.kind === 'type' && lockSectionOf(parent.type, key)) || root);
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const docStructs = doc.store.clients.get(client) ?? [];
    for (const range of ranges) {
      const end = range.clock + range.len;
      // Deletions of items the document still has (a sync step 2 carries the whole delete set).
      if (docStructs.length > 0 && range.clock < state(client)) {
        for (let i = Y.findIndexSS(docStructs, range.clock); i < docStructs.length; i++) {
          const struct = docStructs[i] as Y.Item | Y.GC;
          if (struct.id.clock >= end) break;
          if (struct instanceof Y.Item && !struct.deleted) {
            const parent = struct.parent as Y.AbstractType<unknown> | null;
            const root = roots.rootOfType(parent);
            result.roots.add(root);
            result.lockSections.add((parent && lockSectionOf(parent, struct.parentSub)) || root);
            if (struct.content instanceof Y.ContentType) result.deletedTypes.push(struct);
          }
        }
      }
      // Deletions of the update's own new items (ranges are sorted: search, then walk).
      const block = byClient.get(client);
      if (block && end > state(client)) {
        const first = indexInUpdate(Y.createID(client, Math.max(range.clock, block.start)));
        for (let i = first < 0 ? block.structs.length : first; i < block.structs.length; i++) {
          const struct = block.structs[i] as Y.Item | Y.GC;
          if (struct.id.clock >= end) break;
          if (struct instanceof Y.Item && isNew(struct)) {
            const { parent, key } = roots.resolve(struct);
            if (parent) {
              const root = roots.rootOfPlacement(parent);
              result.roots.add(root);
              result.lockSections.add((parent.kind === 'type' && lockSectionOf(parent.type, key)) || root);
            }
          }
        }
      }
    }
  }
  return result;
}

/**
 * P19: the section whose lock governs an entry `key` of an existing `type`, where it is not the
 * type's root: a candidate's expected rate on an outcome (its `expectedRates` map) and that
 * rate's source note (`sources` entry `expectedRates.<outcome id>`) are outcome design —
 * `outcomes`. Undefined for everything else (the root decides).
 */
export function lockSectionOf(type: Y.AbstractType<unknown>, key: string | null): string | undefined {
  const holder = type._item;
  if (!holder) return undefined;
  const ratesMap = holder.parentSub === 'expectedRates';
  const rateNote = holder.parentSub === SOURCES && key !== null && key.startsWith('expectedRates.');
  if (!ratesMap && !rateNote) return undefined;
  const candidate = holder.parent as Y.AbstractType<unknown> | null;
  const list = candidate?._item?.parent as Y.AbstractType<unknown> | null | undefined;
  const section = list?._item;
  const { section: candidatesSection, key: candidatesKey } = LISTS.intervention;
  if (!section || section.parentSub !== candidatesKey || section.parent instanceof Y.Item) return undefined;
  const root = section.parent as Y.AbstractType<unknown>;
  if (root._item !== null || root.doc?.share.get(candidatesSection) !== root) return undefined;
  return 'outcomes';
}

/** The ids an item depends on: origin (unless Yjs replaces it), right origin, parent item. */
function references(item: Y.Item, straddles: boolean): Y.ID[] {
  const refs: Y.ID[] = [];
  if (item.origin && !straddles) refs.push(item.origin);
  if (item.rightOrigin) refs.push(item.rightOrigin);
  const parent = item.parent as unknown;
  if (parent instanceof Y.ID) refs.push(parent);
  return refs;
}

/**
 * A dependency cycle among the new items (through references and each client's clock order)
 * would leave them pending. Iterative depth-first search: an update may hold many items.
 */
function findCycle(
  items: Y.Item[],
  inUpdate: (id: Y.ID) => Y.Item | Y.GC | undefined,
  isNew: (struct: Y.Item | Y.GC) => boolean,
): string | undefined {
  const VISITING = 1;
  const DONE = 2;
  const mark = new Map<Y.Item | Y.GC, number>();
  const dependencies = (item: Y.Item | Y.GC): (Y.Item | Y.GC)[] => {
    const deps: (Y.Item | Y.GC)[] = [];
    if (item.id.clock > 0) {
      const previous = inUpdate(Y.createID(item.id.client, item.id.clock - 1));
      if (previous && isNew(previous)) deps.push(previous);
    }
    if (item instanceof Y.Item) {
      for (const ref of references(item, false)) {
        const target = inUpdate(ref);
        if (target && target !== item && isNew(target)) deps.push(target);
      }
    }
    return deps;
  };
  for (const start of items) {
    if (mark.get(start) === DONE) continue;
    const stack: { node: Y.Item | Y.GC; deps: (Y.Item | Y.GC)[]; next: number }[] = [];
    mark.set(start, VISITING);
    stack.push({ node: start, deps: dependencies(start), next: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: Y.Item | Y.GC; deps: (Y.Item | Y.GC)[]; next: number };
      if (top.next >= top.deps.length) {
        mark.set(top.node, DONE);
        stack.pop();
        continue;
      }
      const dep = top.deps[top.next++] as Y.Item | Y.GC;
      const state = mark.get(dep);
      if (state === VISITING) return 'the update’s structs depend on each other in a cycle';
      if (state === DONE) continue;
      mark.set(dep, VISITING);
      stack.push({ node: dep, deps: dependencies(dep), next: 0 });
    }
  }
  return undefined;
}

/** Resolves where new items go and which root holds a type, memoised, without recursion. */
export class RootResolver {
  private readonly resolved = new Map<Y.Item, Resolved>();
  private readonly roots = new Map<Y.Item, string>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly inUpdate: (id: Y.ID) => Y.Item | Y.GC | undefined,
  ) {}

  /** The type (existing, root or new) that `item` would be inserted into, and its key there. */
  resolve(item: Y.Item): Resolved {
    const known = this.resolved.get(item);
    if (known) return known;
    // Follow neighbour-placed items through their origins iteratively, then fill the chain in.
    const chain: Y.Item[] = [];
    const visited = new Set<Y.Item>();
    let current: Y.Item | undefined = item;
    let found: Resolved = { parent: undefined, key: null };
    while (current && !visited.has(current)) {
      visited.add(current);
      const memo = this.resolved.get(current);
      if (memo) {
        found = memo;
        break;
      }
      chain.push(current);
      const parent = current.parent as unknown;
      if (typeof parent === 'string') {
        found = { parent: { kind: 'root', name: parent }, key: current.parentSub };
        break;
      }
      if (parent instanceof Y.ID) {
        found = { parent: this.placementOfParentId(parent), key: current.parentSub };
        break;
      }
      if (parent instanceof Y.AbstractType) {
        found = { parent: { kind: 'type', type: parent }, key: current.parentSub };
        break;
      }
      // As Yjs does: parent and key from the left neighbour, else the right one. A struct whose
      // start the document already has is integrated from there on: its left neighbour is the
      // document's last clock of that client, whatever origin it carries.
      const known = Y.getState(this.doc.store, current.id.client);
      const origin = current.id.clock < known ? Y.createID(current.id.client, known - 1) : current.origin;
      const neighbour = origin ?? current.rightOrigin;
      if (!neighbour) break;
      if (neighbour.clock < Y.getState(this.doc.store, neighbour.client)) {
        const existing = this.docItem(neighbour);
        if (existing?.parent instanceof Y.AbstractType) {
          found = { parent: { kind: 'type', type: existing.parent }, key: existing.parentSub };
        }
        break; // a collected (GC) neighbour: Yjs collects this item too
      }
      const next = this.inUpdate(neighbour);
      current = next instanceof Y.Item ? next : undefined;
    }
    for (const link of chain) this.resolved.set(link, found);
    return found;
  }

  /** The type (existing, root or new) that `item` would be inserted into; undefined if none. */
  placementOf(item: Y.Item): Placement | undefined {
    return this.resolve(item).parent;
  }

  /** The root key a placement belongs to (memoised per new item: chains of new types can be long). */
  rootOfPlacement(placement: Placement): string {
    const chain: Y.Item[] = [];
    let current: Placement | undefined = placement;
    let root = UNKNOWN_ROOT;
    while (current) {
      if (current.kind === 'root') {
        root = current.name;
        break;
      }
      if (current.kind === 'type') {
        root = this.rootOfType(current.type);
        break;
      }
      const known = this.roots.get(current.item);
      if (known !== undefined) {
        root = known;
        break;
      }
      if (chain.length > 1_000_000) break;
      chain.push(current.item);
      current = this.placementOf(current.item);
    }
    for (const item of chain) this.roots.set(item, root);
    return root;
  }

  /** The root key of a type in the document (walking up through nested types). */
  rootOfType(type: Y.AbstractType<unknown> | null): string {
    let current = type;
    while (current?._item) current = current._item.parent as Y.AbstractType<unknown> | null;
    if (!current) return UNKNOWN_ROOT;
    try {
      return Y.findRootTypeKey(current);
    } catch {
      return UNKNOWN_ROOT;
    }
  }

  private placementOfParentId(id: Y.ID): Placement | undefined {
    const existing = this.docItem(id);
    if (existing)
      return existing.content instanceof Y.ContentType ? { kind: 'type', type: existing.content.type } : undefined;
    const inUpdate = this.inUpdate(id);
    return inUpdate instanceof Y.Item && inUpdate.content instanceof Y.ContentType
      ? { kind: 'new', item: inUpdate }
      : undefined;
  }

  private docItem(id: Y.ID): Y.Item | undefined {
    if (id.clock >= Y.getState(this.doc.store, id.client)) return undefined;
    try {
      const struct = Y.getItem(this.doc.store, id);
      return struct instanceof Y.Item ? struct : undefined;
    } catch {
      return undefined;
    }
  }
}
