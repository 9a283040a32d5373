import express, { type Express, type RequestHandler, type Router } from 'express';
import type { AccessService } from '../access/AccessService.ts';
import type { CaseService } from '../cases/CaseService.ts';
import type { ExchangeService } from '../exchange/ExchangeService.ts';
import type { ActivityService } from '../history/ActivityService.ts';
import type { SnapshotService } from '../history/SnapshotService.ts';
import type { Log } from '../log.ts';
import { Metrics } from '../metrics/Metrics.ts';
import { MetricsAllowlist } from '../metrics/MetricsAllowlist.ts';
import type { HostAllowlist } from '../network/HostAllowlist.ts';
import type { NetworkFacts } from '../network/NetworkFacts.ts';
import type { TrustedProxies } from '../network/TrustedProxies.ts';
import type { WorkshopService } from '../workshop/WorkshopService.ts';
import type { HttpAddressLimits } from './addressLimits.ts';
import { ApiErrorCode, errorHandler, sendError } from './apiErrors.ts';
import { apiRouter } from './apiRouter.ts';
import { clientAssets } from './clientAssets.ts';
import { requestLog } from './requestLog.ts';
import { requireAllowedHost } from './requireAllowedHost.ts';
import { securityHeaders } from './securityHeaders.ts';

/**
 * The Express app. In order: the request log line, security headers (so every answer below
 * carries them, errors included), the health check and `/metrics` (Prometheus; only for the
 * addresses in METRICS_ALLOW, loopback by default, else 403; like /health before the Host
 * allowlist, so a scraper may name the server by any address), the Host allowlist, per-address limits,
 * the JSON API, the built client, JSON errors. `req.ip` and `req.secure` believe
 * X-Forwarded-* only from the trusted proxies.
 */
export function createHttpApp(options: {
  cases: CaseService;
  access: AccessService;
  workshop: WorkshopService;
  snapshots: SnapshotService;
  activity: ActivityService;
  exchange: ExchangeService;
  /** The fund's view (issue 15): members and the portfolio. */
  portfolio: Router;
  clientDir: string | undefined;
  network: NetworkFacts;
  hosts: HostAllowlist;
  trustedProxies: TrustedProxies;
  limits: HttpAddressLimits;
  log: Log;
  /** Middleware in front of the API, after the Host allowlist and the limits (the cluster's owner gate). */
  beforeApi?: RequestHandler[];
  /** The server's metrics; without them the app counts only its own (process metrics, zeros). */
  metrics?: Metrics;
  /** Who may read /metrics; default loopback only. */
  metricsAllow?: MetricsAllowlist;
}): Express {
  const metrics = options.metrics ?? new Metrics();
  const metricsAllow = options.metricsAllow ?? MetricsAllowlist.parse(undefined);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustedProxies.trusts);
  app.use(requestLog(options.log));
  app.use(securityHeaders(options.hosts, options.network));
  app.get('/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/metrics', (req, res, next) => {
    if (!metricsAllow.allows(req.ip)) {
      sendError(res, 403, ApiErrorCode.Forbidden, 'The metrics are only for the addresses in METRICS_ALLOW.');
      return;
    }
    metrics.text().then((text) => {
      res.type(metrics.contentType).send(text);
    }, next);
  });
  app.use(requireAllowedHost(options.hosts, options.log));
  app.use('/api', options.limits.apiCalls);
  app.post('/api/cases', options.limits.caseCreations);
  app.post('/api/cases/import', options.limits.imports);
  // In a cluster (issue 14): a request that changes a case another process owns is run there.
  for (const handler of options.beforeApi ?? []) app.use('/api', handler);
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
      options.portfolio,
    ),
  );
  app.use(clientAssets(options.clientDir));
  app.use((req, res) => {
    sendError(res, 404, ApiErrorCode.NotFound, `Nothing at ${req.method} ${req.path}.`);
  });
  app.use(errorHandler(options.log));
  return app;
}
