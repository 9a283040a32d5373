import { networkFailureText } from '../../api/failureText.ts';
import type { ApiFailure } from '../../api/request.ts';
import type { Messages } from '../../i18n/messages.ts';

/** Codes after which a member link will not work again: the browser forgets it (portfolio and library alike). */
export const MEMBER_LINK_GONE: ReadonlySet<string> = new Set(['memberLinkInvalid', 'memberLinkExpired']);

/** Whether a failure says the member link is gone for good. */
export function memberLinkGone(failure: ApiFailure): boolean {
  return failure.code !== undefined && MEMBER_LINK_GONE.has(failure.code);
}

/** What to say about a failed request of a member's page: unreachable, the shared network words, the code's own, or the page's fallback. */
export function memberFailureText(
  m: Messages,
  failure: ApiFailure,
  words: { unreachable: string; fallback: string },
): string {
  if (failure.reason === 'unreachable') return words.unreachable;
  return networkFailureText(m, failure) ?? (failure.code ? m.apiErrors[failure.code] : words.fallback);
}
