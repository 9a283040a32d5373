import { api, type Party } from '@caseroom/shared';
import express, { type Request, type RequestHandler, type Router } from 'express';
import type { AccessService } from '../access/AccessService.ts';
import { parseExpiryChange } from '../access/linkLifetime.ts';
import { caseLink } from '../access/links.ts';
import { bearerTokens } from '../access/tokens.ts';
import type { CaseService } from '../cases/CaseService.ts';
import type { ExchangeService } from '../exchange/ExchangeService.ts';
import type { ActivityService } from '../history/ActivityService.ts';
import type { SnapshotService } from '../history/SnapshotService.ts';
import type { NetworkFacts } from '../network/NetworkFacts.ts';
import type { WorkshopService } from '../workshop/WorkshopService.ts';
import { ApiErrorCode, sendError } from './apiErrors.ts';
import { exchangeRouter } from './exchangeRouter.ts';
import { organisationOf, partyOf, requireOrganisation, requireParty } from './requireParty.ts';
import { route } from './route.ts';
import { storageRouter } from './storageRouter.ts';
import { workshopRouter } from './workshopRouter.ts';

/**
 * The JSON API under /api (access rules: docs/access.md), registered from shared's endpoint table
 * (`api`: method, path, body and answer schemas, error codes). Every answer that hands out a token
 * also gives the `link` to open (`<public URL>/case/<id>#token=<token>`).
 *   POST /api/cases                              body empty, {} or {"example": true} → 201 { id, token, link }
 *                                                (beyond loopback: Bearer <organisation key>, else 401/403)
 *   GET  /api/cases[?archived=1]                 Bearer t1,t2,… → the cases those tokens open, each with the caller's party
 *                                                (archived ones only with ?archived=1, issue 15)
 *   GET  /api/cases/:id/model                    any party → the case model (CaseModelDraft)
 *   GET  /api/cases/:id/me                       any party → { party }
 *   GET  /api/cases/:id/parties                  facilitator → [party + expiresAt, endedAt]
 *   POST /api/cases/:id/parties                  facilitator, PartyInvite → 201 { party, token, link }
 *   PATCH /api/cases/:id/parties/:partyId        facilitator, { expiresAt: ISO time | null } → party
 *   POST /api/cases/:id/parties/:partyId/end     facilitator → party (its link stops working at once)
 *   POST /api/cases/:id/parties/:partyId/rotate  facilitator → { party, token, link }
 *   …/workshop/…, …/snapshots/…, …/activity      the workshop record and history (workshopRouter.ts)
 *   GET /api/cases/:id/storage, POST …/storage/compact   the case's storage quota (storageRouter.ts)
 *   GET /api/cases/:id/export.(json|xlsx|pdf), POST /api/cases/import   export and import (exchangeRouter.ts)
 *   /api/organisation/members…, /api/portfolio…       members and the fund's portfolio (portfolioRouter.ts, issue 15)
 */
export function apiRouter(
  cases: CaseService,
  access: AccessService,
  workshop: WorkshopService,
  snapshots: SnapshotService,
  activity: ActivityService,
  exchange: ExchangeService,
  network: NetworkFacts,
  /** The fund's view (issue 15: members, portfolio): its own router, after the JSON parser. */
  portfolio: Router,
): Router {
  const router = express.Router();
  // Read when a request arrives: the public URL is known only once the server listens.
  const link = (caseId: string, token: string) => caseLink(network.publicUrl, caseId, token);
  // Before the 16 KiB JSON parser: the import reads its own (much larger) raw body.
  router.use(exchangeRouter(access, exchange, network));
  router.use(express.json({ limit: '16kb', strict: false }));
  const anyParty = requireParty(access, 'anyParty');
  const facilitator = requireParty(access, 'facilitator');

  route(
    router,
    api.createCase,
    [requireOrganisation(access, network), requireJsonBody],
    async ({ body, res }, reply) => {
      const created = await cases.createCase(body.example ? 'example' : 'empty', organisationOf(res));
      reply.ok({ ...created, link: link(created.id, created.token) });
    },
  );

  route(router, api.listCases, [], async ({ req }, reply) => {
    // A6: only the cases the presented tokens open; none → [] (a new browser's start page).
    const parties = new Map<string, Party>();
    for (const token of bearerTokens(req.headers.authorization)) {
      const found = await access.resolve(token);
      if (!found) continue;
      const known = parties.get(found.caseId);
      if (!known || ROLE_RANK[found.party.role] > ROLE_RANK[known.role]) parties.set(found.caseId, found.party);
    }
    // Issue 15: archived cases are out of the list unless asked for (`?archived=1`).
    reply.ok(await cases.listCases(parties, req.query.archived === '1'));
  });

  route(router, api.caseModel, [anyParty], async ({ params, res }, reply) => {
    const model = await cases.readModel(params.id);
    if (!model) {
      sendError(res, 404, ApiErrorCode.CaseNotFound, `No case with id ${params.id}.`);
      return;
    }
    reply.ok(model);
  });

  route(router, api.me, [anyParty], ({ res }, reply) => {
    reply.ok({ party: partyOf(res) });
  });

  route(router, api.listParties, [facilitator], async ({ params }, reply) => {
    reply.ok(await access.listParties(params.id));
  });

  route(router, api.inviteParty, [facilitator], async ({ params, body }, reply) => {
    const issued = await access.invite(params.id, body);
    reply.ok({ ...issued, link: link(params.id, issued.token) });
  });

  route(router, api.setLinkExpiry, [facilitator], async ({ params, body, res }, reply) => {
    // The shape is the endpoint's; whether it is a time, and not a past one, needs the clock.
    const change = parseExpiryChange(body, access.now());
    if (!change.ok) {
      sendError(res, 400, ApiErrorCode.BadRequest, change.message);
      return;
    }
    reply.result(await access.setExpiry(params.id, params.partyId, change.expiresAt));
  });

  route(router, api.endAccess, [facilitator], async ({ params }, reply) => {
    reply.result(await access.end(params.id, params.partyId));
  });

  route(router, api.rotateLink, [facilitator], async ({ params, res }, reply) => {
    const rotated = await access.rotate(params.id, params.partyId);
    if (!rotated) {
      sendError(res, 404, ApiErrorCode.PartyNotFound, `No party ${params.partyId} in case ${params.id}.`);
      return;
    }
    reply.ok({ ...rotated, link: link(params.id, rotated.token) });
  });

  router.use(portfolio);
  router.use(workshopRouter(access, workshop, snapshots, activity));
  router.use(storageRouter(access, workshop.storage));

  router.use((req, res) => {
    sendError(res, 404, ApiErrorCode.NotFound, `No API endpoint ${req.method} ${req.baseUrl}${req.path}.`);
  });
  return router;
}

/** When several tokens open one case, the listing shows the strongest party. */
const ROLE_RANK: Record<Party['role'], number> = { observer: 0, editor: 1, facilitator: 2 };

/** A create request with a body must say it is JSON (a form post is not read as one). */
const requireJsonBody: RequestHandler = (req, res, next) => {
  if (hasBody(req) && !req.is('application/json')) {
    sendError(res, 400, ApiErrorCode.BadRequest, 'Send the body as application/json.');
    return;
  }
  next();
};

/** Whether the request carries a body (a length above zero, or a chunked one). */
function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
