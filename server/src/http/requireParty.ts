import { canEdit, canFacilitate, type Party } from '@caseroom/shared';
import type { RequestHandler, Response } from 'express';
import { AccessDenial, type AccessService } from '../access/AccessService.ts';
import { bearerTokens } from '../access/tokens.ts';
import { ApiErrorCode, sendError } from './apiErrors.ts';

/** What a route needs from the caller's role (editor: an editor or the facilitator). */
export type Requirement = 'anyParty' | 'editor' | 'facilitator';

/**
 * Express middleware for routes under /cases/:id (docs/access.md A4, A5): resolves the
 * `Authorization: Bearer` token against the case and refuses in the contract's order —
 * unknown case 404, no token 401, unknown/revoked/other-case token 403 tokenInvalid, a role
 * that may not do this 403 forbidden. On success the party is in `res.locals.party`.
 * If several comma-separated tokens are sent, the first that opens this case counts.
 */
export function requireParty(access: AccessService, requirement: Requirement): RequestHandler {
  return (req, res, next) => {
    const caseId = String(req.params.id);
    const tokens = bearerTokens(req.headers.authorization);
    const checks = (tokens.length > 0 ? tokens : [undefined]).map((token) => access.check(caseId, token));
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
    res.locals.party = granted.party;
    next();
  };
}

/** The party requireParty resolved for this request. */
export function partyOf(res: Response): Party {
  return res.locals.party as Party;
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
  }
}
