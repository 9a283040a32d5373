import { ApiErrorCode } from '@caseroom/shared';
import { networkFailureText } from '../../api/failureText.ts';
import type { ApiFailure } from '../../api/request.ts';
import type { Messages } from '../../i18n/messages.ts';

/**
 * What to tell the facilitator when a parties request fails (docs/access.md A5, A9): the
 * dialog's own words where it can say more, else the words for the server's code
 * (`m.apiErrors`, keyed by shared's ApiErrorCode), else by status.
 */
export function apiErrorText(m: Messages, failure: ApiFailure): string {
  const errors = m.invite.errors;
  if (failure.reason === 'unreachable') return errors.unreachable;
  const network = networkFailureText(m, failure);
  if (network) return network;
  if (failure.status === 400) return m.apiErrors.badRequest;
  if (failure.code === ApiErrorCode.LastFacilitator) return m.apiErrors.lastFacilitator;
  // 409 accessEnded names the party acted on; a 403 one (the caller's own link) is a network text above.
  if (failure.status === 409 && failure.code === ApiErrorCode.AccessEnded) return errors.partyEnded;
  if (
    failure.code === ApiErrorCode.TokenInvalid ||
    failure.code === ApiErrorCode.TokenMissing ||
    failure.status === 401
  ) {
    return m.apiErrors.tokenInvalid;
  }
  if (failure.status === 403) return errors.forbidden;
  if (failure.status === 404) return errors.notFound;
  return failure.code !== undefined ? m.apiErrors[failure.code] : errors.failed;
}
