import { canEdit, describeIssues, WorkshopRequests } from '@caseroom/shared';
import express, { type Response, type Router } from 'express';
import type { AccessService } from '../access/AccessService.ts';
import type { ActivityService } from '../history/ActivityService.ts';
import type { SnapshotService } from '../history/SnapshotService.ts';
import type { Result } from '../workshop/results.ts';
import { observersCannotSign, type WorkshopService } from '../workshop/WorkshopService.ts';
import { ApiErrorCode, sendError } from './apiErrors.ts';
import { partyOf, requireParty } from './requireParty.ts';

const Bodies = WorkshopRequests;

/**
 * The workshop record and history under /api/cases/:id (docs/workshop.md W3–W5, W7, W8,
 * W10, W11). Role checks by requireParty; bodies checked with zod (400 badRequest naming the
 * field); expected failures of the services come back as values and are sent as they are.
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
  const caseId = (req: express.Request) => req.params.id as string;
  const param = (req: express.Request, name: string) => String(req.params[name]);

  router.get('/cases/:id/workshop', any, async (req, res) => {
    send(res, await workshop.read(caseId(req)));
  });

  router.post('/cases/:id/workshop/phase', facilitator, async (req, res) => {
    const body = parse(res, Bodies.phase, req.body);
    if (body) send(res, await workshop.setPhase(caseId(req), partyOf(res), body.phase));
  });

  router.post('/cases/:id/workshop/locks', facilitator, async (req, res) => {
    const body = parse(res, Bodies.lock, req.body);
    if (body) send(res, await workshop.setLock(caseId(req), partyOf(res), body.section, body.locked));
  });

  router.post('/cases/:id/workshop/timer', facilitator, async (req, res) => {
    const body = parse(res, Bodies.timer, req.body);
    if (body) send(res, await workshop.timer(caseId(req), body.action, body.seconds));
  });

  router.post('/cases/:id/workshop/votes', facilitator, async (req, res) => {
    const body = parse(res, Bodies.vote, req.body);
    if (body) send(res, await workshop.openVote(caseId(req), body), 201);
  });

  router.put('/cases/:id/workshop/votes/:voteId/ballot', editor, async (req, res) => {
    const body = parse(res, Bodies.ballot, req.body);
    if (body) send(res, await workshop.castBallot(caseId(req), partyOf(res), param(req, 'voteId'), body.itemIds));
  });

  router.get('/cases/:id/workshop/votes/:voteId/ballot', editor, async (req, res) => {
    send(res, await workshop.ownBallot(caseId(req), partyOf(res), param(req, 'voteId')));
  });

  router.post('/cases/:id/workshop/votes/:voteId/reveal', facilitator, async (req, res) => {
    send(res, await workshop.reveal(caseId(req), partyOf(res), param(req, 'voteId')));
  });

  router.post('/cases/:id/workshop/votes/:voteId/decide', facilitator, async (req, res) => {
    const body = parse(res, Bodies.decide, req.body);
    if (body) send(res, await workshop.decideVote(caseId(req), partyOf(res), param(req, 'voteId'), body), 201);
  });

  router.post('/cases/:id/workshop/decisions', facilitator, async (req, res) => {
    const body = parse(res, Bodies.decision, req.body);
    if (body) send(res, await workshop.addDecision(caseId(req), partyOf(res), body), 201);
  });

  router.post('/cases/:id/workshop/comments', editor, async (req, res) => {
    const body = parse(res, Bodies.comment, req.body);
    if (body) send(res, await workshop.addComment(caseId(req), partyOf(res), body), 201);
  });

  router.post('/cases/:id/workshop/comments/:commentId/resolve', editor, async (req, res) => {
    const body = parse(res, Bodies.resolveComment, req.body);
    if (body) send(res, await workshop.resolveComment(caseId(req), param(req, 'commentId'), body.resolved));
  });

  router.post('/cases/:id/workshop/signoffs', any, async (req, res) => {
    // Observers sign nothing (issue 9), told so in words of their own rather than a generic refusal.
    if (!canEdit(partyOf(res).role)) {
      send(res, observersCannotSign());
      return;
    }
    const body = parse(res, Bodies.signoff, req.body);
    if (body) send(res, await workshop.signoff(caseId(req), partyOf(res), body.hash), 201);
  });

  router.put('/cases/:id/workshop/required-signers', facilitator, async (req, res) => {
    const body = parse(res, Bodies.requiredSigners, req.body);
    if (body) send(res, await workshop.setRequiredSigners(caseId(req), body.partyIds));
  });

  router.get('/cases/:id/activity', any, (req, res) => {
    res.json(activity.list(caseId(req)));
  });

  router.get('/cases/:id/snapshots', any, (req, res) => {
    res.json(snapshots.list(caseId(req)));
  });

  router.post('/cases/:id/snapshots', facilitator, async (req, res) => {
    const body = parse(res, Bodies.snapshot, req.body);
    if (body) send(res, await snapshots.create(caseId(req), body.name, partyOf(res)), 201);
  });

  router.get('/cases/:id/snapshots/:sid/model', any, (req, res) => {
    send(res, snapshots.model(caseId(req), param(req, 'sid')));
  });

  router.get('/cases/:id/snapshots/:sid/changes', any, async (req, res) => {
    const lang = req.query.lang ?? 'da';
    if (lang !== 'da' && lang !== 'en') {
      sendError(res, 400, ApiErrorCode.BadRequest, 'lang: must be "da" or "en".');
      return;
    }
    send(res, await snapshots.changes(caseId(req), param(req, 'sid'), lang));
  });

  router.post('/cases/:id/snapshots/:sid/restore', facilitator, async (req, res) => {
    send(res, await snapshots.restore(caseId(req), param(req, 'sid'), partyOf(res)));
  });

  return router;
}

/** What parse needs of a zod schema (the schemas live in shared, which owns zod). */
type BodySchema<T> = {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: Parameters<typeof describeIssues>[0] };
};

/** The parsed body, or undefined after sending 400 badRequest that names each bad field. */
function parse<T>(res: Response, schema: BodySchema<T>, body: unknown): T | undefined {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  sendError(res, 400, ApiErrorCode.BadRequest, `${describeIssues(parsed.error)}.`);
  return undefined;
}

function send<T>(res: Response, result: Result<T>, status = 200): void {
  if (result.ok) res.status(status).json(result.value);
  else sendError(res, result.status, result.code, result.message, result.details);
}
