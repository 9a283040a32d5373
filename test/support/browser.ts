/**
 * Browser helpers for end-to-end tests: one Debian Chromium per test file, one context per
 * person (so each has its own localStorage and IndexedDB), and an axe-core accessibility check.
 */
import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Where apt installs Chromium; playwright's own download does not work on this machine. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts the browser; close it in afterAll. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** The localStorage key and shape the client remembers its profile under (client/src/store.ts). */
const PROFILE_KEY = 'caseroom.profile';
/**
 * The localStorage flag that makes the case room expose its Y.Doc as `window.caseroomTest`
 * (client/src/features/caseRoom/caseSession.ts), so a test can play a modified client.
 */
const TEST_HOOKS_KEY = 'caseroom.testHooks';

/** One person at a computer: a fresh browser context with their name and department remembered. */
export type Person = { name: string; department: string; context: BrowserContext; page: Page };

/**
 * Opens a context for one person on a projector-sized screen, with their profile already
 * remembered (as if they had entered it on the start page once). Page errors fail loudly.
 * `testHooks` exposes the open case's document to `page.evaluate` (a forged client).
 */
export async function openPerson(
  browser: Browser,
  profile: { name: string; department: string; language?: 'da' | 'en'; testHooks?: boolean },
): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const saved = JSON.stringify({
    state: { name: profile.name, department: profile.department, language: profile.language ?? 'da' },
    version: 1,
  });
  await context.addInitScript(
    ([key, value, hooksKey, hooks]) => {
      if (!window.localStorage.getItem(key as string)) window.localStorage.setItem(key as string, value as string);
      if (hooks) window.localStorage.setItem(hooksKey as string, 'on');
    },
    [PROFILE_KEY, saved, TEST_HOOKS_KEY, profile.testHooks ?? false],
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // The app's Content-Security-Policy (issue 10) must cover all it does: a violation is an error too.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  errorsByPage.set(page, errors);
  return { ...profile, context, page };
}

const errorsByPage = new WeakMap<Page, string[]>();

/** Uncaught errors a page has thrown so far, and Content-Security-Policy violations it reported. */
export function pageErrors(page: Page): string[] {
  return errorsByPage.get(page) ?? [];
}

/** An axe-core finding, trimmed to what a failing test should print. */
export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page and returns the serious and critical findings. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const violations = await axeViolations(page, { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/**
 * Runs only the named axe-core rules, whatever their impact — for a moderate best-practice rule a
 * test holds on purpose (`landmark-unique`: no two regions share one name).
 */
export function axeRuleViolations(page: Page, rules: string[]): Promise<AxeViolation[]> {
  return axeViolations(page, { type: 'rule', values: rules });
}

async function axeViolations(page: Page, runOnly: { type: 'tag' | 'rule'; values: string[] }): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses injected script tags.
  await page.evaluate(axe.source);
  return page.evaluate(async (only) => {
    const result = await (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe.run(document, { runOnly: only });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  }, runOnly);
}
