import express, { type Express } from 'express';
import type { AccessService } from '../access/AccessService.ts';
import type { CaseService } from '../cases/CaseService.ts';
import type { ExchangeService } from '../exchange/ExchangeService.ts';
import type { ActivityService } from '../history/ActivityService.ts';
import type { SnapshotService } from '../history/SnapshotService.ts';
import type { Log } from '../log.ts';
import type { NetworkFacts } from '../network/NetworkFacts.ts';
import type { WorkshopService } from '../workshop/WorkshopService.ts';
import { ApiErrorCode, errorHandler, sendError } from './apiErrors.ts';
import { apiRouter } from './apiRouter.ts';
import { clientAssets } from './clientAssets.ts';

/** The Express app: health check, JSON API, the built client, JSON errors. */
export function createHttpApp(options: {
  cases: CaseService;
  access: AccessService;
  workshop: WorkshopService;
  snapshots: SnapshotService;
  activity: ActivityService;
  exchange: ExchangeService;
  clientDir: string | undefined;
  network: NetworkFacts;
  log: Log;
}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(
    '/api',
    apiRouter(
      options.cases,
      options.access,
      options.workshop,
      options.snapshots,
      options.activity,
      options.exchange,
      options.network,
    ),
  );
  app.use(clientAssets(options.clientDir));
  app.use((req, res) => {
    sendError(res, 404, ApiErrorCode.NotFound, `Nothing at ${req.method} ${req.path}.`);
  });
  app.use(errorHandler(options.log));
  return app;
}
