import { canEdit, canFacilitate, type Party } from '@caseroom/shared';
import type { RequestHandler, Response } from 'express';
import { AccessDenial, type AccessService } from '../access/AccessService.ts';
import { OrganisationDenial } from '../access/OrganisationAccess.ts';
import { bearerTokens } from '../access/tokens.ts';
import type { NetworkFacts } from '../network/NetworkFacts.ts';
import { ApiErrorCode, sendError } from './apiErrors.ts';

/** What a route needs from the caller's role (editor: an editor or the facilitator). */
export type Requirement = 'anyParty' | 'editor' | 'facilitator';

/**
 * Who is calling (docs/access.md): a party of a case, presenting its link's token, or — to
 * create or import a case — a person of an organisation, presenting its key.
 *
 * Express middleware for routes under /cases/:id (docs/access.md A4, A5): resolves the
 * `Authorization: Bearer` token against the case and refuses in the contract's order —
 * unknown case 404, no token 401, unknown/revoked/other-case token 403 tokenInvalid, an ended
 * or expired link 403 accessEnded / linkExpired (A13), a role that may not do this 403
 * forbidden; then a change (any method but GET) to an archived case 409 caseArchived (issue 15).
 * On success the party is in `res.locals.party`.
 * If several comma-separated tokens are sent, the first that opens this case counts.
 */
export function requireParty(
  access: AccessService,
  requirement: Requirement,
  /** Issue 15: the lifecycle's own routes (restore, delete, copy) work on an archived case too. */
  { evenArchived = false }: { evenArchived?: boolean } = {},
): RequestHandler {
  return async (req, res, next) => {
    const caseId = String(req.params.id);
    const tokens = bearerTokens(req.headers.authorization);
    const checks = await Promise.all(
      (tokens.length > 0 ? tokens : [undefined]).map((token) => access.check(caseId, token)),
    );
    const granted = checks.find((check) => check.ok);
    if (!granted) {
      const denial = checks[0];
      const reason = denial && !denial.ok ? denial.reason : AccessDenial.TokenMissing;
      refuse(res, caseId, reason);
      return;
    }
    if (requirement === 'facilitator' && !canFacilitate(granted.party.role)) {
      sendError(res, 403, ApiErrorCode.Forbidden, 'Only the facilitator may do this.');
      return;
    }
    if (requirement === 'editor' && !canEdit(granted.party.role)) {
      sendError(res, 403, ApiErrorCode.Forbidden, 'Observers may not do this.');
      return;
    }
    if (granted.archived && !evenArchived && !READ_METHODS.has(req.method)) {
      // Issue 15: an archived case is read-only — reads and exports work, every change is refused.
      sendError(
        res,
        409,
        ApiErrorCode.CaseArchived,
        'The case is archived: it can be read and exported, not changed. Restore it first.',
      );
      return;
    }
    res.locals.party = granted.party;
    next();
  };
}

/** Requests that change nothing: allowed on an archived case. */
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The party requireParty resolved for this request. */
export function partyOf(res: Response): Party {
  return res.locals.party as Party;
}

/**
 * Express middleware for creating and importing cases (docs/access.md "Organisations"): when
 * the server listens beyond loopback, `Authorization: Bearer <organisation key>` is needed —
 * none 401 `organisationKeyMissing`, a wrong one 403 `organisationKeyInvalid`. On loopback a key
 * is optional. The organisation (or undefined: the first one) is in `res.locals.organisationId`.
 */
export function requireOrganisation(access: AccessService, network: NetworkFacts): RequestHandler {
  return async (req, res, next) => {
    const check = await access.organisations.checkCreator(
      bearerTokens(req.headers.authorization),
      network.beyondLoopback,
    );
    if (check.ok) {
      res.locals.organisationId = check.organisationId;
      next();
      return;
    }
    if (check.reason === OrganisationDenial.KeyMissing) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(
        res,
        401,
        ApiErrorCode.OrganisationKeyMissing,
        'Creating a case on this server needs your organisation’s key. Ask the person who runs Caseroom for the organisation key, and send it as "Authorization: Bearer <key>".',
      );
      return;
    }
    sendError(
      res,
      403,
      ApiErrorCode.OrganisationKeyInvalid,
      'That organisation key is not valid here. Ask the person who runs Caseroom for the organisation key (it starts with "crk1_").',
    );
  };
}

/** The organisation requireOrganisation resolved (undefined: the first organisation). */
export function organisationOf(res: Response): string | undefined {
  return res.locals.organisationId as string | undefined;
}

function refuse(res: Response, caseId: string, reason: AccessDenial): void {
  switch (reason) {
    case AccessDenial.CaseNotFound:
      sendError(res, 404, ApiErrorCode.CaseNotFound, `No case with id ${caseId}.`);
      return;
    case AccessDenial.TokenMissing:
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, 401, ApiErrorCode.TokenMissing, 'This needs the link to the case (a token); none was sent.');
      return;
    case AccessDenial.TokenInvalid:
    case AccessDenial.TokenRevoked:
      sendError(
        res,
        403,
        ApiErrorCode.TokenInvalid,
        'The link does not open this case: it is unknown, belongs to another case, or was replaced.',
      );
      return;
    case AccessDenial.AccessEnded:
      sendError(
        res,
        403,
        ApiErrorCode.AccessEnded,
        'The facilitator ended this link’s access to the case. Ask the facilitator if you need it again.',
      );
      return;
    case AccessDenial.LinkExpired:
      sendError(
        res,
        403,
        ApiErrorCode.LinkExpired,
        'This link has expired. Ask the facilitator to extend it or to send you a new one; changes made in this browser are kept.',
      );
      return;
  }
}
