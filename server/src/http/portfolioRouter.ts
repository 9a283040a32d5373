import { ApiErrorCode, api, EXPORT_LANGUAGES } from '@caseroom/shared';
import express, { type RequestHandler, type Response, type Router } from 'express';
import type { AccessService } from '../access/AccessService.ts';
import { caseLink, portfolioLink } from '../access/links.ts';
import { type MemberAccess, MemberDenial, type MemberGrant, toMemberListing } from '../access/MemberAccess.ts';
import { bearerTokens } from '../access/tokens.ts';
import type { ExchangeWorkers } from '../exchange/ExchangeWorkers.ts';
import type { Log } from '../log.ts';
import type { NetworkFacts } from '../network/NetworkFacts.ts';
import type { PortfolioService } from '../portfolio/PortfolioService.ts';
import { sendError } from './apiErrors.ts';
import { route } from './route.ts';

/** The longest time ahead a member link may be set to expire: ten years. */
const MAX_MEMBER_EXPIRY_MS = 10 * 365 * 24 * 60 * 60 * 1000;

/**
 * The fund's view (issue 15; docs/access.md "Members and the portfolio"), registered from shared's
 * endpoint table:
 *   POST /api/organisation/members                     organisation key → 201 { member, token, link }
 *   GET  /api/organisation/members                     organisation key → [member]
 *   POST /api/organisation/members/:memberId/revoke    organisation key → member (its case parties ended)
 *   GET  /api/portfolio                                member link → { organisation, member, cases }
 *   GET  /api/portfolio/export.xlsx[?lang=da|en]       member link → the workbook
 *   POST /api/portfolio/cases/:id/enter                member link → { caseId, token, link }
 * Administrators present the organisation key on loopback too: managing people is never keyless.
 */
export function portfolioRouter(
  access: AccessService,
  members: MemberAccess,
  portfolio: PortfolioService,
  workers: ExchangeWorkers,
  network: NetworkFacts,
  log: Log,
): Router {
  const router = express.Router();
  const admin = requireOrganisationKey(access);
  const member = requireMember(members);

  route(router, api.addMember, [admin], async ({ body, res }, reply) => {
    let expiresAt: number | undefined;
    if (body.expiresAt) {
      expiresAt = Date.parse(body.expiresAt);
      const now = access.now();
      if (!Number.isFinite(expiresAt) || expiresAt <= now || expiresAt > now + MAX_MEMBER_EXPIRY_MS) {
        sendError(
          res,
          400,
          ApiErrorCode.BadRequest,
          'expiresAt: a time in the future (ISO 8601), at most ten years ahead, or null.',
        );
        return;
      }
    }
    const issued = await members.add(organisationIdOf(res), body.name, expiresAt);
    reply.ok({
      member: toMemberListing(issued.member),
      token: issued.token,
      link: portfolioLink(network.publicUrl, issued.token),
    });
  });

  route(router, api.listMembers, [admin], async ({ res }, reply) => {
    reply.ok((await members.list(organisationIdOf(res))).map(toMemberListing));
  });

  route(router, api.revokeMember, [admin], async ({ params, res }, reply) => {
    reply.result(await members.revoke(organisationIdOf(res), params.memberId));
  });

  route(router, api.portfolio, [member], async ({ req, res }, reply) => {
    const grant = memberOf(res);
    reply.ok({
      organisation: grant.organisation,
      member: { id: grant.member.id, name: grant.member.name },
      // Issue 15: archived cases only with ?archived=1.
      cases: await portfolio.rows(grant.organisation.id, req.query.archived === '1'),
    });
  });

  route(router, api.exportPortfolio, [member], async ({ req, res }) => {
    const lang = typeof req.query.lang === 'string' ? req.query.lang : 'da';
    if (!(EXPORT_LANGUAGES as readonly string[]).includes(lang)) {
      sendError(res, 400, ApiErrorCode.BadRequest, `lang: "da" or "en", not "${lang}".`);
      return;
    }
    const grant = memberOf(res);
    const rows = await portfolio.rows(grant.organisation.id);
    let bytes: Uint8Array;
    try {
      bytes = await workers.run({
        kind: 'portfolioWorkbook',
        request: {
          organisation: grant.organisation.name,
          rows,
          lang: lang as 'da' | 'en',
          exportedAt: new Date(access.now()).toISOString(),
        },
      });
    } catch (error) {
      log('error', 'portfolio export failed', {
        organisationId: grant.organisation.id,
        error: (error as Error).message,
      });
      sendError(
        res,
        503,
        ApiErrorCode.ExportUnavailable,
        'The server could not make the file just now. Try again in a moment.',
      );
      return;
    }
    const date = new Date(access.now()).toISOString().slice(0, 10);
    res
      .status(200)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .set('Content-Disposition', `attachment; filename="portfolio-${date}${lang === 'da' ? '' : `-${lang}`}.xlsx"`)
      .set('X-Content-Type-Options', 'nosniff')
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  route(router, api.enterCase, [member], async ({ params, res }, reply) => {
    const entered = await members.enter(memberOf(res), params.id);
    if (!entered.ok) {
      reply.result(entered);
      return;
    }
    reply.ok({
      caseId: params.id,
      token: entered.value.token,
      link: caseLink(network.publicUrl, params.id, entered.value.token),
    });
  });

  return router;
}

/** Administrators: `Authorization: Bearer <organisation key>`, always — none 401, a wrong one 403. */
export function requireOrganisationKey(access: AccessService): RequestHandler {
  return async (req, res, next) => {
    const check = await access.organisations.checkCreator(bearerTokens(req.headers.authorization), true);
    if (check.ok && check.organisationId !== undefined) {
      res.locals.organisationId = check.organisationId;
      next();
      return;
    }
    if (check.ok || check.reason === 'organisationKeyMissing') {
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(
        res,
        401,
        ApiErrorCode.OrganisationKeyMissing,
        'Managing the people of an organisation needs its key: send it as "Authorization: Bearer <key>" (it starts with "crk1_").',
      );
      return;
    }
    sendError(
      res,
      403,
      ApiErrorCode.OrganisationKeyInvalid,
      'That organisation key is not valid here (it starts with "crk1_").',
    );
  };
}

/** Members: `Authorization: Bearer <member token>` — none 401, unknown or revoked 403, expired 403. */
export function requireMember(members: MemberAccess): RequestHandler {
  return async (req, res, next) => {
    const tokens = bearerTokens(req.headers.authorization);
    const checks = await Promise.all((tokens.length > 0 ? tokens : [undefined]).map((t) => members.check(t)));
    const granted = checks.find((check) => check.ok);
    if (granted) {
      res.locals.member = granted;
      next();
      return;
    }
    const denial = checks[0];
    const reason = denial && !denial.ok ? denial.reason : MemberDenial.Missing;
    if (reason === MemberDenial.Missing) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, 401, ApiErrorCode.MemberLinkMissing, 'The portfolio needs your member link; none was sent.');
    } else if (reason === MemberDenial.Expired) {
      sendError(
        res,
        403,
        ApiErrorCode.MemberLinkExpired,
        'Your member link has expired. Ask an administrator of your organisation for a new one.',
      );
    } else {
      sendError(
        res,
        403,
        ApiErrorCode.MemberLinkInvalid,
        'That member link does not work: it is unknown or was revoked.',
      );
    }
  };
}

function organisationIdOf(res: Response): string {
  return res.locals.organisationId as string;
}

function memberOf(res: Response): MemberGrant {
  return res.locals.member as MemberGrant;
}
