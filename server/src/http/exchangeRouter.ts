import express, { type ErrorRequestHandler, type Router } from 'express';
import type { AccessService } from '../access/AccessService.ts';
import { type ExchangeService, MAX_IMPORT_BYTES } from '../exchange/ExchangeService.ts';
import { sendError } from './apiErrors.ts';
import { requireParty } from './requireParty.ts';

/**
 * JSON export and import (docs/exchange.md). Mounted before the API's 16 KiB JSON parser:
 * the import reads its own raw body (up to MAX_IMPORT_BYTES) as text.
 *   GET  /api/cases/:id/export.json[?snapshot=<sid>]  any party → the canonical export, as a download
 *   POST /api/cases/import                            raw JSON body → 201 { id, token } (the caller is its facilitator)
 */
export function exchangeRouter(access: AccessService, exchange: ExchangeService): Router {
  const router = express.Router();

  router.get('/cases/:id/export.json', requireParty(access, 'anyParty'), async (req, res) => {
    const snapshot = typeof req.query.snapshot === 'string' ? req.query.snapshot : undefined;
    const result = await exchange.exportCase(req.params.id as string, snapshot);
    if (!result.ok) {
      sendError(res, result.status, result.code, result.message, result.details);
      return;
    }
    res
      .status(200)
      .type('application/json; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${result.value.filename}"`)
      .set('X-Content-Type-Options', 'nosniff')
      .send(result.value.json);
  });

  router.post(
    '/cases/import',
    express.text({ type: () => true, limit: MAX_IMPORT_BYTES, defaultCharset: 'utf-8' }),
    (req, res) => {
      const text = typeof req.body === 'string' ? req.body : '';
      const result = exchange.importCase(text);
      if (!result.ok) {
        sendError(res, result.status, result.code, result.message, result.details);
        return;
      }
      res.status(201).json(result.value);
    },
  );
  router.use(tooLarge);

  return router;
}

const MB = MAX_IMPORT_BYTES / (1024 * 1024);

/** A body over the limit, refused by the parser before anything was read into memory. */
const tooLarge: ErrorRequestHandler = (error, _req, res, next) => {
  if (error?.type !== 'entity.too.large') {
    next(error);
    return;
  }
  sendError(res, 413, 'importTooLarge', `The file is too large (at most ${MB} MB).`, {
    errors: [
      {
        path: [],
        message: { da: `Filen er for stor (højst ${MB} MB).`, en: `The file is too large (at most ${MB} MB).` },
      },
    ],
  });
};
