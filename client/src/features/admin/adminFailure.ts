import { isApiErrorCode } from '@caseroom/shared';
import { networkFailureText } from '../../api/failureText.ts';
import type { ApiFailure } from '../../api/request.ts';
import type { Messages } from '../../i18n/messages.ts';

/**
 * What a failed administrator's call says (issue 15): the server unreachable, the key missing or
 * not accepted in the page's own words, then the texts every request shares, the server's reason
 * by its code, and the action's own fallback.
 */
export function adminFailureText(m: Messages, failure: ApiFailure, fallback: string): string {
  if (failure.reason === 'unreachable') return m.admin.unreachable;
  if (failure.code === 'organisationKeyMissing') return m.admin.key.missing;
  const network = networkFailureText(m, failure);
  if (network) return network;
  if (isApiErrorCode(failure.code)) return m.apiErrors[failure.code];
  if (failure.status === 400) return m.apiErrors.badRequest;
  return fallback;
}

/** Whether a failure means the key itself is not (or no longer) accepted: the page asks for it again. */
export function keyRefused(failure: ApiFailure): boolean {
  return failure.code === 'organisationKeyMissing' || failure.code === 'organisationKeyInvalid';
}
