import { useUiStore } from '../store.ts';
import { flushPendingWrites } from './pendingWrites.ts';

/**
 * A new version of Caseroom deployed while this page is open (issue 10). Each build names its
 * files after their content, so the server restarted with a new build no longer has the chunks
 * this page would load next: a lazy import fails (404, or the app's own page instead of
 * JavaScript). Rather than a blank page, the person is told "Caseroom was updated — reload".
 * The page also notices a new build on its own — when its live connection comes back after a
 * restart, or the risk worker cannot start — by comparing the scripts of the server's current
 * page with its own.
 */

/** The messages browsers give a dynamic import or preload that could not load (Chromium, Firefox, Safari, Vite). */
const CHUNK_LOAD_FAILURES = [
  'failed to fetch dynamically imported module',
  'error loading dynamically imported module',
  'importing a module script failed',
  'unable to preload css',
  'failed to load module script',
];

/** Whether an error is a chunk of the app that could not be loaded. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const lower = message.toLowerCase();
  return CHUNK_LOAD_FAILURES.some((failure) => lower.includes(failure));
}

/** Tells the page a new version is there: the update notice shows. */
export function noticeNewBuild(): void {
  useUiStore.getState().setUpdateAvailable(true);
}

/**
 * Listens for Vite's `vite:preloadError` (a lazy chunk or its styles could not be loaded). The
 * error still reaches the code that imported the chunk (the error boundary shows the same
 * message in place of what could not load).
 */
export function watchForFailedChunks(target: Window = window): () => void {
  const onPreloadError = () => noticeNewBuild();
  target.addEventListener('vite:preloadError', onPreloadError);
  return () => target.removeEventListener('vite:preloadError', onPreloadError);
}

/** The module scripts of a page, as paths (`/assets/index-<hash>.js`). */
export function moduleScripts(root: ParentNode, base: string): string[] {
  return [...root.querySelectorAll('script[type="module"][src]')]
    .map((script) => new URL(script.getAttribute('src') ?? '', base).pathname)
    .sort();
}

/** Whether the server's page loads other scripts than this page does: a new build. */
export function isNewBuild(serverPage: string[], ownPage: string[]): boolean {
  return serverPage.length > 0 && serverPage.join('\n') !== ownPage.join('\n');
}

/** Checks are cheap but not free: at most one in this many milliseconds. */
const CHECK_INTERVAL_MS = 10_000;
let lastCheck = 0;

/**
 * Asks the server for its current page and compares its scripts with this page's; a different
 * set means a new build was deployed, and the update notice shows. Any failure says nothing.
 */
export async function checkForNewBuild(now: number = Date.now()): Promise<boolean> {
  if (now - lastCheck < CHECK_INTERVAL_MS || useUiStore.getState().updateAvailable) return false;
  lastCheck = now;
  try {
    const response = await fetch('/', { cache: 'no-store', headers: { accept: 'text/html' } });
    if (!response.ok) return false;
    const html = new DOMParser().parseFromString(await response.text(), 'text/html');
    const origin = window.location.origin;
    if (!isNewBuild(moduleScripts(html, origin), moduleScripts(document, origin))) return false;
    noticeNewBuild();
    return true;
  } catch {
    return false;
  }
}

/** How long a reload waits for the offline copies to store what was typed. */
const FLUSH_TIMEOUT_MS = 3000;

/**
 * Reloads into the new version once every open case's offline copy has stored every edit so
 * far (the reloaded page reads them back and sends what the server lacks).
 */
export async function reloadIntoNewBuild(reload: () => void = () => window.location.reload()): Promise<void> {
  await Promise.race([flushPendingWrites(), new Promise((resolve) => setTimeout(resolve, FLUSH_TIMEOUT_MS))]);
  reload();
}
