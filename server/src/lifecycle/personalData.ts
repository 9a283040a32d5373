import { commentsMap, type PersonalData, requiredSignerNames } from '@caseroom/shared';
import * as Y from 'yjs';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import { docView } from '../exchange/versionView.ts';
import type { Stores } from '../storage/Stores.ts';

/** More activity rows than any case has: a data-protection answer lists them all. */
const ALL_ACTIVITY = 1_000_000;

/**
 * Every piece of personal data a case holds (issue 15; docs/access.md "Personal data"), for a
 * data-protection request: its parties' names (ended ones too), the names on sign-offs,
 * decisions and required signers (imported history included), every comment with its author and
 * text, who changed which section when (activity), and who took each saved version. Presence
 * (who is online, cursors) is never stored, so it is not here. Read from the live document if
 * this process has it loaded, else from the store; undefined for an unknown case.
 */
export async function personalData(
  stores: Stores,
  registry: DocumentRegistry,
  caseId: string,
  now: number,
): Promise<PersonalData | undefined> {
  if (!(await stores.cases.exists(caseId))) return undefined;
  const live = registry.get(caseId);
  await live?.flushActivity();
  const doc = live ? live.doc : replay(await stores.updates.read(caseId));
  try {
    const view = docView(doc);
    const [parties, activity, snapshots] = await Promise.all([
      stores.access.listParties(caseId),
      stores.activity.list(caseId, ALL_ACTIVITY),
      stores.snapshots.list(caseId),
    ]);
    const names = new Map(parties.map((party) => [party.id, party.name]));
    const iso = (ms: number) => new Date(ms).toISOString();
    const imported = view.importedHistory;
    return {
      caseId,
      title: view.model.facts.title ?? '',
      listedAt: iso(now),
      parties: parties.map((party) => ({
        id: party.id,
        name: party.name,
        kind: party.kind,
        role: party.role,
        endedAt: party.endedAt === undefined ? null : iso(party.endedAt),
        memberId: party.memberId ?? null,
      })),
      signoffs: [
        ...Object.entries(view.workshop.signoffs).map(([partyId, s]) => ({
          partyId,
          partyName: s.partyName,
          at: s.at,
          hash: s.hash,
          imported: false,
        })),
        ...(imported?.signoffs ?? []).map((s) => ({
          partyId: s.partyId,
          partyName: s.partyName,
          at: s.at,
          hash: s.hash,
          imported: true,
        })),
      ],
      decisions: [
        ...Object.values(view.workshop.decisions).map((d) => ({
          partyId: d.partyId,
          partyName: d.partyName,
          at: d.at,
          text: d.text,
          imported: false,
        })),
        ...(imported?.decisions ?? []).map((d) => ({
          partyId: d.partyId,
          partyName: d.partyName,
          at: d.at,
          text: d.text,
          imported: true,
        })),
      ],
      requiredSigners: Object.entries(requiredSignerNames(doc)).map(([partyId, partyName]) => ({ partyId, partyName })),
      comments: readComments(doc),
      activity: activity.map((entry) => ({
        partyId: entry.partyId,
        partyName: names.get(entry.partyId) ?? '',
        section: entry.section,
        firstAt: iso(entry.firstAt),
        lastAt: iso(entry.lastAt),
        edits: entry.edits,
      })),
      snapshots: snapshots.map((info) => ({
        id: info.id,
        name: info.name,
        createdByPartyId: info.createdByPartyId,
        createdAt: iso(info.createdAt),
      })),
    };
  } finally {
    if (!live) doc.destroy();
  }
}

/** Every comment in the document with its author and text (entries that are not comments skipped). */
function readComments(doc: Y.Doc): PersonalData['comments'] {
  const out: PersonalData['comments'] = [];
  commentsMap(doc)?.forEach((value, id) => {
    if (typeof value !== 'object' || value === null) return;
    const c = value as Record<string, unknown>;
    if (typeof c.text !== 'string' || typeof c.partyId !== 'string') return;
    out.push({
      id,
      itemPath: typeof c.itemPath === 'string' ? c.itemPath : '',
      partyId: c.partyId,
      partyName: typeof c.partyName === 'string' ? c.partyName : '',
      text: c.text,
      at: typeof c.at === 'string' ? c.at : '',
    });
  });
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function replay(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
