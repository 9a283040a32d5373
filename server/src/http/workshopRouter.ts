import { api, canEdit } from '@caseroom/shared';
import express, { type RequestHandler, type Response, type Router } from 'express';
import type { AccessService } from '../access/AccessService.ts';
import type { ActivityService } from '../history/ActivityService.ts';
import type { SnapshotService } from '../history/SnapshotService.ts';
import type { Failure } from '../workshop/results.ts';
import { observersCannotSign, type WorkshopService } from '../workshop/WorkshopService.ts';
import { ApiErrorCode, sendError } from './apiErrors.ts';
import { partyOf, requireParty } from './requireParty.ts';
import { route } from './route.ts';

/**
 * The workshop record and history under /api/cases/:id (docs/workshop.md W3–W5, W7, W8,
 * W10, W11), registered from shared's endpoint table. Role checks by requireParty; bodies checked
 * with the endpoint's schema (400 badRequest naming the field); expected failures of the
 * services come back as values and are sent as they are. What adds a person's content (votes,
 * decisions, comments and their resolution) is refused at the case's storage quota: 507
 * storageFull, nothing written, the room's notice turns `full` (issue 9; quotaCheck.ts).
 *   GET  workshop                               any party → { workshop, serverNow, contentHash, signoffStatus, agreed }
 *   POST workshop/phase { phase }               facilitator (a change takes a 'phase' snapshot)
 *   POST workshop/locks { section, locked }     facilitator
 *   POST workshop/timer { action, seconds? }    facilitator
 *   POST workshop/votes { list, itemIds, votesPerPerson }   facilitator → 201 { voteId, vote }
 *   PUT  workshop/votes/:voteId/ballot { itemIds }          facilitator or editor (stored on the server only)
 *   GET  workshop/votes/:voteId/ballot                      facilitator or editor → the caller's own
 *   POST workshop/votes/:voteId/reveal                      facilitator
 *   POST workshop/votes/:voteId/decide { itemId, text }     facilitator → 201
 *   POST workshop/decisions { text, itemPath? }             facilitator → 201
 *   POST workshop/comments { itemPath, parentId?, text }    editor, facilitator → 201
 *   POST workshop/comments/:commentId/resolve { resolved }  editor, facilitator
 *   POST workshop/signoffs { hash }             editor or facilitator, for its own party only → 201 (409 hashMismatch;
 *                                               an observer: 403 forbidden, "Observers cannot sign off")
 *   PUT  workshop/required-signers { partyIds } facilitator
 *   GET  activity (any party: who changed which section, when)
 *   GET  snapshots · POST snapshots { name } (facilitator, 201) · GET snapshots/:sid/model
 *   GET  snapshots/:sid/changes?lang=da|en · POST snapshots/:sid/restore (facilitator)
 */
export function workshopRouter(
  access: AccessService,
  workshop: WorkshopService,
  snapshots: SnapshotService,
  activity: ActivityService,
): Router {
  const router = express.Router({ mergeParams: true });
  const any = requireParty(access, 'anyParty');
  const editor = requireParty(access, 'editor');
  const facilitator = requireParty(access, 'facilitator');

  route(router, api.readWorkshop, [any], async ({ params }, reply) => {
    reply.result(await workshop.read(params.id));
  });

  route(router, api.setPhase, [facilitator], async ({ params, body, res }, reply) => {
    reply.result(await workshop.setPhase(params.id, partyOf(res), body.phase));
  });

  route(router, api.setLock, [facilitator], async ({ params, body, res }, reply) => {
    reply.result(await workshop.setLock(params.id, partyOf(res), body.section, body.locked));
  });

  route(router, api.timer, [facilitator], async ({ params, body }, reply) => {
    reply.result(await workshop.timer(params.id, body.action, body.seconds));
  });

  route(router, api.openVote, [facilitator], async ({ params, body }, reply) => {
    reply.result(await workshop.openVote(params.id, body));
  });

  route(router, api.putBallot, [editor], async ({ params, body, res }, reply) => {
    reply.result(await workshop.castBallot(params.id, partyOf(res), params.voteId, body.itemIds));
  });

  route(router, api.getBallot, [editor], async ({ params, res }, reply) => {
    reply.result(await workshop.ownBallot(params.id, partyOf(res), params.voteId));
  });

  route(router, api.revealVote, [facilitator], async ({ params, res }, reply) => {
    reply.result(await workshop.reveal(params.id, partyOf(res), params.voteId));
  });

  route(router, api.decideVote, [facilitator], async ({ params, body, res }, reply) => {
    reply.result(await workshop.decideVote(params.id, partyOf(res), params.voteId, body));
  });

  route(router, api.addDecision, [facilitator], async ({ params, body, res }, reply) => {
    reply.result(await workshop.addDecision(params.id, partyOf(res), body));
  });

  route(router, api.postComment, [editor], async ({ params, body, res }, reply) => {
    reply.result(await workshop.addComment(params.id, partyOf(res), body));
  });

  route(router, api.resolveComment, [editor], async ({ params, body }, reply) => {
    reply.result(await workshop.resolveComment(params.id, params.commentId, body.resolved));
  });

  // Observers sign nothing (issue 9), told so in words of their own rather than a generic refusal:
  // checked before the body, so an observer hears that whatever it sent.
  const signer: RequestHandler = (_req, res, next) => {
    if (canEdit(partyOf(res).role)) next();
    else sendFailure(res, observersCannotSign());
  };
  route(router, api.signOff, [any, signer], async ({ params, body, res }, reply) => {
    reply.result(await workshop.signoff(params.id, partyOf(res), body.hash, body.signerName));
  });

  route(router, api.setRequiredSigners, [facilitator], async ({ params, body }, reply) => {
    reply.result(await workshop.setRequiredSigners(params.id, body.partyIds));
  });

  route(router, api.listActivity, [any], async ({ params }, reply) => {
    reply.ok(await activity.list(params.id));
  });

  route(router, api.listSnapshots, [any], async ({ params }, reply) => {
    reply.ok(await snapshots.list(params.id));
  });

  route(router, api.createSnapshot, [facilitator], async ({ params, body, res }, reply) => {
    reply.result(await snapshots.create(params.id, body.name, partyOf(res)));
  });

  route(router, api.snapshotModel, [any], async ({ params }, reply) => {
    reply.result(await snapshots.model(params.id, params.sid));
  });

  route(router, api.snapshotChanges, [any], async ({ params, req, res }, reply) => {
    const lang = req.query.lang ?? 'da';
    if (lang !== 'da' && lang !== 'en') {
      sendError(res, 400, ApiErrorCode.BadRequest, 'lang: must be "da" or "en".');
      return;
    }
    reply.result(await snapshots.changes(params.id, params.sid, lang));
  });

  route(router, api.restoreSnapshot, [facilitator], async ({ params, res }, reply) => {
    reply.result(await snapshots.restore(params.id, params.sid, partyOf(res)));
  });

  return router;
}

function sendFailure(res: Response, failure: Failure): void {
  sendError(res, failure.status, failure.code, failure.message, failure.details);
}
