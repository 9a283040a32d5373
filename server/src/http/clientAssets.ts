import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response, type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { ApiErrorCode, sendError } from './apiErrors.ts';

/** Hashed build output: its name changes whenever its content does, so it never needs revalidating. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** index.html, the SPA fallback and unhashed files: revalidated on every load (ETag → 304). */
export const REVALIDATE_CACHE = 'no-cache';

/**
 * A file Vite wrote under assets/ (client/vite.config.ts): `<name>-<content hash>.<ext>`, the
 * hash being at least 6 URL-safe characters. Paths are relative to the client directory.
 */
const HASHED_ASSET = /^assets\/(?:[^/]+\/)*[^/]+-[\w-]{6,}\.\w+(?:\.map)?$/;

/**
 * Serves the built client (client/dist) so that a redeploy never blanks an open page:
 * - every file is sent as its brotli or gzip copy made at build time (x.js.br, x.js.gz) when the
 *   browser accepts one (br before gzip), with the original's Content-Type, `Content-Encoding`
 *   and `Vary: Accept-Encoding`;
 * - hashed assets are cached for a year (immutable); index.html is revalidated every time, so a
 *   page loaded after a redeploy names the new chunks;
 * - a missing asset, or any missing path with a file extension, is a 404 — never index.html, so
 *   a page still holding the old build sees its lazy chunk fail and can say "reload";
 * - any other GET outside /api and /ws gets index.html (deep links like /case/<id>).
 * Without a build, every such request gets a 503 that says how to build it.
 */
export function clientAssets(clientDir: string | undefined): Router {
  const router = express.Router();
  const root = clientDir ? resolve(clientDir) : undefined;
  const indexFile = root ? join(root, 'index.html') : undefined;
  if (root && indexFile && existsSync(indexFile)) {
    const serveFile = expressStaticGzip(root, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: 'index.html',
      serveStatic: { cacheControl: false, setHeaders: cacheHeaders(root) },
    }) as RequestHandler;
    router.use(serveFile);
    router.get(/.*/, spaFallback(serveFile));
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

/** Sets Cache-Control from the file actually sent (its .br/.gz copy counts as the original). */
function cacheHeaders(root: string): (res: ServerResponse, path: string) => void {
  return (res, path) => {
    const served = relative(root, path)
      .split(sep)
      .join('/')
      .replace(/\.(br|gz)$/, '');
    res.setHeader('Cache-Control', HASHED_ASSET.test(served) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
  };
}

/** What no file answered: a 404 for file paths, index.html (compressed, revalidated) for app routes. */
function spaFallback(serveFile: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (isReservedPath(req.path)) return next();
    if (isFilePath(req.path)) {
      // Not cached anywhere: the file may exist after the next deploy, and a page must not keep
      // getting an old answer for it.
      res.setHeader('Cache-Control', 'no-store');
      sendError(res, 404, ApiErrorCode.NotFound, `No file ${req.path} in this version of Caseroom.`);
      return;
    }
    const requested = req.url;
    req.url = '/index.html';
    serveFile(req, res, (error?: unknown) => {
      req.url = requested;
      next(error);
    });
  };
}

/** An asset of the build, or a path whose last segment has a file extension (/favicon.ico, /x.js). */
function isFilePath(path: string): boolean {
  return path.startsWith('/assets/') || /\.[A-Za-z0-9]+$/.test(path.slice(path.lastIndexOf('/') + 1));
}

function isReservedPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/ws' || path.startsWith('/ws/');
}
