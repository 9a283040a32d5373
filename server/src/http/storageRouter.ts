import express, { type Router } from 'express';
import type { AccessService } from '../access/AccessService.ts';
import type { Result } from '../workshop/results.ts';
import type { StorageService } from '../workshop/StorageService.ts';
import { sendError } from './apiErrors.ts';
import { partyOf, requireParty } from './requireParty.ts';

/**
 * The case's storage quota under /api/cases/:id (issue 9; docs/workshop.md "Storage"):
 *   GET  storage            any party   → { usedBytes, quotaBytes }
 *   POST storage/compact    facilitator → { usedBytes, quotaBytes } after the log became one
 *                           state row; 503 storageUnavailable while the store cannot write
 */
export function storageRouter(access: AccessService, storage: StorageService): Router {
  const router = express.Router({ mergeParams: true });
  const caseId = (req: express.Request) => req.params.id as string;

  router.get('/cases/:id/storage', requireParty(access, 'anyParty'), async (req, res) => {
    send(res, await storage.usage(caseId(req)));
  });

  router.post('/cases/:id/storage/compact', requireParty(access, 'facilitator'), async (req, res) => {
    send(res, await storage.compact(caseId(req), partyOf(res)));
  });

  return router;
}

function send<T>(res: express.Response, result: Result<T>): void {
  if (result.ok) res.json(result.value);
  else sendError(res, result.status, result.code, result.message, result.details);
}
