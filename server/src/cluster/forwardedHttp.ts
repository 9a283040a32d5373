import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express, type Request, type RequestHandler } from 'express';
import { ApiErrorCode, sendError } from '../http/apiErrors.ts';
import type { Log } from '../log.ts';
import type { ClusterNode } from './ClusterNode.ts';
import type { ForwardedRequest, ForwardedResponse } from './tunnelFrames.ts';

/**
 * HTTP requests that change a case run on its owner (issue 14: "the guard, locks … and
 * server-owned work must decide on one document"). A request that reached another process is
 * forwarded through the bus as it came — method, path, headers that matter, raw body — and
 * the owner runs it through its own HTTP app (on a loopback listener of its own), then the
 * answer goes back byte for byte. The caller's address is logged and limited where the request
 * arrived; the owner's request log shows the loopback address.
 */

/** The paths under /api/cases/:id whose handlers open the case's live document. */
const OWNER_PATHS =
  /^\/cases\/[^/]+\/(workshop|snapshots|storage|export\.|archive|restore|delete|template|personal-data)/;

/** Headers a forwarded request keeps (never cookies; the link token is in Authorization). */
const KEPT_REQUEST_HEADERS = ['authorization', 'content-type', 'accept', 'accept-language', 'host', 'origin'];

/** Headers a forwarded answer keeps. */
const KEPT_RESPONSE_HEADERS = ['content-type', 'content-disposition', 'retry-after', 'cache-control'];

/**
 * Marks a request this process injected for another process: the per-address limits were
 * counted where the request arrived. Random per process, so no browser can claim it.
 */
export const FORWARDED_HEADER = 'x-caseroom-forwarded';
const FORWARDED_SECRET = randomBytes(24).toString('base64url');

/** Whether this process injected the request on another process's behalf. */
export function isForwardedHere(req: Request): boolean {
  return req.headers[FORWARDED_HEADER] === FORWARDED_SECRET;
}

/**
 * Express middleware for `/api`: a request for a case another process owns is answered by that
 * owner. While the owner is gone (its lease not yet run out) the answer is 503 with Retry-After
 * and a sentence a person can act on. A request already forwarded is never forwarded again.
 */
export function ownerGate(cluster: ClusterNode, log: Log): RequestHandler {
  const rawBody = express.raw({ type: () => true, limit: '64kb' });
  return (req, res, next) => {
    const match = OWNER_PATHS.exec(req.path);
    if (!match || isForwardedHere(req)) {
      next();
      return;
    }
    const caseId = decodeURIComponent(req.path.split('/')[2] ?? '');
    void (async () => {
      const route = await cluster.ownership.route(caseId);
      if (!route || route.owner === 'self') {
        next();
        return;
      }
      if (!cluster.isAlive(route.ownerId)) {
        unavailable(res);
        return;
      }
      await new Promise<void>((resolve, reject) =>
        rawBody(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
      );
      const headers: Record<string, string> = {};
      for (const name of KEPT_REQUEST_HEADERS) {
        const value = req.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const answer = await cluster.forwardHttp(route.ownerId, {
        kind: 'http',
        method: req.method,
        url: req.originalUrl,
        headers,
        body: body.toString('base64'),
      });
      res.status(answer.status);
      for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
      res.end(Buffer.from(answer.body, 'base64'));
    })().catch((error: unknown) => {
      log('warn', 'request not forwarded to the case owner', { caseId, error: String(error) });
      if (!res.headersSent) unavailable(res);
    });
  };
}

function unavailable(res: express.Response): void {
  res.setHeader('Retry-After', '3');
  sendError(
    res,
    503,
    ApiErrorCode.CaseMoving,
    'The case is moving to another server. Nothing was changed. Try again in a few seconds.',
  );
}

/**
 * The owner's side: runs forwarded requests through this process's own HTTP app, served for
 * them alone on a loopback port of its own (plain HTTP, whatever the public listener speaks):
 * the same middleware and handlers as any request, the per-address limits skipped (they were
 * counted where the request arrived). `close` stops that listener.
 */
export async function serveForwarded(
  app: Express,
): Promise<{ serve: (request: ForwardedRequest) => Promise<ForwardedResponse>; close: () => Promise<void> }> {
  const internal = createServer(app);
  await new Promise<void>((resolve, reject) => {
    internal.once('error', reject);
    internal.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = internal.address() as AddressInfo;
  const serve = (request: ForwardedRequest) =>
    new Promise<ForwardedResponse>((resolve, reject) => {
      const body = Buffer.from(request.body, 'base64');
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, 'content-length': String(body.length), [FORWARDED_HEADER]: FORWARDED_SECRET },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const headers: Record<string, string> = {};
            for (const name of KEPT_RESPONSE_HEADERS) {
              const value = response.headers[name];
              if (value !== undefined) headers[name] = String(value);
            }
            resolve({ status: response.statusCode ?? 502, headers, body: Buffer.concat(chunks).toString('base64') });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  const close = () =>
    new Promise<void>((resolve) => {
      internal.close(() => resolve());
      internal.closeAllConnections();
    });
  return { serve, close };
}
