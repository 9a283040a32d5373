import type { Phase, SectionName, VoteList } from '@caseroom/shared';
import { type ApiResult, apiRequest } from '../../api/request.ts';

/**
 * The workshop and history API (docs/workshop.md W3–W11). Every call presents this browser's
 * link token; the server decides whether the caller's role may do it. Failures are values.
 */
export type WorkshopCall = { caseId: string; token: string };

const base = ({ caseId }: WorkshopCall) => `/api/cases/${encodeURIComponent(caseId)}`;

function call(
  at: WorkshopCall,
  path: string,
  method: 'GET' | 'POST' | 'PUT' = 'GET',
  body?: unknown,
): Promise<ApiResult<unknown>> {
  return apiRequest(`${base(at)}/${path}`, { method, body, tokens: [at.token] });
}

const id = encodeURIComponent;

/** `GET workshop`: the record as the server sees it, its clock and the current content hash. */
export const readWorkshopState = (at: WorkshopCall) => call(at, 'workshop');
export const setPhase = (at: WorkshopCall, phase: Phase) => call(at, 'workshop/phase', 'POST', { phase });
export const setLock = (at: WorkshopCall, section: SectionName, locked: boolean) =>
  call(at, 'workshop/locks', 'POST', { section, locked });
export const timerAction = (at: WorkshopCall, action: 'start' | 'pause' | 'add', seconds?: number) =>
  call(at, 'workshop/timer', 'POST', seconds === undefined ? { action } : { action, seconds });
export const openVote = (at: WorkshopCall, list: VoteList, itemIds: string[], votesPerPerson: number) =>
  call(at, 'workshop/votes', 'POST', { list, itemIds, votesPerPerson });
export const putBallot = (at: WorkshopCall, voteId: string, itemIds: string[]) =>
  call(at, `workshop/votes/${id(voteId)}/ballot`, 'PUT', { itemIds });
export const getBallot = (at: WorkshopCall, voteId: string) => call(at, `workshop/votes/${id(voteId)}/ballot`);
export const revealVote = (at: WorkshopCall, voteId: string) => call(at, `workshop/votes/${id(voteId)}/reveal`, 'POST');
export const decideVote = (at: WorkshopCall, voteId: string, itemId: string, text: string) =>
  call(at, `workshop/votes/${id(voteId)}/decide`, 'POST', { itemId, text });
export const addDecision = (at: WorkshopCall, text: string, itemPath?: string) =>
  call(at, 'workshop/decisions', 'POST', itemPath ? { text, itemPath } : { text });
export const signOff = (at: WorkshopCall, hash: string) => call(at, 'workshop/signoffs', 'POST', { hash });
export const setRequiredSigners = (at: WorkshopCall, partyIds: string[]) =>
  call(at, 'workshop/required-signers', 'PUT', { partyIds });
export const listSnapshots = (at: WorkshopCall) => call(at, 'snapshots');
/** `GET activity`: who changed which section, when (W12). */
export const listActivity = (at: WorkshopCall) => call(at, 'activity');
export const createSnapshot = (at: WorkshopCall, name: string) => call(at, 'snapshots', 'POST', { name });
export const snapshotModel = (at: WorkshopCall, sid: string) => call(at, `snapshots/${id(sid)}/model`);
export const restoreSnapshot = (at: WorkshopCall, sid: string) => call(at, `snapshots/${id(sid)}/restore`, 'POST');
export const snapshotChanges = (at: WorkshopCall, sid: string, lang: 'da' | 'en') =>
  call(at, `snapshots/${id(sid)}/changes?lang=${lang}`);
/** `GET storage`: the case's stored bytes against its quota (issue 9; any party). */
export const readStorage = (at: WorkshopCall) => call(at, 'storage');
/** `POST storage/compact`: the facilitator tidies the case up (its log becomes one stored state). */
export const compactStorage = (at: WorkshopCall) => call(at, 'storage/compact', 'POST');
