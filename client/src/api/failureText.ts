import { ApiErrorCode, isApiErrorCode } from '@caseroom/shared';
import type { Messages } from '../i18n/messages.ts';
import { type ApiFailure, type ApiResult, linkEndedCode } from './request.ts';

/**
 * The one place a failed request becomes words (docs/access.md, docs/workshop.md, issue 10).
 * `failureText` is what the room's dialogs say; `networkFailureText` the part every request
 * shares, which the start page and the exchange dialogs use beside their own words.
 */

/**
 * What to say about the failures any request can meet on a networked server (issue 10), or
 * undefined for the rest (each feature explains its own): a link that expired or was ended,
 * a missing or wrong organisation key, and too many requests from one address — with when to
 * try again, when the server said.
 */
export function networkFailureText(m: Messages, failure: ApiFailure): string | undefined {
  const errors = m.network.errors;
  const ended = linkEndedCode(failure);
  if (ended) return errors[ended];
  switch (failure.code) {
    case 'organisationKeyMissing':
      return errors.organisationKeyMissing;
    case 'organisationKeyInvalid':
      return errors.organisationKeyInvalid;
    case 'tooManyRequests':
      return errors.tooManyRequests(failure.retryAfterSeconds);
  }
  // A per-address limit answered by the limiter itself, without our error body.
  if (failure.status === 429 && failure.code === undefined) return errors.tooManyRequests(failure.retryAfterSeconds);
  return undefined;
}

/** Where a request was made: the parties dialog says more than the codes in a few cases. */
export type FailurePlace = 'workshop' | 'parties';

/** A place's own words: where the server is unreachable, where nothing better is known, and its overrides. */
type PlaceWords = { unreachable: string; failed: string; forbidden?: string; notFound?: string; partyEnded?: string };

function wordsOf(m: Messages, place: FailurePlace): PlaceWords {
  if (place === 'workshop') return { unreachable: m.workshop.failed, failed: m.workshop.failed };
  const { unreachable, failed, forbidden, notFound, partyEnded } = m.invite.errors;
  return { unreachable, failed, forbidden, notFound, partyEnded };
}

/**
 * What a failed request says to the person: the network texts first (ended links, keys, too many
 * requests), then the place's own words where they say more (the parties dialog: "only the
 * facilitator can invite", "the party's access has ended"), the storage notice's wording when the
 * store cannot write, the server's reason by its code (`m.apiErrors`, keyed by ApiErrorCode), and
 * the place's generic text when the server was unreachable or gave no known code.
 */
export function failureText(m: Messages, failure: ApiFailure | undefined, place: FailurePlace = 'workshop'): string {
  const words = wordsOf(m, place);
  if (!failure) return words.failed;
  if (failure.reason === 'unreachable') return words.unreachable;
  const network = networkFailureText(m, failure);
  if (network) return network;
  const { code, status } = failure;
  if (code === ApiErrorCode.StorageUnavailable && place === 'workshop') return m.workshop.storage.unavailable;
  // 409 accessEnded names the party acted on; a 403 one (the caller's own link) is a network text above.
  if (status === 409 && code === ApiErrorCode.AccessEnded && words.partyEnded) return words.partyEnded;
  // A link that is missing or not accepted: in a room, the link the person holds no longer works.
  if (code === ApiErrorCode.TokenInvalid || code === ApiErrorCode.TokenMissing || (status === 401 && !code)) {
    return m.apiErrors.tokenInvalid;
  }
  if (status === 403 && words.forbidden) return words.forbidden;
  if (status === 404 && words.notFound) return words.notFound;
  // A newer server may send a code this version has no words for.
  if (isApiErrorCode(code)) return m.apiErrors[code];
  if (status === 400) return m.apiErrors.badRequest;
  return words.failed;
}

/** The failure of a result, or undefined when it succeeded: what a component keeps to explain it. */
export function failureOf(result: ApiResult<unknown>): ApiFailure | undefined {
  return result.ok ? undefined : result;
}

/** A failure for an answer that came back but could not be read: it has no reason to tell. */
export const UNREADABLE_ANSWER: ApiFailure = { reason: 'server' };
