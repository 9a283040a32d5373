import type { Messages } from '../i18n/messages.ts';
import { type ApiFailure, linkEndedCode } from './request.ts';

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
