import { api } from '@caseroom/shared';
import express, { type RequestHandler, type Router } from 'express';
import type { MemberGrant } from '../access/MemberAccess.ts';
import type { LibraryService } from '../library/LibraryService.ts';
import { route } from './route.ts';

/**
 * The unit-value library (issue 15, docs/library.md), registered from shared's endpoint table:
 *   GET  /api/library                       member link → { entries } (current versions; seeded on first read)
 *   POST /api/library                       member link → 201 entry (version 1)
 *   PUT  /api/library/:entryId              member link → entry (its next version; with baseVersion only
 *                                           while that is the latest, else 409 with `current`)
 *   GET  /api/library/:entryId/versions     member link → { versions }
 *   GET  /api/cases/:id/library             case link (any party) → { entries, linked, outdated }
 * `member` is the portfolio's member check (portfolioRouter.ts), `anyParty` the case link check.
 */
export function libraryRouter(library: LibraryService, member: RequestHandler, anyParty: RequestHandler): Router {
  const router = express.Router();

  route(router, api.library, [member], async ({ res }, reply) => {
    reply.ok({ entries: await library.list(grantOf(res.locals).organisation.id) });
  });

  route(router, api.addLibraryEntry, [member], async ({ body, res }, reply) => {
    const grant = grantOf(res.locals);
    reply.result(await library.add(grant.organisation.id, body, grant.member.name));
  });

  route(router, api.changeLibraryEntry, [member], async ({ body, params, res }, reply) => {
    const grant = grantOf(res.locals);
    const { baseVersion, ...fields } = body;
    reply.result(await library.change(grant.organisation.id, params.entryId, fields, grant.member.name, baseVersion));
  });

  route(router, api.libraryEntryVersions, [member], async ({ params, res }, reply) => {
    const versions = await library.versions(grantOf(res.locals).organisation.id, params.entryId);
    reply.result(versions.ok ? { ok: true, value: { versions: versions.value } } : versions);
  });

  route(router, api.caseLibrary, [anyParty], async ({ params }, reply) => {
    reply.result(await library.forCase(params.id));
  });

  return router;
}

function grantOf(locals: Record<string, unknown>): MemberGrant {
  return locals.member as MemberGrant;
}

/** The fund's routers (issue 15: members and portfolio, the unit-value library) as the one router the API mounts. */
export function fundRouter(...routers: Router[]): Router {
  const router = express.Router();
  for (const each of routers) router.use(each);
  return router;
}
