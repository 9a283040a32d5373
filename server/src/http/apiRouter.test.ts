import type { AddressInfo } from 'node:net';
import { ALL_ENDPOINTS, API_PREFIX, api, WorkshopRequests } from '@caseroom/shared';
import express, { type Router } from 'express';
import { describe, expect, it } from 'vitest';
import type { AccessService } from '../access/AccessService.ts';
import type { MemberAccess } from '../access/MemberAccess.ts';
import type { CaseService } from '../cases/CaseService.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { ExchangeService } from '../exchange/ExchangeService.ts';
import type { ExchangeWorkers } from '../exchange/ExchangeWorkers.ts';
import type { ActivityService } from '../history/ActivityService.ts';
import type { SnapshotService } from '../history/SnapshotService.ts';
import type { LibraryService } from '../library/LibraryService.ts';
import type { CaseLifecycle } from '../lifecycle/CaseLifecycle.ts';
import type { NetworkFacts } from '../network/NetworkFacts.ts';
import type { PortfolioService } from '../portfolio/PortfolioService.ts';
import type { Stores } from '../storage/Stores.ts';
import type { WorkshopService } from '../workshop/WorkshopService.ts';
import { apiRouter } from './apiRouter.ts';
import { fundRouter, libraryRouter } from './libraryRouter.ts';
import { lifecycleRouter } from './lifecycleRouter.ts';
import { portfolioRouter } from './portfolioRouter.ts';
import { route } from './route.ts';

/** Every `METHOD /api/path` an Express router registers, nested routers included. */
function registeredRoutes(router: Router): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle: { stack?: Layer[] } };
  const walk = (stack: Layer[]): string[] =>
    stack.flatMap((layer) => {
      if (layer.route) {
        const { path, methods } = layer.route;
        return Object.keys(methods).map((method) => `${method.toUpperCase()} ${API_PREFIX}${path}`);
      }
      return layer.handle.stack ? walk(layer.handle.stack) : [];
    });
  return walk((router as unknown as { stack: Layer[] }).stack);
}

/** A guard that lets every request through (registering routes runs none). */
const noGuard: express.RequestHandler = (_req, _res, next) => next();

/** The router as the server builds it; registering routes touches none of the services. */
function realApiRouter(): Router {
  const unused = {} as never;
  return apiRouter(
    unused as CaseService,
    { now: () => 0 } as unknown as AccessService,
    { storage: unused } as unknown as WorkshopService,
    unused as SnapshotService,
    unused as ActivityService,
    unused as ExchangeService,
    { publicUrl: 'http://localhost', beyondLoopback: false } as NetworkFacts,
    fundRouter(
      portfolioRouter(
        { now: () => 0 } as unknown as AccessService,
        unused as MemberAccess,
        unused as PortfolioService,
        unused as ExchangeWorkers,
        { publicUrl: 'http://localhost', beyondLoopback: false } as NetworkFacts,
        () => undefined,
      ),
      lifecycleRouter(
        { now: () => 0 } as unknown as AccessService,
        unused as CaseLifecycle,
        unused as Stores,
        unused as DocumentRegistry,
        { publicUrl: 'http://localhost', beyondLoopback: false } as NetworkFacts,
      ),
      libraryRouter(unused as LibraryService, noGuard, noGuard),
    ),
  );
}

describe('the endpoint table (issue 11)', () => {
  it('lists exactly the routes the /api routers register', () => {
    const registered = registeredRoutes(realApiRouter()).sort();
    const table = ALL_ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`).sort();
    expect(registered).toEqual(table);
    expect(new Set(table).size).toBe(table.length);
  });

  it('every path is under /api and names each param once', () => {
    for (const endpoint of ALL_ENDPOINTS) {
      expect(endpoint.path.startsWith(`${API_PREFIX}/`), endpoint.path).toBe(true);
      const names = [...endpoint.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]);
      expect(new Set(names).size, endpoint.path).toBe(names.length);
    }
  });
});

describe('route: a body checked by its endpoint, an answer typed by it', () => {
  async function serve(router: Router) {
    const app = express();
    app.use(express.json());
    app.use(API_PREFIX, router);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('a body with a field of the wrong type is 400 badRequest naming the field; a good one reaches the handler', async () => {
    const router = express.Router();
    const seen: unknown[] = [];
    route(router, api.setLock, [], ({ body, params }, reply) => {
      seen.push({ body, id: params.id });
      reply.ok({ locks: {} });
    });
    const { url, close } = await serve(router);
    try {
      const post = (body: unknown) =>
        fetch(`${url}/api/cases/c1/workshop/locks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const wrong = await post({ section: 'problem', locked: 'yes' });
      expect(wrong.status).toBe(400);
      const error = ((await wrong.json()) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('badRequest');
      expect(error.message).toMatch(/^locked: /);
      expect(seen).toEqual([]);
      const right = await post({ section: 'problem', locked: true });
      expect(right.status).toBe(200);
      expect(await right.json()).toEqual({ locks: {} });
      expect(seen).toEqual([{ body: WorkshopRequests.lock.parse({ section: 'problem', locked: true }), id: 'c1' }]);
    } finally {
      await close();
    }
  });

  it('answers with the endpoint’s own status (201 for a creation)', async () => {
    const router = express.Router();
    route(router, api.createSnapshot, [], (_call, reply) => {
      reply.ok({ id: 's1', name: 'x', kind: 'manual', createdAt: '2026-01-01T00:00:00Z', createdByPartyId: 'p' });
    });
    const { url, close } = await serve(router);
    try {
      const created = await fetch(`${url}/api/cases/c1/snapshots`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x' }),
      });
      expect(created.status).toBe(201);
    } finally {
      await close();
    }
  });

  it('a handler cannot answer with another shape (checked by the type checker)', () => {
    const router = express.Router();
    route(router, api.me, [], (_call, reply) => {
      // @ts-expect-error — `me` answers { party }, not a bare party id.
      reply.ok({ partyId: 'p1' });
    });
    route(router, api.readStorage, [], (_call, reply) => {
      // @ts-expect-error — a storage answer's sizes are numbers.
      reply.result({ ok: true, value: { usedBytes: '1', quotaBytes: 2 } });
    });
    expect(registeredRoutes(router)).toEqual(['GET /api/cases/:id/me', 'GET /api/cases/:id/storage']);
  });
});
