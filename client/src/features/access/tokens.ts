import { Party } from '@caseroom/shared';
import { parseRoute } from '../../app/routes.ts';

/**
 * The links this browser holds (docs/access.md A12): one token per case in localStorage, plus
 * the party each token was last seen to name, so a case opened offline still knows its role.
 * UI-only state on this device; never part of the Y.Doc.
 */

/** localStorage key of the caseId → token map. */
export const TOKENS_KEY = 'caseroom.tokens';
/** localStorage key of the caseId → party map (the last `GET /api/cases/:id/me`). */
export const PARTIES_KEY = 'caseroom.parties';

function readMap(key: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function writeMap(key: string, map: Record<string, unknown>): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(map));
  } catch {
    // Storage full or blocked: the link still works for this page; it is just not remembered.
  }
}

/** The token this browser holds for a case, if any. */
export function readToken(caseId: string): string | undefined {
  const token = readMap(TOKENS_KEY)[caseId];
  return typeof token === 'string' && token !== '' ? token : undefined;
}

/** Every token this browser holds (to list the cases they open). */
export function allTokens(): string[] {
  return Object.values(readMap(TOKENS_KEY)).filter((token): token is string => typeof token === 'string' && !!token);
}

/** The window event sent when a token is stored (an open case room switches to it). */
export const TOKEN_STORED_EVENT = 'caseroom:token-stored';

/** Remembers a case's token; a new link for a case replaces the old one. */
export function storeToken(caseId: string, token: string): void {
  const map = readMap(TOKENS_KEY);
  if (map[caseId] === token) return;
  map[caseId] = token;
  writeMap(TOKENS_KEY, map);
  forgetParty(caseId);
  window.dispatchEvent(new CustomEvent(TOKEN_STORED_EVENT, { detail: { caseId } }));
}

/**
 * Forgets a case's token once the server has refused it for good — but only if it is still
 * the refused one (a new link may have been stored meanwhile).
 */
export function forgetToken(caseId: string, token: string): void {
  const map = readMap(TOKENS_KEY);
  if (map[caseId] !== token) return;
  delete map[caseId];
  writeMap(TOKENS_KEY, map);
  forgetParty(caseId);
}

/** The party a case's token was last seen to name. */
export function rememberedParty(caseId: string): Party | undefined {
  const parsed = Party.safeParse(readMap(PARTIES_KEY)[caseId]);
  return parsed.success ? parsed.data : undefined;
}

/** Remembers who this browser is in a case. */
export function rememberParty(caseId: string, party: Party): void {
  const map = readMap(PARTIES_KEY);
  map[caseId] = party;
  writeMap(PARTIES_KEY, map);
}

function forgetParty(caseId: string): void {
  const map = readMap(PARTIES_KEY);
  if (!(caseId in map)) return;
  delete map[caseId];
  writeMap(PARTIES_KEY, map);
}

/**
 * Takes the token out of a link (`/case/<id>#token=…`, and the `?token=…` of older links):
 * stores it for that case and removes it from the address bar before anything renders, so it
 * is not left in the history, a screenshot, a bookmark or — for the query — a Referer header.
 * The fragment never reaches the server; the query of an older link did once, on this load.
 */
export function adoptLinkToken(location: Location = window.location, history: History = window.history): void {
  const url = new URL(location.href);
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const token = fragment.get('token') ?? url.searchParams.get('token');
  if (token === null) return;
  const route = parseRoute(location.pathname);
  if (route.name === 'case' && token !== '') storeToken(route.caseId, token);
  url.searchParams.delete('token');
  fragment.delete('token');
  const hash = fragment.toString();
  history.replaceState(history.state, '', `${url.pathname}${url.search}${hash ? `#${hash}` : ''}`);
}

/**
 * The link that opens a case as a party: `<origin>/case/<id>#token=<token>`. The token rides in
 * the fragment, which browsers never send to a server (issue 10). Links the server returns
 * (built from its public address) are preferred; this is the fallback for a server that sent none.
 */
export function caseLink(caseId: string, token: string, origin: string = window.location.origin): string {
  return `${origin}/case/${encodeURIComponent(caseId)}#token=${encodeURIComponent(token)}`;
}
