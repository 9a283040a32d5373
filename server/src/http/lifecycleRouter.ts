import { ApiErrorCode, api } from '@caseroom/shared';
import express, { type RequestHandler, type Router } from 'express';
import type { AccessService } from '../access/AccessService.ts';
import { caseLink } from '../access/links.ts';
import { isWellFormedOrganisationKey } from '../access/organisationKeys.ts';
import { bearerTokens } from '../access/tokens.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { CaseLifecycle } from '../lifecycle/CaseLifecycle.ts';
import { personalData } from '../lifecycle/personalData.ts';
import type { NetworkFacts } from '../network/NetworkFacts.ts';
import type { Stores } from '../storage/Stores.ts';
import { sendError } from './apiErrors.ts';
import { requireOrganisationKey } from './portfolioRouter.ts';
import { requireParty } from './requireParty.ts';
import { route } from './route.ts';

/**
 * The case lifecycle (issue 15; docs/access.md "Archive, delete, retention"), registered from
 * shared's endpoint table:
 *   POST /api/cases/:id/archive          facilitator or organisation key → { id, archivedAt }
 *   POST /api/cases/:id/restore          facilitator or organisation key → { id, archivedAt: null }
 *   POST /api/cases/:id/delete           { confirm: <title> }, facilitator or organisation key → { id, deleted }
 *   GET  /api/cases/:id/personal-data    facilitator or organisation key → PersonalData
 *   POST /api/cases/:id/template         { title? }, facilitator or organisation key → 201 { id, token, link }
 *   GET  /api/organisation/retention     organisation key → { retentionDays }
 *   PUT  /api/organisation/retention     { days | null }, organisation key → { retentionDays }
 * These work on an archived case too (restoring it is the point); the organisation key must be
 * one of the case's own organisation.
 */
export function lifecycleRouter(
  access: AccessService,
  lifecycle: CaseLifecycle,
  stores: Stores,
  registry: DocumentRegistry,
  network: NetworkFacts,
): Router {
  const router = express.Router();
  const admin = requireCaseAdmin(access, stores);

  route(router, api.archiveCase, [admin], async ({ params }, reply) => {
    reply.result(await lifecycle.archive(params.id));
  });

  route(router, api.restoreCase, [admin], async ({ params }, reply) => {
    reply.result(await lifecycle.restore(params.id));
  });

  route(router, api.deleteCase, [admin], async ({ params, body, res }, reply) => {
    const expected = await lifecycle.confirmationOf(params.id);
    if (expected === undefined) {
      sendError(res, 404, ApiErrorCode.CaseNotFound, `No case with id ${params.id}.`);
      return;
    }
    if (body.confirm.trim() !== expected) {
      sendError(
        res,
        400,
        ApiErrorCode.DeleteNotConfirmed,
        'Type the case’s title exactly (its id when it has no title) as "confirm" to delete it for good.',
      );
      return;
    }
    reply.result(await lifecycle.delete(params.id));
  });

  route(router, api.personalData, [admin], async ({ params, res }, reply) => {
    const data = await personalData(stores, registry, params.id, access.now());
    if (!data) {
      sendError(res, 404, ApiErrorCode.CaseNotFound, `No case with id ${params.id}.`);
      return;
    }
    reply.ok(data);
  });

  route(router, api.copyAsTemplate, [admin], async ({ params, body }, reply) => {
    const copied = await lifecycle.copyAsTemplate(params.id, body.title);
    if (!copied.ok) {
      reply.result(copied);
      return;
    }
    reply.ok({ ...copied.value, link: caseLink(network.publicUrl, copied.value.id, copied.value.token) });
  });

  route(router, api.getRetention, [requireOrganisationKey(access)], async ({ res }, reply) => {
    const organisation = await stores.organisations.get(res.locals.organisationId as string);
    reply.ok({ retentionDays: organisation?.retentionDays ?? null });
  });

  route(router, api.setRetention, [requireOrganisationKey(access)], async ({ body, res }, reply) => {
    const organisationId = res.locals.organisationId as string;
    await stores.organisations.setRetention(organisationId, body.days);
    reply.ok({ retentionDays: body.days });
  });

  return router;
}

/**
 * The case's facilitator (its link, as `requireParty`), or an administrator presenting the key
 * of the organisation the case belongs to. A key of another organisation is 403
 * organisationKeyInvalid; without a key the party's rules apply (404, 401, 403 in A5's order).
 */
function requireCaseAdmin(access: AccessService, stores: Stores): RequestHandler {
  const facilitator = requireParty(access, 'facilitator', { evenArchived: true });
  return async (req, res, next) => {
    const caseId = String(req.params.id);
    const keys = bearerTokens(req.headers.authorization).filter(isWellFormedOrganisationKey);
    if (keys.length === 0) {
      facilitator(req, res, next);
      return;
    }
    const record = await stores.cases.get(caseId);
    if (!record) {
      sendError(res, 404, ApiErrorCode.CaseNotFound, `No case with id ${caseId}.`);
      return;
    }
    const owner = record.organisationId ?? (await stores.organisations.firstId());
    for (const key of keys) {
      const organisation = await access.organisations.resolveKey(key);
      if (organisation && organisation.id === owner) {
        res.locals.organisationId = organisation.id;
        next();
        return;
      }
    }
    sendError(res, 403, ApiErrorCode.OrganisationKeyInvalid, 'That organisation key does not open this case.');
  };
}
