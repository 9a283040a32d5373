import { MEMBER_LINK_PARAM } from '@caseroom/shared';

/**
 * The member link this browser holds (issue 15): one token per browser, for the organisation's
 * portfolio — taken from `/portfolio#member=<token>` and out of the address bar before anything
 * renders, like a case link's token (A12). Kept in localStorage; forgotten when the server says
 * it is revoked or expired.
 */
export const MEMBER_TOKEN_KEY = 'caseroom.memberToken';

/** The member token this browser holds, if any. */
export function readMemberToken(): string | undefined {
  try {
    const token = window.localStorage.getItem(MEMBER_TOKEN_KEY);
    return token ? token : undefined;
  } catch {
    return undefined;
  }
}

/** The window event sent when a member link is stored: an open portfolio page switches to it. */
export const MEMBER_TOKEN_STORED_EVENT = 'caseroom:member-token-stored';

/** Remembers the member token (a new link replaces the old one) and tells an open portfolio page. */
export function storeMemberToken(token: string): void {
  try {
    window.localStorage.setItem(MEMBER_TOKEN_KEY, token);
  } catch {
    // Storage blocked: the link works for this page only.
  }
  window.dispatchEvent(new CustomEvent(MEMBER_TOKEN_STORED_EVENT, { detail: { token } }));
}

/** Forgets the member token once the server refused it for good — only if it is still the refused one. */
export function forgetMemberToken(token: string): void {
  try {
    if (window.localStorage.getItem(MEMBER_TOKEN_KEY) === token) window.localStorage.removeItem(MEMBER_TOKEN_KEY);
  } catch {
    // Nothing stored to forget.
  }
}

/** Takes `#member=<token>` out of the address bar and stores it. */
export function adoptMemberLink(location: Location = window.location, history: History = window.history): void {
  const url = new URL(location.href);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const token = fragment.get(MEMBER_LINK_PARAM);
  if (token === null) return;
  if (token !== '') storeMemberToken(token);
  fragment.delete(MEMBER_LINK_PARAM);
  const hash = fragment.toString();
  history.replaceState(history.state, '', `${url.pathname}${url.search}${hash ? `#${hash}` : ''}`);
}
