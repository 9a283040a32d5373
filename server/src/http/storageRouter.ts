import { api } from '@caseroom/shared';
import express, { type Router } from 'express';
import type { AccessService } from '../access/AccessService.ts';
import type { StorageService } from '../workshop/StorageService.ts';
import { partyOf, requireParty } from './requireParty.ts';
import { route } from './route.ts';

/**
 * The case's storage quota under /api/cases/:id (issue 9; docs/workshop.md "Storage"):
 *   GET  storage            any party   → { usedBytes, quotaBytes }
 *   POST storage/compact    facilitator → { usedBytes, quotaBytes } after the log became one
 *                           state row; 503 storageUnavailable while the store cannot write
 */
export function storageRouter(access: AccessService, storage: StorageService): Router {
  const router = express.Router({ mergeParams: true });

  route(router, api.readStorage, [requireParty(access, 'anyParty')], async ({ params }, reply) => {
    reply.result(await storage.usage(params.id));
  });

  route(router, api.compactStorage, [requireParty(access, 'facilitator')], async ({ params, res }, reply) => {
    reply.result(await storage.compact(params.id, partyOf(res)));
  });

  return router;
}
