import { api, type Phase, type SectionName, SIGNER_NAME_MAX_CHARS, type VoteList } from '@caseroom/shared';
import { callApi } from '../../api/callApi.ts';

/**
 * The workshop and history API (docs/workshop.md W3–W12, storage: issue 9), called through
 * shared's endpoint table: every answer is typed and checked. Every call presents this
 * browser's link token; the server decides whether the caller's role may do it. Failures are values.
 */
export type WorkshopCall = { caseId: string; token: string };

/** The path's case id and the link token of a call about the case. */
const at = ({ caseId, token }: WorkshopCall) => ({ params: { id: caseId }, tokens: [token] });
/** The same, with a second path param. */
const atItem = <Name extends string>({ caseId, token }: WorkshopCall, name: Name, value: string) => ({
  params: { id: caseId, [name]: value } as { id: string } & Record<Name, string>,
  tokens: [token],
});

/** `GET workshop`: the record as the server sees it, its clock and the current content hash. */
export const readWorkshopState = (call: WorkshopCall) => callApi(api.readWorkshop, at(call));
export const setPhase = (call: WorkshopCall, phase: Phase) => callApi(api.setPhase, { ...at(call), body: { phase } });
export const setLock = (call: WorkshopCall, section: SectionName, locked: boolean) =>
  callApi(api.setLock, { ...at(call), body: { section, locked } });
export const timerAction = (call: WorkshopCall, action: 'start' | 'pause' | 'add', seconds?: number) =>
  callApi(api.timer, { ...at(call), body: seconds === undefined ? { action } : { action, seconds } });
export const openVote = (call: WorkshopCall, list: VoteList, itemIds: string[], votesPerPerson: number) =>
  callApi(api.openVote, { ...at(call), body: { list, itemIds, votesPerPerson } });
export const putBallot = (call: WorkshopCall, voteId: string, itemIds: string[]) =>
  callApi(api.putBallot, { ...atItem(call, 'voteId', voteId), body: { itemIds } });
export const getBallot = (call: WorkshopCall, voteId: string) => callApi(api.getBallot, atItem(call, 'voteId', voteId));
export const revealVote = (call: WorkshopCall, voteId: string) =>
  callApi(api.revealVote, atItem(call, 'voteId', voteId));
export const decideVote = (call: WorkshopCall, voteId: string, itemId: string, text: string) =>
  callApi(api.decideVote, { ...atItem(call, 'voteId', voteId), body: { itemId, text } });
export const addDecision = (call: WorkshopCall, text: string, itemPath?: string) =>
  callApi(api.addDecision, { ...at(call), body: itemPath ? { text, itemPath } : { text } });
/** W10: sign `hash` for one's own party, naming the person who signs (blank: none). */
export const signOff = (call: WorkshopCall, hash: string, signerName?: string) =>
  callApi(api.signOff, {
    ...at(call),
    body: { hash, ...(signerName?.trim() ? { signerName: signerName.trim().slice(0, SIGNER_NAME_MAX_CHARS) } : {}) },
  });
export const setRequiredSigners = (call: WorkshopCall, partyIds: string[]) =>
  callApi(api.setRequiredSigners, { ...at(call), body: { partyIds } });
export const listSnapshots = (call: WorkshopCall) => callApi(api.listSnapshots, at(call));
/** `GET activity`: who changed which section, when (W12). */
export const listActivity = (call: WorkshopCall) => callApi(api.listActivity, at(call));
export const createSnapshot = (call: WorkshopCall, name: string) =>
  callApi(api.createSnapshot, { ...at(call), body: { name } });
export const snapshotModel = (call: WorkshopCall, sid: string) => callApi(api.snapshotModel, atItem(call, 'sid', sid));
export const restoreSnapshot = (call: WorkshopCall, sid: string) =>
  callApi(api.restoreSnapshot, atItem(call, 'sid', sid));
export const snapshotChanges = (call: WorkshopCall, sid: string, lang: 'da' | 'en') =>
  callApi(api.snapshotChanges, { ...atItem(call, 'sid', sid), query: { lang } });
/** `GET storage`: the case's stored bytes against its quota (issue 9; any party). */
export const readStorage = (call: WorkshopCall) => callApi(api.readStorage, at(call));
/** `POST storage/compact`: the facilitator tidies the case up (its log becomes one stored state). */
export const compactStorage = (call: WorkshopCall) => callApi(api.compactStorage, at(call));
