import {
  ensureFirstOrganisation,
  type FirstOrganisation,
  hashToken,
  newOrganisationKey,
  openSqliteStores,
  type Stores,
} from '@caseroom/server';
import {
  type CaseModelDraft,
  contentHash,
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  exampleCase,
  headlineFigureTexts,
  monteCarlo,
  type PortfolioAnswer,
  type PortfolioRow,
  price,
  pricingInputFromModel,
  reconcileModel,
  scenarioRangesFromModel,
  toModel,
} from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import {
  api,
  connectSynced,
  inviteParty,
  makeTempDataDir,
  startTestServer,
  type TestServer,
  waitFor,
} from '../support/server.ts';
import { readXlsx, recompute } from '../support/xlsxWorkbook.ts';

/**
 * Issue 15, "Organisation and portfolio" (docs/access.md "Members and the portfolio"): members
 * with links of their own see their organisation's cases side by side, with the figures of
 * `price` for each case's agreed (or else current) version; no one else's.
 */
describe('members and the portfolio', () => {
  const resources = cleanupAfterEach();

  type Organisation = { id: string; key: string };
  async function start(): Promise<{ server: TestServer; store: Stores; fund: Organisation; other: Organisation }> {
    const dataDir = makeTempDataDir();
    resources.dirs.push(dataDir);
    const store = await openSqliteStores(dataDir);
    const first = (await ensureFirstOrganisation(store.organisations, dataDir)) as FirstOrganisation & { key: string };
    const other = { id: 'kommune-org', key: newOrganisationKey() };
    await store.organisations.create({
      organisation: { id: other.id, name: 'Svendborg Kommune', createdAt: Date.now() },
      keyHash: hashToken(other.key),
    });
    const server = await startTestServer({ dataDir, stores: store, host: '0.0.0.0' });
    resources.servers.push(server);
    return { server, store, fund: { id: first.organisation.id, key: first.key }, other };
  }

  async function addMember(server: TestServer, key: string, name: string, expiresAt?: string) {
    const added = await api(server.url, key, 'POST', '/api/organisation/members', { name, expiresAt });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    return added.body as { member: { id: string; name: string }; token: string; link: string };
  }

  async function createCase(server: TestServer, key: string, model?: CaseModelDraft) {
    const created = await api(server.url, key, 'POST', '/api/cases', { example: true });
    expect(created.status).toBe(201);
    const { id, token } = created.body as { id: string; token: string };
    if (model) await changeModel(server, id, token, model);
    return { id, token };
  }

  /** Writes `model` into the case as an editor's browser would, and waits until the server has it. */
  async function changeModel(server: TestServer, id: string, token: string, model: CaseModelDraft) {
    const client = await connectSynced(server.wsUrl, id, { token });
    try {
      reconcileModel(client.doc, model);
      const hash = contentHash(toModel(client.doc));
      await waitFor(
        async () => contentHash((await api(server.url, token, 'GET', `/api/cases/${id}/model`)).body) === hash,
        { what: 'the edit stored' },
      );
    } finally {
      client.destroy();
    }
  }

  /** What the panel shows for a model: price's figures and the Monte Carlo's P(investor loses) with the panel's seed. */
  function expectedFigures(model: CaseModelDraft) {
    const priced = pricingInputFromModel(model);
    if (!priced.ok) throw new Error(`not priced: ${priced.reason}`);
    const pricing = price(priced.input);
    const risk = monteCarlo(priced.input, scenarioRangesFromModel(model.paymentModel.scenarios), {
      seed: DEFAULT_SEED,
      iterations: DEFAULT_ITERATIONS,
    });
    return {
      authorityNpv: pricing.authorityNpv,
      publicSectorNpv: pricing.publicSectorNpv,
      investorIrr: pricing.investor.irr.ok ? pricing.investor.irr.rate : null,
      capitalNeeded: pricing.yearly.capital.reduce((sum, value) => sum + value, 0),
      probabilityInvestorLoses: risk.probabilityInvestorLoses,
    };
  }

  /** The example with a smaller intervention cost, so two cases differ. */
  function cheaperExample(): CaseModelDraft {
    const model = structuredClone(exampleCase());
    model.facts.title = 'Guldborgsund: unge ledige';
    model.facts.municipality = 'Guldborgsund';
    for (const candidate of model.interventions.candidates) {
      if (candidate.costPerParticipant !== undefined) candidate.costPerParticipant *= 0.8;
    }
    return model;
  }

  it('administrators add, list and revoke members with the organisation key — on loopback as beyond — and every mistake is named', async () => {
    const { server, fund, other } = await start();
    const missing = await api(server.url, undefined, 'POST', '/api/organisation/members', { name: 'Ida' });
    expect([missing.status, missing.body.error.code]).toEqual([401, 'organisationKeyMissing']);
    const created = await api(server.url, fund.key, 'POST', '/api/cases', {});
    for (const wrong of [newOrganisationKey(), created.body.token]) {
      const refused = await api(server.url, wrong, 'GET', '/api/organisation/members');
      expect([refused.status, refused.body.error.code]).toEqual([403, 'organisationKeyInvalid']);
    }
    for (const body of [{}, { name: '' }, { name: 'x'.repeat(81) }, { name: 42 }]) {
      const bad = await api(server.url, fund.key, 'POST', '/api/organisation/members', body);
      expect([bad.status, bad.body.error.code], JSON.stringify(body)).toEqual([400, 'badRequest']);
    }
    for (const expiresAt of ['2001-01-01T00:00:00Z', 'tomorrow', '9999-01-01T00:00:00Z']) {
      const bad = await api(server.url, fund.key, 'POST', '/api/organisation/members', { name: 'Ida', expiresAt });
      expect([bad.status, bad.body.error.code], expiresAt).toEqual([400, 'badRequest']);
    }

    const ida = await addMember(server, fund.key, 'Ida Konsulent');
    expect(ida.token).toMatch(/^crm1_[A-Za-z0-9_-]{43}$/);
    expect(ida.link).toBe(`${server.url}/portfolio#member=${ida.token}`);
    await addMember(server, other.key, 'Ole fra kommunen');
    const listed = await api(server.url, fund.key, 'GET', '/api/organisation/members');
    expect(listed.body.map((m: { name: string }) => m.name)).toEqual(['Ida Konsulent']);
    expect(JSON.stringify(listed.body)).not.toContain(ida.token);

    // Another organisation's key cannot revoke this organisation's member.
    const foreign = await api(server.url, other.key, 'POST', `/api/organisation/members/${ida.member.id}/revoke`);
    expect([foreign.status, foreign.body.error.code]).toEqual([404, 'memberNotFound']);
    expect((await api(server.url, ida.token, 'GET', '/api/portfolio')).status).toBe(200);
    const revoked = await api(server.url, fund.key, 'POST', `/api/organisation/members/${ida.member.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const after = await api(server.url, ida.token, 'GET', '/api/portfolio');
    expect([after.status, after.body.error.code]).toEqual([403, 'memberLinkInvalid']);
  });

  it('each organisation’s members see only its cases; an outside party invited to a case sees it in no portfolio; a case link or key is no member link', async () => {
    const { server, fund, other } = await start();
    const holbaek = await createCase(server, fund.key);
    const guldborgsund = await createCase(server, fund.key, cheaperExample());
    const svendborg = await createCase(server, other.key);
    const ida = await addMember(server, fund.key, 'Ida Konsulent');
    const ole = await addMember(server, other.key, 'Ole fra kommunen');
    // Ole's municipality is invited into one of the fund's cases as a party: that is a case link, not a portfolio.
    const invited = await inviteParty(server.url, holbaek.id, holbaek.token, {
      name: 'Svendborg Kommune',
      kind: 'department',
      role: 'editor',
    });

    const idas = (await api(server.url, ida.token, 'GET', '/api/portfolio')).body as PortfolioAnswer;
    expect(idas.organisation.id).toBe(fund.id);
    expect(idas.member.name).toBe('Ida Konsulent');
    expect(idas.cases.map((row) => row.caseId).sort()).toEqual([holbaek.id, guldborgsund.id].sort());
    const oles = (await api(server.url, ole.token, 'GET', '/api/portfolio')).body as PortfolioAnswer;
    expect(oles.cases.map((row) => row.caseId)).toEqual([svendborg.id]);

    for (const notAMember of [invited.token, holbaek.token, fund.key, `${ida.token.slice(0, -1)}A`]) {
      const refused = await api(server.url, notAMember, 'GET', '/api/portfolio');
      expect([refused.status, refused.body.error.code]).toEqual([403, 'memberLinkInvalid']);
    }
    const none = await api(server.url, undefined, 'GET', '/api/portfolio');
    expect([none.status, none.body.error.code]).toEqual([401, 'memberLinkMissing']);
  });

  it('figures equal price for the current version until the case is agreed, then stay on the agreed version while the current one changes', async () => {
    const { server, fund } = await start();
    const guldborgsund = cheaperExample();
    const { id, token } = await createCase(server, fund.key, guldborgsund);
    const ida = await addMember(server, fund.key, 'Ida Konsulent');
    const rowOf = async () =>
      ((await api(server.url, ida.token, 'GET', '/api/portfolio')).body as PortfolioAnswer).cases.find(
        (row) => row.caseId === id,
      ) as PortfolioRow;

    const current = await rowOf();
    const stored = (await api(server.url, token, 'GET', `/api/cases/${id}/model`)).body as CaseModelDraft;
    expect(current.version).toEqual({ source: 'current', agreed: false, contentHash: contentHash(stored) });
    expect(current.title).toBe('Guldborgsund: unge ledige');
    expect(current.municipality).toBe('Guldborgsund');
    expect(current.figures).toEqual(expectedFigures(stored));
    expect(current.figures!.capitalNeeded).toBeGreaterThan(0);
    expect(current.intervention).toBe(
      stored.interventions.candidates.find((c) => c.id === stored.interventions.chosenId)?.name,
    );
    expect(current.findings.errors + current.findings.warnings).toBeGreaterThanOrEqual(0);

    // Agreed: the facilitator is the one required signer and signs this content.
    const me = await api(server.url, token, 'GET', `/api/cases/${id}/me`);
    const call = (method: 'PUT' | 'POST', path: string, body: unknown) =>
      api(server.url, token, method, `/api/cases/${id}${path}`, body);
    expect((await call('PUT', '/workshop/required-signers', { partyIds: [me.body.party.id] })).status).toBe(200);
    expect((await call('POST', '/workshop/signoffs', { hash: contentHash(stored) })).status).toBe(201);
    const agreed = await rowOf();
    expect(agreed.version).toEqual({ source: 'current', agreed: true, contentHash: contentHash(stored) });

    // The room goes on: the current version changes, the portfolio keeps the agreed one.
    const changed = structuredClone(stored);
    changed.facts.title = 'Guldborgsund: efter aftalen';
    for (const candidate of changed.interventions.candidates) {
      if (candidate.costPerParticipant !== undefined) candidate.costPerParticipant *= 2;
    }
    await changeModel(server, id, token, changed);
    const later = await rowOf();
    expect(later.version.agreed).toBe(true);
    expect(later.version.source).not.toBe('current');
    expect(later.version.contentHash).toBe(contentHash(stored));
    expect(later.title).toBe('Guldborgsund: unge ledige');
    expect(later.figures).toEqual(expectedFigures(stored));
    expect(later.figures).not.toEqual(expectedFigures(changed));
    // Who was active: the facilitator's party edited.
    expect(later.lastActivityAt).toEqual(expect.any(String));
    expect(later.activeParties).toEqual(['Facilitator']);
  });

  it('the XLSX overview: every case’s figures as in the portfolio, and its formulas recalculate (HyperFormula) to the same totals', async () => {
    const { server, fund } = await start();
    await createCase(server, fund.key);
    await createCase(server, fund.key, cheaperExample());
    await createCase(server, fund.key, {
      ...structuredClone(exampleCase()),
      facts: { ...exampleCase().facts, title: '=HYPERLINK("http://evil","x")', horizonYears: undefined },
    });
    const ida = await addMember(server, fund.key, 'Ida Konsulent');
    const portfolio = (await api(server.url, ida.token, 'GET', '/api/portfolio')).body as PortfolioAnswer;
    expect(portfolio.cases).toHaveLength(3);
    const notPriced = portfolio.cases.find((row) => row.figures === null);
    expect(notPriced?.notPriced).toBe('noHorizon');

    const response = await fetch(`${server.url}/api/portfolio/export.xlsx`, {
      headers: { authorization: `Bearer ${ida.token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="portfolio-\d{4}-\d\d-\d\d\.xlsx"/,
    );
    const raw = readXlsx(new Uint8Array(await response.arrayBuffer()));
    const book = recompute(raw);
    const sheet = book.get('Portefølje')!;
    const header = 5;
    const column = (name: string) => {
      for (let c = 1; c <= sheet.columns; c++) if (sheet.at(header, c) === name) return c;
      throw new Error(`no column "${name}"`);
    };
    const columns = {
      title: column('Sag'),
      authorityNpv: column(headlineFigureTexts('authorityNpv', 'da').name),
      publicSectorNpv: column(headlineFigureTexts('publicSectorNpv', 'da').name),
      capital: column(headlineFigureTexts('capital', 'da').name),
      probability: column(headlineFigureTexts('probabilityInvestorLoses', 'da').name),
      perCapital: column('Kommunens NNV pr. krone kapital'),
    };
    const rows = portfolio.cases.map((_, i) => header + 1 + i);
    for (const [i, row] of portfolio.cases.entries()) {
      const r = rows[i]!;
      expect(sheet.at(r, columns.title)).toBe(row.title);
      if (!row.figures) continue;
      expect(sheet.at(r, columns.authorityNpv)).toBeCloseTo(row.figures.authorityNpv, 6);
      expect(sheet.at(r, columns.capital)).toBeCloseTo(row.figures.capitalNeeded, 6);
      expect(sheet.at(r, columns.perCapital)).toBeCloseTo(row.figures.authorityNpv / row.figures.capitalNeeded, 9);
    }
    const total = header + 1 + portfolio.cases.length;
    expect(sheet.at(total, columns.title)).toBe('I alt');
    const priced = portfolio.cases.flatMap((row) => (row.figures ? [row.figures] : []));
    const sum = (pick: (f: (typeof priced)[number]) => number) => priced.reduce((s, f) => s + pick(f), 0);
    expect(sheet.at(total, columns.authorityNpv)).toBeCloseTo(
      sum((f) => f.authorityNpv),
      4,
    );
    expect(sheet.at(total, columns.publicSectorNpv)).toBeCloseTo(
      sum((f) => f.publicSectorNpv),
      4,
    );
    expect(sheet.at(total, columns.capital)).toBeCloseTo(
      sum((f) => f.capitalNeeded),
      4,
    );
    expect(sheet.at(total, columns.probability)).toBeCloseTo(
      sum((f) => f.capitalNeeded * f.probabilityInvestorLoses) / sum((f) => f.capitalNeeded),
      9,
    );
    // The hostile title stays text.
    const formulas = [...raw.sheets.get('Portefølje')!.values()].flatMap((cell) => cell.formula ?? []);
    expect(formulas.some((f) => f.includes('HYPERLINK'))).toBe(false);

    const english = await fetch(`${server.url}/api/portfolio/export.xlsx?lang=en`, {
      headers: { authorization: `Bearer ${ida.token}` },
    });
    expect(recompute(readXlsx(new Uint8Array(await english.arrayBuffer()))).has('Portfolio')).toBe(true);
    const badLang = await fetch(`${server.url}/api/portfolio/export.xlsx?lang=fr`, {
      headers: { authorization: `Bearer ${ida.token}` },
    });
    expect(badLang.status).toBe(400);
  });

  it('a member enters the organisation’s cases with a party of their own (fund, editor, their name); not another organisation’s; revoking ends it', async () => {
    const { server, fund, other } = await start();
    const holbaek = await createCase(server, fund.key);
    const svendborg = await createCase(server, other.key);
    const ida = await addMember(server, fund.key, 'Ida Konsulent');

    const entered = await api(server.url, ida.token, 'POST', `/api/portfolio/cases/${holbaek.id}/enter`);
    expect(entered.status).toBe(200);
    expect(entered.body.link).toBe(`${server.url}/case/${holbaek.id}#token=${entered.body.token}`);
    const me = await api(server.url, entered.body.token, 'GET', `/api/cases/${holbaek.id}/me`);
    expect(me.body.party).toMatchObject({ name: 'Ida Konsulent', kind: 'fund', role: 'editor' });

    // Entering again: the same party, a fresh link; the earlier one stops working.
    const again = await api(server.url, ida.token, 'POST', `/api/portfolio/cases/${holbaek.id}/enter`);
    const meAgain = await api(server.url, again.body.token, 'GET', `/api/cases/${holbaek.id}/me`);
    expect(meAgain.body.party.id).toBe(me.body.party.id);
    expect((await api(server.url, entered.body.token, 'GET', `/api/cases/${holbaek.id}/me`)).status).toBe(403);
    const parties = await api(server.url, holbaek.token, 'GET', `/api/cases/${holbaek.id}/parties`);
    expect(parties.body.filter((p: { kind: string }) => p.kind === 'fund')).toHaveLength(1);

    for (const caseId of [svendborg.id, 'no-such-case']) {
      const refused = await api(server.url, ida.token, 'POST', `/api/portfolio/cases/${caseId}/enter`);
      expect([refused.status, refused.body.error.code], caseId).toEqual([404, 'caseNotFound']);
    }

    // An archived case is not entered (read-only until restored); it is listed only when asked for, marked.
    const archived = await createCase(server, fund.key);
    expect((await api(server.url, fund.key, 'POST', `/api/cases/${archived.id}/archive`)).status).toBe(200);
    const refusedArchived = await api(server.url, ida.token, 'POST', `/api/portfolio/cases/${archived.id}/enter`);
    expect([refusedArchived.status, refusedArchived.body.error.code]).toEqual([409, 'caseArchived']);
    const listed = (await api(server.url, ida.token, 'GET', '/api/portfolio')).body as PortfolioAnswer;
    expect(listed.cases.map((row) => row.caseId)).not.toContain(archived.id);
    const withArchived = (await api(server.url, ida.token, 'GET', '/api/portfolio?archived=1')).body as PortfolioAnswer;
    expect(withArchived.cases.find((row) => row.caseId === archived.id)?.archivedAt).toEqual(expect.any(String));

    await api(server.url, fund.key, 'POST', `/api/organisation/members/${ida.member.id}/revoke`);
    const ended = await api(server.url, again.body.token, 'GET', `/api/cases/${holbaek.id}/me`);
    expect([ended.status, ended.body.error.code]).toEqual([403, 'accessEnded']);
  });
});
