import { ApiErrorCode, api, EXPORT_FORMATS, EXPORT_LANGUAGES } from '@caseroom/shared';
import express, { type ErrorRequestHandler, type Router } from 'express';
import type { AccessService } from '../access/AccessService.ts';
import { caseLink } from '../access/links.ts';
import { type ExchangeService, MAX_IMPORT_BYTES } from '../exchange/ExchangeService.ts';
import type { NetworkFacts } from '../network/NetworkFacts.ts';
import { sendError } from './apiErrors.ts';
import { organisationOf, partyOf, requireOrganisation, requireParty } from './requireParty.ts';
import { route } from './route.ts';

/**
 * Export and import (docs/exchange.md), registered from shared's endpoint table. Mounted before the API's 16 KiB JSON parser: the import
 * reads its own raw body (up to MAX_IMPORT_BYTES) as text.
 *   GET  /api/cases/:id/export.(json|xlsx|pdf)[?version=<sid>|current][&lang=da|en]
 *                                                     any party → the file, as a download
 *                                                     (429 tooManyExports: the party already has 2 being made)
 *   POST /api/cases/import                            raw JSON body → 201 { id, token, link } (the caller is its facilitator;
 *                                                     beyond loopback: Bearer <organisation key>, else 401/403)
 */
export function exchangeRouter(access: AccessService, exchange: ExchangeService, network: NetworkFacts): Router {
  const router = express.Router();

  route(router, api.exportCase, [requireParty(access, 'anyParty')], async ({ params, req, res }) => {
    const format = params.format;
    if (!isOneOf(EXPORT_FORMATS, format)) {
      sendError(res, 404, ApiErrorCode.UnknownFormat, `No export format "${format}" (${EXPORT_FORMATS.join(', ')}).`);
      return;
    }
    const lang = typeof req.query.lang === 'string' ? req.query.lang : 'da';
    if (!isOneOf(EXPORT_LANGUAGES, lang)) {
      sendError(res, 400, ApiErrorCode.BadRequest, `lang: "da" or "en", not "${lang}".`);
      return;
    }
    // `snapshot` is the older name of `version`.
    const version = [req.query.version, req.query.snapshot].find((value) => typeof value === 'string') as
      | string
      | undefined;
    const result = await exchange.exportCase(params.id, partyOf(res).id, { version, format, lang });
    if (!result.ok) {
      sendError(res, result.status, result.code, result.message, result.details);
      return;
    }
    const rendered = result.value;
    res
      .status(200)
      .type(rendered.contentType)
      .set('Content-Disposition', `attachment; filename="${rendered.filename}"`)
      .set('X-Content-Type-Options', 'nosniff')
      .set('X-Caseroom-Version', rendered.source)
      .set('X-Caseroom-Content-Hash', rendered.contentHash)
      .set('X-Caseroom-Agreed', String(rendered.agreed))
      .send(Buffer.from(rendered.bytes.buffer, rendered.bytes.byteOffset, rendered.bytes.byteLength));
  });

  route(
    router,
    api.importCase,
    [
      // The key first: without one, a file of up to 50 MiB is not even read (issue 10).
      requireOrganisation(access, network),
      express.text({ type: () => true, limit: MAX_IMPORT_BYTES, defaultCharset: 'utf-8' }),
    ],
    async ({ req, res }, reply) => {
      const text = typeof req.body === 'string' ? req.body : '';
      const result = await exchange.importCase(text, organisationOf(res));
      if (!result.ok) {
        sendError(res, result.status, result.code, result.message, result.details);
        return;
      }
      const { id, token } = result.value;
      reply.ok({ id, token, link: caseLink(network.publicUrl, id, token) });
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
  sendError(res, 413, ApiErrorCode.ImportTooLarge, `The file is too large (at most ${MB} MB).`, {
    errors: [
      {
        path: [],
        message: { da: `Filen er for stor (højst ${MB} MB).`, en: `The file is too large (at most ${MB} MB).` },
      },
    ],
  });
};

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
