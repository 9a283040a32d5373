import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPerson, type Person, pageErrors, seriousAxeViolations } from '../support/browser.ts';
import { createCase, inviteParty, startTestServer, type TestServer } from '../support/server.ts';
import { openCase, openSection } from './room.ts';

/**
 * The workshop (docs/workshop.md) with three people in one example case: the facilitator
 * (Fie), an editor (Erik, whose page can play a modified client) and an observer (Olga). The
 * tests run in order and share the case.
 */
let server: TestServer;
let browser: Browser;
let fie: Person;
let erik: Person;
let olga: Person;
let everyone: Person[];
let created: { id: string; token: string };

const IPS = 'IPS – individuelt planlagt job med støtte';
const MENTOR = 'Mentorforløb med virksomhedspraktik';

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  created = await createCase(server.url, { example: true });
  const editor = await inviteParty(server.url, created.id, created.token, {
    name: 'Jobcenter Holbæk',
    kind: 'provider',
    role: 'editor',
  });
  const observer = await inviteParty(server.url, created.id, created.token, {
    name: 'Revisionen',
    kind: 'observer',
    role: 'observer',
  });
  [fie, erik, olga] = await Promise.all([
    openPerson(browser, { name: 'Fie Facilitator', department: 'Fonden' }),
    openPerson(browser, { name: 'Erik Eriksen', department: 'Jobcenter', testHooks: true }),
    openPerson(browser, { name: 'Olga Olsen', department: 'Revision' }),
  ]);
  everyone = [fie, erik, olga];
  await Promise.all([
    openCase(fie.page, server.url, created),
    openCase(erik.page, server.url, { id: created.id, token: editor.token }),
    openCase(olga.page, server.url, { id: created.id, token: observer.token }),
  ]);
  await olga.page.locator('.room[data-role="observer"]').waitFor();
  await erik.page.locator('.room[data-role="editor"]').waitFor();
});

afterEach(async () => {
  for (const person of everyone ?? []) expect(pageErrors(person.page)).toEqual([]);
  // A failed test may leave a dialog open; the next test starts from the room.
  for (const person of everyone ?? []) {
    for (const open of await person.page.locator('dialog[open]').all()) await open.press('Escape');
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A workshop dialog by its title (the start of its accessible name). */
function dialog(page: Page, title: string): Locator {
  return page.getByRole('dialog', { name: new RegExp(`^${title}`) });
}

/** Opens one of the top bar's workshop dialogs. */
async function openTool(page: Page, button: RegExp, title: string): Promise<Locator> {
  await page.getByRole('region', { name: 'Workshop' }).getByRole('button', { name: button }).click();
  const opened = dialog(page, title);
  await opened.waitFor();
  return opened;
}

async function close(opened: Locator): Promise<void> {
  await opened.getByRole('button', { name: 'Luk', exact: true }).click();
  await opened.waitFor({ state: 'hidden' });
}

function heading(page: Page): Promise<string | null> {
  return page.locator('#section-heading').textContent();
}

/** Saves a screenshot when E2E_SCREENSHOTS names a folder (to look at the layout by eye). */
async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.E2E_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png` });
}

describe('the workshop', () => {
  it('[W3] the facilitator moves the phase from the agenda; everyone sees it and each phase’s checklist', async () => {
    // The example case is in phase 2.
    for (const { page } of everyone) expect(await page.locator('button.phase-badge').textContent()).toContain('Fase 2');
    const agenda = await (async () => {
      await fie.page.getByRole('button', { name: /Dagsorden og tjekliste/ }).click();
      return dialog(fie.page, 'Dagsorden');
    })();
    await agenda.waitFor();
    expect(await agenda.locator('li.agenda-phase').count()).toBe(3);
    expect(await agenda.locator('[aria-current="step"] h3').textContent()).toContain('Fase 2');
    expect(await seriousAxeViolations(fie.page)).toEqual([]);
    await screenshot(fie.page, 'agenda');
    await agenda.getByRole('button', { name: 'Gå til fase 1' }).click();
    for (const { page } of everyone) {
      await expect.poll(() => page.locator('button.phase-badge').textContent()).toContain('Fase 1');
    }
    expect(await agenda.locator('[aria-current="step"] h3').textContent()).toContain('Fase 1');
    await close(agenda);

    // The others read the agenda but cannot move the phase; the facts no longer hold a phase field.
    for (const { page } of [erik, olga]) {
      await page.getByRole('button', { name: /Dagsorden og tjekliste/ }).click();
      const theirs = dialog(page, 'Dagsorden');
      await theirs.waitFor();
      expect(await theirs.getByRole('button', { name: /Gå til fase/ }).count()).toBe(0);
      await close(theirs);
      expect(await page.getByRole('radiogroup', { name: /Fase/ }).count()).toBe(0);
    }
  });

  it('[W6] follow me moves the others; stepping out stops it, stepping back in follows again', async () => {
    await fie.page.getByRole('button', { name: 'Følg mig' }).click();
    expect(await fie.page.getByRole('button', { name: 'Følg mig' }).getAttribute('aria-pressed')).toBe('true');
    for (const { page } of [erik, olga]) await page.getByText('Du følger facilitator').waitFor();

    await openSection(fie.page, 'Resultatmål');
    for (const { page } of [erik, olga]) await expect.poll(() => heading(page)).toBe('Resultatmål');

    await erik.page.getByRole('button', { name: 'Stop med at følge' }).click();
    await openSection(fie.page, 'Problem');
    await expect.poll(() => heading(olga.page)).toBe('Problem');
    expect(await heading(erik.page)).toBe('Resultatmål');

    await erik.page.getByRole('button', { name: 'Følg facilitator' }).click();
    await expect.poll(() => heading(erik.page)).toBe('Problem');

    await fie.page.getByRole('button', { name: 'Følg mig' }).click();
    for (const { page } of [erik, olga]) {
      await page.getByText('Du følger facilitator').waitFor({ state: 'hidden' });
    }
  });

  it('[W5] the timer counts down for everyone; only the facilitator controls it', async () => {
    const timer = fie.page.getByRole('region', { name: 'Workshop' }).locator('.timer-controls');
    await timer.getByLabel('Minutter').fill('2');
    await timer.getByRole('button', { name: 'Start' }).click();
    for (const { page } of everyone) {
      await expect.poll(() => page.getByRole('timer').textContent()).toMatch(/^(2:00|1:5\d)$/);
    }
    const seconds = async (page: Page) => {
      const [m, s] = ((await page.getByRole('timer').textContent()) ?? '0:00').split(':').map(Number);
      return (m ?? 0) * 60 + (s ?? 0);
    };
    const first = await seconds(olga.page);
    await expect.poll(() => seconds(olga.page), { timeout: 5_000 }).toBeLessThan(first);
    // Everyone shows the same time (±1 s).
    const shown = await Promise.all(everyone.map(({ page }) => seconds(page)));
    expect(Math.max(...shown) - Math.min(...shown)).toBeLessThanOrEqual(1);
    for (const { page } of [erik, olga]) {
      expect(await page.locator('.timer-controls').count()).toBe(0);
      expect(await page.getByRole('button', { name: /^(Start|Pause|Fortsæt)$/ }).count()).toBe(0);
    }
    await screenshot(fie.page, 'top-bar-timer');

    await timer.getByRole('button', { name: 'Pause' }).click();
    await olga.page.getByText('på pause').waitFor();
    await timer.getByRole('button', { name: '+1 min' }).click();
    await expect.poll(() => seconds(olga.page)).toBeGreaterThan(first);
  });

  it('[W5] at zero everyone gets the gentle signal: the timer shows and announces that time is up', async () => {
    // The UI starts at whole minutes; the API takes seconds, so a 4-second countdown keeps
    // the test short. It goes through the facilitator's own token, like the button would.
    const response = await fetch(`${server.url}/api/cases/${created.id}/workshop/timer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${created.token}` },
      body: JSON.stringify({ action: 'start', seconds: 4 }),
    });
    expect(response.status).toBe(200);
    for (const { page } of everyone) {
      const shown = page.locator('.workshop-timer');
      // Before zero: running (once the server's change has arrived — the answer can come first),
      // nothing announced.
      await expect.poll(() => shown.getAttribute('data-state'), { timeout: 3_000 }).toBe('running');
      expect(await shown.locator('[aria-live]').textContent()).toBe('');
    }
    for (const { page } of everyone) {
      const shown = page.locator('.workshop-timer');
      await expect.poll(() => shown.getAttribute('data-state'), { timeout: 8_000 }).toBe('ended');
      expect(await page.getByRole('timer').textContent()).toBe('0:00');
      expect(await shown.locator('[aria-live]').textContent()).toBe('Tiden er gået');
      expect(await shown.locator('.timer-note').textContent()).toBe('Tiden er gået');
      expect(await shown.locator('.timer-note').isVisible()).toBe(true);
    }
    // The facilitator can start a new countdown from there.
    expect(await fie.page.locator('.timer-controls').getByRole('button', { name: 'Start' }).isVisible()).toBe(true);
  });

  it('[W4] a locked section is read-only for the editor while the facilitator can still edit it', async () => {
    await Promise.all(everyone.map(({ page }) => openSection(page, 'Fakta')));
    await fie.page.getByRole('button', { name: 'Lås afsnittet Fakta' }).first().click();
    const erikTitle = erik.page.getByLabel('Sagens titel', { exact: true });
    await expect.poll(() => erikTitle.getAttribute('readonly')).not.toBeNull();
    expect(await erik.page.locator('.lock-notice').textContent()).toContain('Låst af Facilitator');
    expect(await erik.page.getByRole('navigation').textContent()).toContain('låst');
    expect(await olga.page.getByRole('navigation').textContent()).toContain('låst');
    // Other sections stay editable for the editor.
    await openSection(erik.page, 'Problem');
    expect(await erik.page.locator('main [contenteditable="true"]').count()).toBeGreaterThan(0);
    await openSection(erik.page, 'Fakta');

    const fieTitle = fie.page.getByLabel('Sagens titel', { exact: true });
    expect(await fieTitle.getAttribute('readonly')).toBeNull();
    await fieTitle.fill('Sygedagpenge – låst, men facilitatoren retter');
    await expect
      .poll(() => erik.page.locator('.case-title').textContent())
      .toBe('Sygedagpenge – låst, men facilitatoren retter');
    await erikTitle.click();
    await erik.page.keyboard.type('xyz');
    expect(await erikTitle.inputValue()).toBe('Sygedagpenge – låst, men facilitatoren retter');

    // No lock buttons for anyone but the facilitator.
    for (const { page } of [erik, olga]) expect(await page.getByRole('button', { name: /^Lås/ }).count()).toBe(0);
    await screenshot(erik.page, 'locked-section-editor');

    // A change forced from the editor's page into the locked section is refused and named.
    await erik.page.evaluate(() => {
      const test = (window as unknown as { caseroomTest: { doc: { getMap: (name: string) => Map<string, unknown> } } })
        .caseroomTest;
      test.doc.getMap('facts').set('municipality', 'Forfalsket Kommune');
    });
    const refused = erik.page.locator('.refused-notice[role="alert"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Facilitatoren har låst afsnittet. Gælder: Fakta.');
    // What was not kept, as a readable change (this page's version against the server's).
    await expect.poll(() => refused.textContent()).toContain('Forfalsket Kommune');
    await expect.poll(() => erik.page.getByLabel('Kommune', { exact: true }).inputValue()).toBe('Eksempelkommune');
    expect(await fie.page.getByLabel('Kommune', { exact: true }).inputValue()).toBe('Eksempelkommune');
    await erik.page.locator('.room[data-role="editor"]').waitFor();
    await refused.getByRole('button', { name: 'OK' }).click();

    await fie.page.getByRole('button', { name: 'Lås afsnittet Fakta op' }).first().click();
    await expect.poll(() => erikTitle.getAttribute('readonly')).toBeNull();

    // Prose in a locked section is read-only too (the facilitator locks from the navigation).
    await openSection(erik.page, 'Problem');
    await fie.page.getByRole('navigation').getByRole('button', { name: 'Lås afsnittet Problem' }).click();
    await expect.poll(() => erik.page.locator('main [contenteditable="true"]').count()).toBe(0);
    await fie.page.getByRole('navigation').getByRole('button', { name: 'Lås afsnittet Problem op' }).click();
    await expect.poll(() => erik.page.locator('main [contenteditable="true"]').count()).toBeGreaterThan(0);
  });

  it('[W2] a forged change to the workshop record is refused: a notice, and the page resets from the server', async () => {
    await erik.page.evaluate(() => {
      const test = (window as unknown as { caseroomTest: { doc: { getMap: (name: string) => Map<string, unknown> } } })
        .caseroomTest;
      test.doc.getMap('workshop').set('phase', 3);
    });
    const alert = erik.page.locator('.refused-notice[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Din seneste ændring blev ikke gemt');
    await expect.poll(() => erik.page.locator('button.phase-badge').textContent()).toContain('Fase 1');
    await erik.page.locator('.connection[data-state="connected"]').waitFor();
    expect(await fie.page.locator('button.phase-badge').textContent()).toContain('Fase 1');
    await alert.getByRole('button', { name: 'OK' }).click();
    await alert.waitFor({ state: 'hidden' });
  });

  it('[W7] dots stay hidden until the reveal; then everyone sees the counts, and the facilitator decides', async () => {
    const fieVote = await openTool(fie.page, /^Afstemning/, 'Afstemning med point');
    await fieVote.getByLabel('Hvad stemmer I om?').selectOption('interventions');
    await fieVote.getByLabel('Point pr. person').fill('3');
    await fieVote.getByRole('button', { name: 'Start afstemning' }).click();
    await fieVote.getByText('Afstemningen er åben').waitFor();
    expect(await seriousAxeViolations(fie.page)).toEqual([]);

    const erikVote = await openTool(erik.page, /^Afstemning/, 'Afstemning med point');
    await erikVote.getByRole('button', { name: `Giv et point til ${IPS}` }).click();
    await erikVote.getByText('Du har brugt 1 af 3 point').waitFor();
    // The last dot can be taken back too (an empty ballot is stored), and given again.
    const withdrawn = erik.page.waitForResponse(
      (response) => response.url().endsWith('/ballot') && response.request().method() === 'PUT',
    );
    await erikVote.getByRole('button', { name: `Tag et point fra ${IPS}` }).click();
    expect((await withdrawn).status()).toBe(200);
    await erikVote.getByText('Du har brugt 0 af 3 point').waitFor();
    await erikVote.getByRole('button', { name: `Giv et point til ${IPS}` }).click();
    await erikVote.getByText('Du har brugt 1 af 3 point').waitFor();
    await erikVote.getByRole('button', { name: `Giv et point til ${IPS}` }).click();
    await erikVote.getByRole('button', { name: `Giv et point til ${MENTOR}` }).click();
    await erikVote.getByText('Du har brugt 3 af 3 point').waitFor();
    await erikVote.getByRole('button', { name: `Tag et point fra ${MENTOR}` }).click();
    await erikVote.getByText('Du har brugt 2 af 3 point').waitFor();
    await screenshot(erik.page, 'vote-ballot');

    // Before the reveal: the facilitator sees only her own (empty) ballot, the observer nothing.
    const olgaVote = await openTool(olga.page, /^Afstemning/, 'Afstemning med point');
    for (const opened of [fieVote, olgaVote]) {
      expect(await opened.locator('.vote-count').count()).toBe(0);
      expect(await opened.textContent()).not.toMatch(/2 point/);
    }
    expect(await fieVote.getByText('Du har brugt 0 af 3 point').count()).toBe(1);
    expect(await olgaVote.getByRole('button', { name: /^(Giv|Tag) et point/ }).count()).toBe(0);
    expect(await olgaVote.getByRole('button', { name: /Vis resultatet|Start afstemning/ }).count()).toBe(0);
    expect(await seriousAxeViolations(olga.page)).toEqual([]);

    await fieVote.getByRole('button', { name: 'Vis resultatet' }).click();
    for (const opened of [fieVote, erikVote, olgaVote]) {
      const ips = opened.locator('.vote-row', { hasText: IPS });
      await expect.poll(() => ips.locator('.vote-count').textContent()).toBe('2 point');
      expect(await opened.locator('.vote-row', { hasText: MENTOR }).locator('.vote-count').textContent()).toBe(
        '0 point',
      );
    }
    expect(await olgaVote.getByRole('button', { name: /^Beslut/ }).count()).toBe(0);
    await screenshot(olga.page, 'vote-result');

    await fieVote.getByRole('button', { name: `Beslut: ${IPS}` }).click();
    await olgaVote.getByText('Afgjort').waitFor();
    await Promise.all([close(fieVote), close(erikVote), close(olgaVote)]);
    const log = await openTool(olga.page, /^Beslutninger/, 'Beslutningslog');
    await log.getByText(`Vi vælger ${IPS}`).waitFor();
    await close(log);
  });

  it('[W8] the facilitator records a decision; everyone reads it in the log, with who and when', async () => {
    const fieLog = await openTool(fie.page, /^Beslutninger/, 'Beslutningslog');
    await fieLog.getByRole('button', { name: 'Tilføj beslutning' }).click();
    await fieLog.getByText('Skriv beslutningen.').waitFor();
    await fieLog.getByLabel('Ny beslutning').fill('Jobcentret betaler 60 % af resultatbetalingerne');
    await fieLog.getByLabel('Hvad handler den om?').selectOption({ label: 'Betalingsmodel' });
    await fieLog.getByRole('button', { name: 'Tilføj beslutning' }).click();
    await fieLog.locator('.decision-text', { hasText: 'Jobcentret betaler 60 %' }).waitFor();
    expect(await fieLog.getByLabel('Ny beslutning').inputValue()).toBe('');
    expect(await seriousAxeViolations(fie.page)).toEqual([]);
    await close(fieLog);

    await expect
      .poll(() =>
        olga.page
          .getByRole('region', { name: 'Workshop' })
          .getByRole('button', { name: /^Beslutninger/ })
          .textContent(),
      )
      .toBe('Beslutninger (2)');
    const olgaLog = await openTool(olga.page, /^Beslutninger/, 'Beslutningslog');
    const entry = olgaLog.locator('.decision', { hasText: 'Jobcentret betaler 60 %' });
    expect(await entry.textContent()).toContain('Facilitator ·');
    expect(await entry.textContent()).toContain('Om: Betalingsmodel');
    expect(await olgaLog.locator('.decision', { hasText: `Vi vælger ${IPS}` }).textContent()).toContain(`Om: ${IPS}`);
    expect(await olgaLog.getByLabel('Ny beslutning').count()).toBe(0);
    await close(olgaLog);
  });

  it('[W9] comments on an item: threaded, resolvable, counted on the item and in the navigation', async () => {
    await Promise.all(everyone.map(({ page }) => openSection(page, 'Resultatmål')));
    await erik.page.getByRole('button', { name: 'Kommentarer til Resultatmål 1' }).click();
    const erikComments = dialog(erik.page, 'Kommentarer: Resultatmål 1 – Ordinær beskæftigelse');
    await erikComments.getByText('Ingen kommentarer endnu.').waitFor();
    await erikComments.getByLabel('Ny kommentar').fill('Er 40 % realistisk for denne målgruppe?');
    await erikComments.getByRole('button', { name: 'Tilføj kommentar' }).click();
    await erikComments.locator('.comment-text', { hasText: 'Er 40 % realistisk' }).waitFor();
    expect(await erikComments.textContent()).toContain('Jobcenter Holbæk ·');
    expect(await seriousAxeViolations(erik.page)).toEqual([]);
    await close(erikComments);

    // Counted on the item and, as an open thread, in everyone's navigation.
    await olga.page
      .getByRole('button', { name: 'Kommentarer til Resultatmål 1 – Ordinær beskæftigelse (1)' })
      .waitFor();
    await expect
      .poll(() =>
        olga.page
          .getByRole('navigation')
          .getByRole('button', { name: /^Resultatmål/ })
          .textContent(),
      )
      .toContain('1 åben kommentar');
    await olga.page.getByRole('button', { name: 'Kommentarer (1)' }).click();
    const olgaComments = dialog(olga.page, 'Kommentarer: Resultatmål');
    await olgaComments.getByText('Om: Ordinær beskæftigelse').waitFor();
    expect(await olgaComments.getByRole('textbox').count()).toBe(0);
    expect(await olgaComments.getByRole('button', { name: /^(Svar|Marker som løst)$/ }).count()).toBe(0);

    await fie.page.getByRole('button', { name: 'Kommentarer til Resultatmål 1 – Ordinær beskæftigelse (1)' }).click();
    const fieComments = dialog(fie.page, 'Kommentarer: Resultatmål 1');
    await fieComments.getByRole('button', { name: 'Svar' }).click();
    await fieComments.getByLabel('Svar til Jobcenter Holbæk').fill('Ja, det viser forsøget i Aarhus.');
    await fieComments.getByRole('button', { name: 'Send svar' }).click();
    await olgaComments.locator('.comment-replies').getByText('Ja, det viser forsøget i Aarhus.').waitFor();
    await fieComments.getByRole('button', { name: 'Marker som løst' }).click();
    await olgaComments.locator('.comment-resolved').waitFor();
    await Promise.all([close(fieComments), close(olgaComments)]);
    await olga.page.getByRole('button', { name: 'Kommentarer til Resultatmål 1' }).waitFor();
    expect(await olga.page.getByRole('navigation').textContent()).not.toContain('åben kommentar');
  });

  it('[W10] a sign-off goes stale after an edit and can be signed again; agreed when all have signed', async () => {
    const agenda = fie.page.getByRole('button', { name: /Dagsorden og tjekliste/ });
    await agenda.click();
    await dialog(fie.page, 'Dagsorden').getByRole('button', { name: 'Gå til fase 3' }).click();
    await close(dialog(fie.page, 'Dagsorden'));

    const fieSign = await openTool(fie.page, /^Godkendelse/, 'Godkendelse');
    await fieSign.getByRole('checkbox', { name: /Facilitator/ }).check();
    await fieSign.getByRole('checkbox', { name: /Jobcenter Holbæk/ }).check();
    await fieSign.getByRole('button', { name: 'Gem listen' }).click();
    await expect.poll(() => fieSign.locator('.signoff-row').count()).toBe(2);

    const erikSign = await openTool(erik.page, /^Godkendelse/, 'Godkendelse');
    const erikRow = (page: Locator) => page.locator('.signoff-row', { hasText: 'Jobcenter Holbæk' });
    // A signature on a version the server no longer has is refused (409) with a clear message.
    await erik.page.route('**/workshop/signoffs', (route) =>
      route.continue({ postData: JSON.stringify({ hash: '0'.repeat(64) }) }),
    );
    await erikSign.getByRole('button', { name: 'Godkend denne version' }).click();
    expect(await erikSign.getByRole('alert').textContent()).toBe(
      'Sagen er ændret, mens du så på den – gennemse den og godkend igen.',
    );
    expect(await erikRow(erikSign).getAttribute('data-state')).toBe('missing');
    await erik.page.unroute('**/workshop/signoffs');
    // The name given on the start page signs for the party (issue 15), and can be corrected here.
    const signerName = (sign: Locator) => sign.getByLabel('Dit navn (står i kontraktbilaget)');
    expect(await signerName(erikSign).inputValue()).toBe('Erik Eriksen');
    await erikSign.getByRole('button', { name: 'Godkend denne version' }).click();
    await expect.poll(() => erikRow(erikSign).getAttribute('data-state')).toBe('current');
    await expect.poll(() => erikRow(fieSign).getAttribute('data-state')).toBe('current');
    expect(await erikRow(fieSign).textContent()).toContain('godkendt af Erik Eriksen');
    // A colleague on Erik's link (his head of department) signs the same version too: both are named.
    await erikSign.getByRole('button', { name: 'Godkend denne version' }).waitFor({ state: 'detached' });
    await signerName(erikSign).fill('Lise Leder');
    await erikSign.getByRole('button', { name: 'Godkend også med dit navn' }).click();
    await expect.poll(() => erikRow(fieSign).textContent()).toContain('godkendt af Erik Eriksen, Lise Leder');
    await signerName(fieSign).fill('Fie Hansen, økonomichef');
    await fieSign.getByRole('button', { name: 'Godkend denne version' }).click();
    await expect
      .poll(() => erikSign.locator('.signoff-row', { hasText: 'Facilitator' }).textContent())
      .toContain('godkendt af Fie Hansen, økonomichef');
    await fieSign.getByText('Enighed: alle har godkendt denne version').waitFor();
    await erikSign.getByText('Enighed: alle har godkendt denne version').waitFor();
    expect(await seriousAxeViolations(erik.page)).toEqual([]);
    await screenshot(erik.page, 'signoff-agreed');
    await close(fieSign);

    // The facilitator changes the case: both signatures are now on an older version.
    await openSection(fie.page, 'Fakta');
    await fie.page.getByLabel('Kommune', { exact: true }).fill('Holbæk Kommune');
    await expect.poll(() => erikRow(erikSign).getAttribute('data-state')).toBe('outdated');
    expect(await erikRow(erikSign).textContent()).toContain('Forældet');
    await erikSign.getByText('Ikke enighed endnu').waitFor();

    await erikSign.getByRole('button', { name: 'Godkend denne version' }).click();
    await expect.poll(() => erikRow(erikSign).getAttribute('data-state')).toBe('current');
    await close(erikSign);

    // The observer is not asked to sign and gets no button for it.
    const olgaSign = await openTool(olga.page, /^Godkendelse/, 'Godkendelse');
    expect(await olgaSign.getByRole('button', { name: 'Godkend denne version' }).count()).toBe(0);
    expect(await olgaSign.getByRole('checkbox').count()).toBe(0);
    await close(olgaSign);
  });

  it('[W11] history: a named version, what changed since, view it, restore it for everyone', async () => {
    const ipsRow = (scope: Page | Locator) => scope.locator('.candidate-table tr[data-candidate="int-ips"]');
    await openSection(fie.page, 'Indsatser');
    const versionIpsRow = await ipsRow(fie.page).textContent();
    const history = await openTool(fie.page, /^Historik/, 'Historik');
    // Automatic versions at the phase changes and sign-offs.
    await history.getByText('Faseskift').first().waitFor();
    await history.getByLabel('Navn på versionen').fill('Før titlen');
    await history.getByRole('button', { name: 'Gem version' }).click();
    const named = history.locator('.snapshot', { hasText: 'Før titlen' });
    await named.waitFor();

    await openSection(erik.page, 'Fakta');
    const before = await erik.page.getByLabel('Sagens titel', { exact: true }).inputValue();
    await erik.page.getByLabel('Sagens titel', { exact: true }).fill('En helt ny titel');
    await expect.poll(() => fie.page.locator('.case-title').textContent()).toBe('En helt ny titel');
    // A priced change too: the version's candidate table must keep the version's figures.
    await openSection(erik.page, 'Indsatser');
    const cost = erik.page.locator('input[data-path="interventions/candidates/int-ips/costPerParticipant"]');
    await cost.fill('999.999');
    await cost.press('Tab');
    await expect.poll(() => ipsRow(erik.page).textContent()).not.toBe(versionIpsRow);
    await openSection(erik.page, 'Fakta');

    // Who changed what: Erik's edits to the facts and the interventions, by his party's name.
    const activity = history.locator('details.activity');
    await activity.locator('summary').click();
    await expect
      .poll(() => activity.locator('li').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Jobcenter Holbæk · Fakta · .* · \d+ ændring(er)?$/)]));
    expect((await activity.locator('li').allTextContents()).join('\n')).toContain('Jobcenter Holbæk · Indsatser');
    await activity.locator('summary').click();
    await named.getByRole('button', { name: 'Ændret siden' }).click();
    await expect.poll(() => named.locator('.snapshot-changes').textContent()).toContain('En helt ny titel');
    // The version opens as the real sections, read-only, with its own value — not the live one.
    await named.getByRole('button', { name: 'Vis' }).click();
    const viewer = named.getByRole('region', { name: 'Version: Før titlen · kun læsning' });
    await viewer.waitFor();
    const oldTitle = viewer.getByLabel('Sagens titel', { exact: true });
    await expect.poll(() => oldTitle.inputValue()).toBe(before);
    expect(await oldTitle.evaluate((input) => (input as HTMLInputElement).readOnly)).toBe(true);
    const writable = 'input:not([readonly]):not([disabled]), select:not([disabled]), textarea:not([readonly])';
    expect(await viewer.locator(writable).count()).toBe(0);
    expect(await viewer.locator('[contenteditable="true"]').count()).toBe(0);
    await viewer.getByRole('navigation').getByRole('button', { name: 'Indsatser' }).click();
    await expect.poll(() => ipsRow(viewer).textContent()).toBe(versionIpsRow);
    await viewer.getByRole('navigation').getByRole('button', { name: 'Problem' }).click();
    await viewer.getByRole('heading', { name: 'Problem' }).waitFor();
    expect(await viewer.locator(writable).count()).toBe(0);
    expect(await viewer.locator('[contenteditable="true"]').count()).toBe(0);
    expect(await seriousAxeViolations(fie.page)).toEqual([]);
    await screenshot(fie.page, 'history');
    await viewer.getByRole('button', { name: 'Luk versionen (tilbage til sagen)' }).click();
    await viewer.waitFor({ state: 'hidden' });
    expect(await fie.page.locator('.case-title').textContent()).toBe('En helt ny titel');

    await named.getByRole('button', { name: 'Gendan' }).click();
    await named.getByRole('button', { name: 'Ja, gendan' }).click();
    await expect.poll(() => erik.page.getByLabel('Sagens titel', { exact: true }).inputValue()).toBe(before);
    await close(history);

    const olgaHistory = await openTool(olga.page, /^Historik/, 'Historik');
    await olgaHistory.locator('.snapshot').first().waitFor();
    expect(await olgaHistory.getByRole('button', { name: /^Gendan|^Gem version$/ }).count()).toBe(0);
    await close(olgaHistory);
  });

  it('the observer gets no workshop controls anywhere, and the room passes axe with them', async () => {
    const { page } = olga;
    for (const name of [/^Lås/, /^Følg mig$/, /^Start$/, /^Pause$/, /^Fortsæt$/, /^\+\d+ min$/, /^Godkend denne/]) {
      expect(await page.getByRole('button', { name }).count(), String(name)).toBe(0);
    }
    expect(await page.locator('.timer-controls').count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await seriousAxeViolations(fie.page)).toEqual([]);
    await screenshot(fie.page, 'room-facilitator');
    await screenshot(page, 'room-observer');
  });
});
