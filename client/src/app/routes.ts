import { useMemo, useSyncExternalStore } from 'react';

/** The screens: the start page, one case room, the fund's portfolio and its unit-value library (issue 15). */
export type Route =
  | { name: 'start' }
  | { name: 'case'; caseId: string }
  | { name: 'portfolio' }
  | { name: 'library' }
  | { name: 'admin' };

/** The path of the fund's portfolio. */
export const PORTFOLIO_PATH = '/portfolio';

/** The path of the organisation's unit-value library, curated by its members (issue 15). */
export const LIBRARY_PATH = '/library';

/** The path of the administrator's page (issue 15): members, retention, personal data, with the organisation key. */
export const ADMIN_PATH = '/admin';

/** Reads a route from a pathname (`/case/<id>`, `/portfolio`, `/library`; anything else is the start page). */
export function parseRoute(pathname: string): Route {
  if (/^\/portfolio\/?$/.test(pathname)) return { name: 'portfolio' };
  if (/^\/library\/?$/.test(pathname)) return { name: 'library' };
  if (/^\/admin\/?$/.test(pathname)) return { name: 'admin' };
  const match = /^\/case\/([^/]+)\/?$/.exec(pathname);
  const id = match?.[1];
  return id ? { name: 'case', caseId: decodeURIComponent(id) } : { name: 'start' };
}

/** The path of a case room. */
export function casePath(caseId: string): string {
  return `/case/${encodeURIComponent(caseId)}`;
}

/** Goes to a path within the app without reloading the page. */
export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

/** The current route, updated on navigation and on the browser's back/forward. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return useMemo(() => parseRoute(pathname), [pathname]);
}
