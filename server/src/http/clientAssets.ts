import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type RequestHandler, type Router } from 'express';
import { ApiErrorCode, sendError } from './apiErrors.ts';

/**
 * Serves the built client (client/dist) with an SPA fallback: any other GET that is not under
 * /api or /ws gets index.html, so deep links like /case/<id> open the app. Without a build,
 * every such request gets a 503 that says how to build it.
 */
export function clientAssets(clientDir: string | undefined): Router {
  const router = express.Router();
  const indexFile = clientDir ? join(clientDir, 'index.html') : undefined;
  if (clientDir && indexFile && existsSync(indexFile)) {
    router.use(express.static(clientDir, { index: 'index.html' }));
    router.get(/.*/, spaFallback(indexFile));
  } else {
    router.get(/.*/, (req, res, next) => {
      if (isReservedPath(req.path)) return next();
      sendError(
        res,
        503,
        ApiErrorCode.ClientNotBuilt,
        `The client is not built (no ${indexFile ?? 'client directory'}). Run "pnpm build" and restart the server.`,
      );
    });
  }
  return router;
}

function spaFallback(indexFile: string): RequestHandler {
  return (req, res, next) => {
    if (isReservedPath(req.path)) return next();
    res.sendFile(indexFile);
  };
}

function isReservedPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/ws' || path.startsWith('/ws/');
}
