import { z } from 'zod';
import { CaseModelDraft } from '../model/caseModel.ts';
import { WorkshopRequests } from '../workshop/api.ts';
import { ActivityListing, SnapshotChanges, SnapshotListing, StorageUsage } from './answers.ts';
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
