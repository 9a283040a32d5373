import { z } from 'zod';
import { CaseModelDraft } from '../model/caseModel.ts';
import { WorkshopRequests } from '../workshop/api.ts';
import { ActivityListing, SnapshotChanges, type SnapshotKind, SnapshotListing, StorageUsage } from './answers.ts';
import { AS_PARTY, BY_ROLE } from './commonErrors.ts';
import { endpoint } from './endpoint.ts';
import { ApiErrorCode } from './errorCodes.ts';

const { SnapshotNotFound } = ApiErrorCode;

/** Saved versions (W11), who changed what (W12) and the storage quota (issue 9). */
export const historyEndpoints = {
  /** Any party: who changed which section, when. */
  listActivity: endpoint({
    method: 'GET',
    path: '/api/cases/:id/activity',
    response: z.array(ActivityListing),
    errors: AS_PARTY,
  }),
  listSnapshots: endpoint({
    method: 'GET',
    path: '/api/cases/:id/snapshots',
    response: z.array(SnapshotListing),
    errors: AS_PARTY,
  }),
  /** Facilitator. */
  createSnapshot: endpoint({
    method: 'POST',
    path: '/api/cases/:id/snapshots',
    body: WorkshopRequests.snapshot,
    response: SnapshotListing,
    status: 201,
    errors: BY_ROLE,
  }),
  snapshotModel: endpoint({
    method: 'GET',
    path: '/api/cases/:id/snapshots/:sid/model',
    response: CaseModelDraft,
    errors: [...AS_PARTY, SnapshotNotFound],
  }),
  /** `?lang=da|en` (default da): what changed since the version, in readable lines. */
  snapshotChanges: endpoint({
    method: 'GET',
    path: '/api/cases/:id/snapshots/:sid/changes',
    response: SnapshotChanges,
    errors: [...AS_PARTY, SnapshotNotFound],
  }),
  /** Facilitator: the live content becomes the version's (a snapshot of the content before is taken). */
  restoreSnapshot: endpoint({
    method: 'POST',
    path: '/api/cases/:id/snapshots/:sid/restore',
    response: z.object({ snapshotId: z.string(), before: SnapshotListing }),
    errors: [...BY_ROLE, SnapshotNotFound],
  }),
  /** Any party: the case's stored bytes against its quota. */
  readStorage: endpoint({ method: 'GET', path: '/api/cases/:id/storage', response: StorageUsage, errors: AS_PARTY }),
  /** Facilitator: the case's log becomes one stored state. */
  compactStorage: endpoint({
    method: 'POST',
    path: '/api/cases/:id/storage/compact',
    response: StorageUsage,
    errors: BY_ROLE,
  }),
} as const;

/**
 * What an automatic version's name says, language-neutral: the server stores automatic
 * versions under these English names (older stores hold them too), and the client renders the
 * description in the reader's language — the names are parsed, not translated by lookup.
 */
export type VersionName =
  | { kind: 'phase'; phase: number }
  | { kind: 'signoff'; partyName: string }
  | { kind: 'beforeRestore'; restoredName: string }
  | { kind: 'named'; name: string };

/** The stored name of an automatic version (W10, W11). */
export function automaticVersionName(name: Exclude<VersionName, { kind: 'named' }>): string {
  switch (name.kind) {
    case 'phase':
      return `Phase ${name.phase}`;
    case 'signoff':
      return `Sign-off: ${name.partyName}`;
    case 'beforeRestore':
      return `Before restoring "${name.restoredName}"`;
  }
}

/**
 * A stored version's name, described: the three automatic patterns by their snapshot kind
 * (a manual version someone named "Phase 3" keeps its name), anything else as named. Without a
 * kind (the restored version named inside "Before restoring …") any pattern is read.
 */
export function describeVersionName(snapshot: { name: string; kind?: SnapshotKind }): VersionName {
  const { name, kind } = snapshot;
  const phase = (kind ?? 'phase') === 'phase' ? /^Phase (\d+)$/.exec(name) : null;
  if (phase) return { kind: 'phase', phase: Number(phase[1]) };
  const signoff = (kind ?? 'signoff') === 'signoff' ? /^Sign-off: (.+)$/s.exec(name) : null;
  if (signoff?.[1]) return { kind: 'signoff', partyName: signoff[1] };
  const restore = (kind ?? 'manual') === 'manual' ? /^Before restoring "(.*)"$/s.exec(name) : null;
  if (restore?.[1] !== undefined) return { kind: 'beforeRestore', restoredName: restore[1] };
  return { kind: 'named', name };
}
