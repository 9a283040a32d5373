import { z } from 'zod';
import { Phase } from '../model/facts.ts';
import { WorkshopRequests } from '../workshop/api.ts';
import { Decision, SectionLock, SignoffEntry, TimerValue, Vote } from '../workshop/record.ts';
import { CommentEntry, OwnBallot, SnapshotListing, WorkshopView } from './answers.ts';
import { AS_PARTY, BY_ROLE } from './commonErrors.ts';
import { endpoint } from './endpoint.ts';
import { ApiErrorCode } from './errorCodes.ts';

const { VoteNotFound, VoteClosed, InvalidBallot, CommentNotFound, StorageFull } = ApiErrorCode;

/**
 * The workshop record (docs/workshop.md W3–W5, W7–W10): the server writes it in the caller's
 * name; bodies are shared's strict `WorkshopRequests`.
 */
export const workshopEndpoints = {
  /** Any party: the record, the server's clock, the content hash and sign-off state. */
  readWorkshop: endpoint({ method: 'GET', path: '/api/cases/:id/workshop', response: WorkshopView, errors: AS_PARTY }),
  /** Facilitator; a change takes a 'phase' snapshot. */
  setPhase: endpoint({
    method: 'POST',
    path: '/api/cases/:id/workshop/phase',
    body: WorkshopRequests.phase,
    response: z.object({ phase: Phase, snapshot: SnapshotListing.optional() }),
    errors: BY_ROLE,
  }),
  setLock: endpoint({
    method: 'POST',
    path: '/api/cases/:id/workshop/locks',
    body: WorkshopRequests.lock,
    response: z.object({ locks: z.record(z.string(), SectionLock) }),
    errors: BY_ROLE,
  }),
  timer: endpoint({
    method: 'POST',
    path: '/api/cases/:id/workshop/timer',
    body: WorkshopRequests.timer,
    response: z.object({ timer: TimerValue }),
    errors: BY_ROLE,
  }),
  openVote: endpoint({
    method: 'POST',
    path: '/api/cases/:id/workshop/votes',
    body: WorkshopRequests.vote,
    response: z.object({ voteId: z.string(), vote: Vote }),
    status: 201,
    errors: [...BY_ROLE, StorageFull],
  }),
  /** Facilitator or editor; the ballot stays on the server until the reveal. */
  putBallot: endpoint({
    method: 'PUT',
    path: '/api/cases/:id/workshop/votes/:voteId/ballot',
    body: WorkshopRequests.ballot,
    response: z.object({ ballot: OwnBallot }),
    errors: [...BY_ROLE, VoteNotFound, VoteClosed, InvalidBallot],
  }),
  /** Facilitator or editor: the caller's own ballot, or null. */
  getBallot: endpoint({
    method: 'GET',
    path: '/api/cases/:id/workshop/votes/:voteId/ballot',
    response: z.object({ ballot: OwnBallot.nullable() }),
    errors: [...BY_ROLE, VoteNotFound],
  }),
  revealVote: endpoint({
    method: 'POST',
    path: '/api/cases/:id/workshop/votes/:voteId/reveal',
    response: z.object({ vote: Vote }),
    errors: [...BY_ROLE, VoteNotFound, VoteClosed],
  }),
  decideVote: endpoint({
    method: 'POST',
    path: '/api/cases/:id/workshop/votes/:voteId/decide',
    body: WorkshopRequests.decide,
    response: z.object({ decisionId: z.string(), decision: Decision, vote: Vote }),
    status: 201,
    errors: [...BY_ROLE, VoteNotFound, ApiErrorCode.VoteNotRevealed, ApiErrorCode.VoteDecided, StorageFull],
  }),
  addDecision: endpoint({
    method: 'POST',
    path: '/api/cases/:id/workshop/decisions',
    body: WorkshopRequests.decision,
    response: z.object({ decisionId: z.string(), decision: Decision }),
    status: 201,
    errors: [...BY_ROLE, StorageFull],
  }),
  /** Editor or facilitator (W9). */
  postComment: endpoint({
    method: 'POST',
    path: '/api/cases/:id/workshop/comments',
    body: WorkshopRequests.comment,
    response: z.object({ commentId: z.string(), comment: CommentEntry }),
    status: 201,
    errors: [...BY_ROLE, CommentNotFound, StorageFull],
  }),
  resolveComment: endpoint({
    method: 'POST',
    path: '/api/cases/:id/workshop/comments/:commentId/resolve',
    body: WorkshopRequests.resolveComment,
    response: z.object({ comment: CommentEntry }),
    errors: [...BY_ROLE, CommentNotFound, StorageFull],
  }),
  /** Editor or facilitator, for its own party (W10); an observer: 403 forbidden. */
  signOff: endpoint({
    method: 'POST',
    path: '/api/cases/:id/workshop/signoffs',
    body: WorkshopRequests.signoff,
    response: z.object({
      signoff: SignoffEntry.extend({ partyId: z.string() }),
      snapshot: SnapshotListing.optional(),
    }),
    status: 201,
    errors: [...BY_ROLE, ApiErrorCode.HashMismatch],
  }),
  setRequiredSigners: endpoint({
    method: 'PUT',
    path: '/api/cases/:id/workshop/required-signers',
    body: WorkshopRequests.requiredSigners,
    response: z.object({ requiredSigners: z.array(z.string()) }),
    errors: BY_ROLE,
  }),
} as const;
