import { networkFailureText } from '../../api/failureText.ts';
import type { ApiFailure } from '../../api/request.ts';
import type { Messages } from '../../i18n/messages.ts';

/** What to tell the facilitator when a parties request fails (docs/access.md A5, A9). */
export function apiErrorText(m: Messages, failure: ApiFailure): string {
  const errors = m.invite.errors;
  if (failure.reason === 'unreachable') return errors.unreachable;
  const network = networkFailureText(m, failure);
  if (network) return network;
  if (failure.status === 400) return errors.badRequest;
  if (failure.code === 'lastFacilitator') return errors.lastFacilitator;
  if (failure.status === 409 && failure.code === 'accessEnded') return errors.partyEnded;
  if (failure.code === 'tokenInvalid' || failure.code === 'tokenMissing' || failure.status === 401) {
    return errors.tokenInvalid;
  }
  if (failure.status === 403) return errors.forbidden;
  if (failure.status === 404) return errors.notFound;
  return errors.failed;
}
