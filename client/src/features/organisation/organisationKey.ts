import type { ApiFailure } from '../../api/request.ts';

/**
 * The organisation key (issue 10): a server reachable from the network creates and imports
 * cases only for someone who presents their organisation's key (`Authorization: Bearer <key>`).
 * It is asked for when the server says so and remembered for this tab's session only
 * (sessionStorage), never beside the case links in localStorage.
 */

/** sessionStorage key of the organisation key. */
export const ORGANISATION_KEY_KEY = 'caseroom.organisationKey';

/** The key this tab was given, if any. */
export function readOrganisationKey(): string | undefined {
  try {
    return window.sessionStorage.getItem(ORGANISATION_KEY_KEY) || undefined;
  } catch {
    return undefined;
  }
}

/** Remembers the key for this tab's session. */
export function storeOrganisationKey(key: string): void {
  try {
    window.sessionStorage.setItem(ORGANISATION_KEY_KEY, key);
  } catch {
    // Storage blocked: the key is asked for again next time.
  }
}

/** Forgets a key the server did not accept. */
export function forgetOrganisationKey(): void {
  try {
    window.sessionStorage.removeItem(ORGANISATION_KEY_KEY);
  } catch {
    // Nothing was stored.
  }
}

/** Whether a failure asks for the key: none was given (401) or it was not accepted (403). */
export function organisationKeyProblem(failure: ApiFailure): 'missing' | 'invalid' | undefined {
  if (failure.code === 'organisationKeyMissing') return 'missing';
  if (failure.code === 'organisationKeyInvalid') return 'invalid';
  return undefined;
}
