import { type Party, PartyInvite } from '@caseroom/shared';
import express, { type Request, type Router } from 'express';
import type { AccessService } from '../access/AccessService.ts';
import { parseExpiryChange } from '../access/linkLifetime.ts';
import { caseLink } from '../access/links.ts';
import { bearerTokens } from '../access/tokens.ts';
import type { CaseService, CaseTemplate } from '../cases/CaseService.ts';
import type { ExchangeService } from '../exchange/ExchangeService.ts';
import type { ActivityService } from '../history/ActivityService.ts';
import type { SnapshotService } from '../history/SnapshotService.ts';
import type { NetworkFacts } from '../network/NetworkFacts.ts';
import type { WorkshopService } from '../workshop/WorkshopService.ts';
import { ApiErrorCode, sendError } from './apiErrors.ts';
import { exchangeRouter } from './exchangeRouter.ts';
import { organisationOf, partyOf, requireOrganisation, requireParty } from './requireParty.ts';
import { storageRouter } from './storageRouter.ts';
import { workshopRouter } from './workshopRouter.ts';

/**
 * The JSON API under /api (access rules: docs/access.md). Every answer that hands out a token
 * also gives the `link` to open (`<public URL>/case/<id>#token=<token>`).
 *   POST /api/cases                              body empty, {} or {"example": true} → 201 { id, token, link }
 *                                                (beyond loopback: Bearer <organisation key>, else 401/403)
 *   GET  /api/cases                              Bearer t1,t2,… → the cases those tokens open, each with the caller's party
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
 */
export function apiRouter(
  cases: CaseService,
  access: AccessService,
  workshop: WorkshopService,
  snapshots: SnapshotService,
  activity: ActivityService,
  exchange: ExchangeService,
  network: NetworkFacts,
): Router {
  const router = express.Router();
  // Read when a request arrives: the public URL is known only once the server listens.
  const link = (caseId: string, token: string) => caseLink(network.publicUrl, caseId, token);
  // Before the 16 KiB JSON parser: the import reads its own (much larger) raw body.
  router.use(exchangeRouter(access, exchange, network));
  router.use(express.json({ limit: '16kb', strict: false }));

  router.post('/cases', requireOrganisation(access, network), (req, res) => {
    if (hasBody(req) && !req.is('application/json')) {
      sendError(res, 400, ApiErrorCode.BadRequest, 'Send the body as application/json.');
      return;
    }
    const template = parseCreateBody(req.body);
    if (!template) {
      sendError(res, 400, ApiErrorCode.BadRequest, 'The body must be empty, {} or {"example": true}.');
      return;
    }
    const created = cases.createCase(template, organisationOf(res));
    res.status(201).json({ ...created, link: link(created.id, created.token) });
  });

  router.get('/cases', (req, res) => {
    // A6: only the cases the presented tokens open; none → [] (a new browser's start page).
    const parties = new Map<string, Party>();
    for (const token of bearerTokens(req.headers.authorization)) {
      const found = access.resolve(token);
      if (!found) continue;
      const known = parties.get(found.caseId);
      if (!known || ROLE_RANK[found.party.role] > ROLE_RANK[known.role]) parties.set(found.caseId, found.party);
    }
    res.json(cases.listCases(parties));
  });

  router.get('/cases/:id/model', requireParty(access, 'anyParty'), (req, res) => {
    const model = cases.readModel(req.params.id as string);
    if (!model) {
      sendError(res, 404, ApiErrorCode.CaseNotFound, `No case with id ${req.params.id}.`);
      return;
    }
    res.json(model);
  });

  router.get('/cases/:id/me', requireParty(access, 'anyParty'), (_req, res) => {
    res.json({ party: partyOf(res) });
  });

  router.get('/cases/:id/parties', requireParty(access, 'facilitator'), (req, res) => {
    res.json(access.listParties(req.params.id as string));
  });

  router.post('/cases/:id/parties', requireParty(access, 'facilitator'), (req, res) => {
    const invite = PartyInvite.safeParse(req.body);
    if (!invite.success) {
      const problems = invite.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
      sendError(res, 400, ApiErrorCode.BadRequest, `Invalid party: ${problems.join('; ')}.`);
      return;
    }
    const caseId = req.params.id as string;
    const issued = access.invite(caseId, invite.data);
    res.status(201).json({ ...issued, link: link(caseId, issued.token) });
  });

  router.patch('/cases/:id/parties/:partyId', requireParty(access, 'facilitator'), (req, res) => {
    const change = parseExpiryChange(req.body, access.now());
    if (!change.ok) {
      sendError(res, 400, ApiErrorCode.BadRequest, change.message);
      return;
    }
    const result = access.setExpiry(req.params.id as string, req.params.partyId as string, change.expiresAt);
    if (!result.ok) {
      sendError(res, result.status, result.code, result.message, result.details);
      return;
    }
    res.json(result.value);
  });

  router.post('/cases/:id/parties/:partyId/end', requireParty(access, 'facilitator'), (req, res) => {
    const result = access.end(req.params.id as string, req.params.partyId as string);
    if (!result.ok) {
      sendError(res, result.status, result.code, result.message, result.details);
      return;
    }
    res.json(result.value);
  });

  router.post('/cases/:id/parties/:partyId/rotate', requireParty(access, 'facilitator'), (req, res) => {
    const caseId = req.params.id as string;
    const rotated = access.rotate(caseId, req.params.partyId as string);
    if (!rotated) {
      sendError(res, 404, ApiErrorCode.PartyNotFound, `No party ${req.params.partyId} in case ${caseId}.`);
      return;
    }
    res.json({ ...rotated, link: link(caseId, rotated.token) });
  });

  router.use(workshopRouter(access, workshop, snapshots, activity));
  router.use(storageRouter(access, workshop.storage));

  router.use((req, res) => {
    sendError(res, 404, ApiErrorCode.NotFound, `No API endpoint ${req.method} ${req.baseUrl}${req.path}.`);
  });
  return router;
}

/** When several tokens open one case, the listing shows the strongest party. */
const ROLE_RANK: Record<Party['role'], number> = { observer: 0, editor: 1, facilitator: 2 };

/** Whether the request carries a body (a length above zero, or a chunked one). */
function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The template a create request asks for, or undefined if the body is not one we accept. */
function parseCreateBody(body: unknown): CaseTemplate | undefined {
  if (body === undefined) return 'empty';
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const keys = Object.keys(body);
  if (keys.length === 0) return 'empty';
  if (keys.length !== 1 || !('example' in body) || typeof body.example !== 'boolean') return undefined;
  return body.example ? 'example' : 'empty';
}
