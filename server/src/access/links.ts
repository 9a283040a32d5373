/**
 * The link a party opens a case with (issue 10): `<public URL>/case/<id>#token=<token>`. The
 * token rides in the fragment, which a browser never sends to any server — not in the request
 * line, not in a Referer, not into a proxy's access log — and which the client reads and then
 * removes from the address bar. Never in the query.
 */
export function caseLink(publicUrl: string, caseId: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/case/${encodeURIComponent(caseId)}#token=${encodeURIComponent(token)}`;
}
