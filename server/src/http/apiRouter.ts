import express, { type Request, type Router } from 'express';
import type { CaseService, CaseTemplate } from '../cases/CaseService.ts';
import { ApiErrorCode, sendError } from './apiErrors.ts';

/**
 * The JSON API under /api:
 *   POST /api/cases            body empty, {} or {"example": true} → 201 { id }
 *   GET  /api/cases            → [{ id, title, municipality, phase, updatedAt, online }]
 *   GET  /api/cases/:id/model  → the case model (CaseModelDraft), 404 if unknown
 */
export function apiRouter(cases: CaseService): Router {
  const router = express.Router();
  router.use(express.json({ limit: '16kb', strict: false }));

  router.post('/cases', (req, res) => {
    if (hasBody(req) && !req.is('application/json')) {
      sendError(res, 400, ApiErrorCode.BadRequest, 'Send the body as application/json.');
      return;
    }
    const template = parseCreateBody(req.body);
    if (!template) {
      sendError(res, 400, ApiErrorCode.BadRequest, 'The body must be empty, {} or {"example": true}.');
      return;
    }
    res.status(201).json({ id: cases.createCase(template) });
  });

  router.get('/cases', (_req, res) => {
    res.json(cases.listCases());
  });

  router.get('/cases/:id/model', (req, res) => {
    const model = cases.readModel(req.params.id);
    if (!model) {
      sendError(res, 404, ApiErrorCode.CaseNotFound, `No case with id ${req.params.id}.`);
      return;
    }
    res.json(model);
  });

  router.use((req, res) => {
    sendError(res, 404, ApiErrorCode.NotFound, `No API endpoint ${req.method} ${req.baseUrl}${req.path}.`);
  });
  return router;
}

/** Whether the request carries a body (a length above zero, or a chunked one). */
function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The template a create request asks for, or undefined if the body is not one we accept. */
function parseCreateBody(body: unknown): CaseTemplate | undefined {
  if (body === undefined) return 'empty';
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const keys = Object.keys(body);
  if (keys.length === 0) return 'empty';
  if (keys.length !== 1 || !('example' in body) || typeof body.example !== 'boolean') return undefined;
  return body.example ? 'example' : 'empty';
}
