/**
 * Steps through the case room the way a person does, by role and label (the same names a
 * screen reader hears), shared by the browser tests.
 */
import type { Locator, Page } from 'playwright-core';

/** A case and the token of one party's link to it (test/support/server.ts `createCase`, the invite dialog). */
export type CaseLink = { id: string; token: string };

/**
 * The address of a party's link: `/case/<id>#token=<token>` (issue 10: the token rides in the
 * fragment, which the browser never sends to the server; docs/access.md A12).
 */
export function linkUrl(baseUrl: string, link: CaseLink): string {
  return `${baseUrl}/case/${encodeURIComponent(link.id)}#token=${encodeURIComponent(link.token)}`;
}

/** A link as the invite dialog or the server shows it, split into case id and token (`#token=`, or an older link's `?token=`). */
export function readLink(href: string): CaseLink {
  const url = new URL(href);
  const id = decodeURIComponent(url.pathname.replace(/^\/case\//, ''));
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? url.searchParams.get('token');
  if (!token) throw new Error(`no token in ${href}`);
  return { id, token };
}

/**
 * Opens a case through a party's link and waits until it is shown, connected, and knows the
 * person's role (the room is read-only until it does).
 */
export async function openCase(page: Page, baseUrl: string, link: CaseLink): Promise<void> {
  await page.goto(linkUrl(baseUrl, link));
  await page.locator('#section-heading').waitFor({ timeout: 15_000 });
  await page.locator('.connection[data-state="connected"]').waitFor({ timeout: 15_000 });
  await page.locator('.room[data-role]').waitFor({ timeout: 15_000 });
}

/** Opens a section from the left navigation ("Problem", "Resultatmål", …). */
export async function openSection(page: Page, title: string): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: new RegExp(`^${title}`) })
    .click();
  await page.locator('#section-heading', { hasText: title }).waitFor();
}

/** The list items (outcomes, interventions, …) of the open section, in display order. */
export function items(page: Page): Locator {
  return page.locator('main li.item');
}

/** One list item by its stable DOM id (follows the item when it is moved). */
export function itemById(page: Page, domId: string): Locator {
  return page.locator(`[id="${domId}"]`);
}

/** The number or text input with exactly this label inside a container. */
export function field(container: Page | Locator, label: string): Locator {
  return container.getByLabel(label, { exact: true });
}

/** Types into a number field and commits it (Enter), as a person would. */
export async function enterNumber(input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await input.press('Enter');
}

/** The rich-text editor with this label. */
export function editor(page: Page, label: string): Locator {
  return page.getByRole('textbox', { name: label, exact: true });
}
