import {
  COMMENTS,
  checkUpdateBounds,
  type DecodedUpdate,
  inspectUpdate,
  META,
  type Refusal,
  RefusalReason,
  type Role,
  SECTIONS,
  UNKNOWN_ROOT,
  WORKSHOP,
  workshopChild,
} from '@caseroom/shared';
import * as Y from 'yjs';

export { RefusalReason } from '@caseroom/shared';

/** What the sender is told (message type 100): the reason, the sections and, for a bound, path and limit. */
export type UpdateRefusal = Refusal;

/** The roots a case document has; a struct placed anywhere else is refused. */
export const CASE_ROOTS: ReadonlySet<string> = new Set<string>([...SECTIONS, WORKSHOP, COMMENTS, META]);

/** New Yjs client ids one update may bring (each is bound to the sender for good). */
export const MAX_NEW_CLIENT_IDS = 8;

/** Roots only the server writes (W2, W9; `meta` holds the schema version). */
const SERVER_ONLY_ROOTS = [WORKSHOP, COMMENTS, META] as const;

/** Who sends an update and what the case allows them. */
export type GuardContext = {
  role: Role;
  partyId: string;
  /** The party a Yjs client id is bound to (the server's own ids included), or undefined. */
  clientOwner: (clientId: number) => string | undefined;
  /** Stored bytes of the case and its quota; an update that would pass the quota is refused. */
  storage?: { usedBytes: number; quotaBytes: number };
};

/** The guard's decision: refused (with what the sender is told and a line for the log), or accepted. */
export type GuardDecision =
  | { accepted: false; refusal: UpdateRefusal; detail?: string }
  /** Accepted: the client ids it is the first to write under, and the sections (roots) it touches (activity, W12). */
  | { accepted: true; newClientIds: number[]; roots: ReadonlySet<string> };

/**
 * Decides whether a decoded document update may be applied, before anything is (issue 9,
 * docs/workshop.md W2, W4). Refused, in this order:
 *  1. an update that does not fit the document (`inconsistent`): it would leave pending
 *     structs or deletions that Yjs applies to later writes (a gap, a Skip, a missing origin
 *     or parent, a deletion of what does not exist, a dependency cycle, an unknown root);
 *  2. new structs under a client id bound to another party or to the server, and GC structs
 *     for a client id the sender does not own (`foreignClient`): nobody speaks for another's
 *     edits or claims the clock range of their offline work;
 *  3. anything touching `workshop`, `comments` or `meta` (any role: the server writes them);
 *  4. a part whose root cannot be traced (`unresolvable`);
 *  5. an editor's update touching a locked section (facilitators may); a candidate's expected
 *     rates count as the outcomes section (P19);
 *  6. a bound of shared/src/bounds passed: a text's length, a list's entries, a rich text's
 *     characters, nodes or depth (naming the field's path and the limit); in a layout-2
 *     document, a short text written as a plain string or its Y.Text deleted or replaced
 *     (`schemaOutdated`: an old client or offline copy, issue 11); an outcome's library links
 *     that are not one value of their schema (`malformedValue`, issue 15);
 *  7. the case's storage quota.
 * Deletions of items the server already deleted do not count, so a reconnecting client's sync
 * step 2 (its whole delete set) passes. Observers never get here (their updates are dropped).
 */
export function guardUpdate(doc: Y.Doc, decoded: DecodedUpdate, size: number, context: GuardContext): GuardDecision {
  const inspection = inspectUpdate(doc, decoded, CASE_ROOTS);
  if (inspection.inconsistency) {
    return refuse({ reason: RefusalReason.Inconsistent, sections: [] }, inspection.inconsistency);
  }
  const newClientIds: number[] = [];
  for (const [clientId] of inspection.newClients) {
    const owner = context.clientOwner(clientId);
    if (owner !== undefined && owner !== context.partyId) {
      return refuse({ reason: RefusalReason.ForeignClient, sections: [] }, `client id ${clientId} belongs to ${owner}`);
    }
    // A client id the document already holds but nobody owns (written before ids were bound,
    // or by an import) is nobody's to continue: claiming its next clocks, with content or a GC
    // struct, would make the server skip that client's real edits.
    if (owner === undefined && Y.getState(doc.store, clientId) > 0) {
      return refuse({ reason: RefusalReason.ForeignClient, sections: [] }, `unbound client id ${clientId} in use`);
    }
    if (owner === undefined) newClientIds.push(clientId);
  }
  // A browser writes under one client id per session; a few cover a resync of several tabs.
  if (newClientIds.length > MAX_NEW_CLIENT_IDS) {
    return refuse({ reason: RefusalReason.ForeignClient, sections: [] }, `${newClientIds.length} new client ids`);
  }
  const roots = inspection.roots;
  const serverOnly = SERVER_ONLY_ROOTS.filter((root) => roots.has(root));
  if (serverOnly.length > 0) return refuse({ reason: RefusalReason.WorkshopIsServerOnly, sections: serverOnly });
  if (roots.has(UNKNOWN_ROOT)) return refuse({ reason: RefusalReason.Unresolvable, sections: [] });
  if (context.role !== 'facilitator') {
    // Lock keys are section names (the server writes them); read the keys only, this runs per edit.
    // A candidate's expected rates are the outcomes section's to lock (P19, lockSectionOf).
    const locks = workshopChild(doc, 'locks');
    const locked = locks ? [...locks.keys()].filter((section) => inspection.lockSections.has(section)) : [];
    if (locked.length > 0) return refuse({ reason: RefusalReason.SectionLocked, sections: locked.sort() });
  }
  const bound = checkUpdateBounds(doc, inspection);
  if (bound) {
    const section = bound.path.split('/')[0] ?? '';
    if (bound.reason === RefusalReason.SchemaOutdated) {
      return refuse({ reason: bound.reason, sections: [section], path: bound.path }, 'written for an older layout');
    }
    if (bound.reason === RefusalReason.MalformedValue) {
      return refuse({ reason: bound.reason, sections: [section], path: bound.path }, 'a value not of its shape');
    }
    return refuse({ reason: bound.reason, sections: [section], path: bound.path, limit: bound.limit });
  }
  const storage = context.storage;
  if (storage && inspection.additions.length > 0 && storage.usedBytes + size > storage.quotaBytes) {
    return refuse({ reason: RefusalReason.QuotaExceeded, sections: [...roots].sort(), limit: storage.quotaBytes });
  }
  return { accepted: true, newClientIds, roots };
}

function refuse(refusal: UpdateRefusal, detail?: string): GuardDecision {
  return { accepted: false, refusal, detail };
}

/**
 * The same decision for a role alone, with no client-id bindings (unit tests, tools): the
 * refusal, or undefined if the update may be applied.
 */
export function refuseUpdate(doc: Y.Doc, update: Uint8Array, role: Role, partyId = 'party'): UpdateRefusal | undefined {
  const decision = guardUpdate(doc, Y.decodeUpdate(update), update.length, {
    role,
    partyId,
    clientOwner: () => undefined,
  });
  return decision.accepted ? undefined : decision.refusal;
}
