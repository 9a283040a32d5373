import { MEMBER_LINK_PARAM } from '@caseroom/shared';

/**
 * The link a party opens a case with (issue 10): `<public URL>/case/<id>#token=<token>`. The
 * token rides in the fragment, which a browser never sends to any server — not in the request
 * line, not in a Referer, not into a proxy's access log — and which the client reads and then
 * removes from the address bar. Never in the query.
 */
export function caseLink(publicUrl: string, caseId: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/case/${encodeURIComponent(caseId)}#token=${encodeURIComponent(token)}`;
}

/** A member's portfolio link (issue 15): `<public URL>/portfolio#member=<token>`, the token in the fragment too. */
export function portfolioLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/portfolio#${MEMBER_LINK_PARAM}=${encodeURIComponent(token)}`;
}
