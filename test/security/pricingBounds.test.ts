/**
 * Issue 9 item 6 and rule P20: an editor who types absurd numbers — an effect lasting
 * 10.000.000 years, a horizon of 10¹⁵ years — through an ordinary y-websocket client. The
 * server stores what the editor may write; what must hold is that every reader of the model
 * (the browsers, the CLI, the exports) prices it at once, with the findings that say what is
 * wrong, and never a NaN or Infinity.
 */
import { businessCase, type CaseModelDraft, getItem, riskAnalysis, sectionMap, setField } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { api, bearer, type NodeClient } from '../support/server.ts';
import { expectHonestSync, healthProbe, honestRoom } from './attackFixtures.ts';

/** Throws on the first NaN or ±Infinity anywhere in `value` (JSON.stringify would write null). */
function expectEveryNumberFinite(value: unknown, where: string): void {
  JSON.stringify(value, (key, item) => {
    if (typeof item === 'number' && !Number.isFinite(item)) throw new Error(`${where}: ${key} is ${item}`);
    return item;
  });
}

/** Runs `work` and returns its result and how long it took (ms). */
function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

describe('issue 9: bounds no one can break (P20)', () => {
  const resources = cleanupAfterEach();

  async function room() {
    const { server, parties, facilitator, editor } = await honestRoom(resources);
    // The export worker starts on the first export (seconds on a loaded machine): start it
    // before the edit, so the timed export after it measures the pricing, not the start.
    const before = await exportJson(server.url, parties.id, parties.facilitator);
    expect(before.status).toBe(200);
    return { server, parties, facilitator, editor };
  }

  /** The model as GET /api/cases/:id/model serves it, once `ready` holds for it. */
  async function poll(url: string, id: string, token: string, ready: (model: CaseModelDraft) => boolean) {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const response = await api<CaseModelDraft>(url, token, 'GET', `/api/cases/${id}/model`);
      expect(response.status).toBe(200);
      if (ready(response.body)) return response.body;
      if (Date.now() > deadline) throw new Error('the edit never reached the served model');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** One edit by a client, in one transaction (as the browser's forms write). */
  function edit(client: NodeClient, change: () => void) {
    client.doc.transact(change);
  }

  /** GET /api/cases/:id/export.json: its status, body and how long it took (ms). */
  async function exportJson(url: string, id: string, token: string) {
    const started = performance.now();
    const answer = await fetch(`${url}/api/cases/${id}/export.json`, { headers: bearer(token) });
    const text = await answer.text();
    return { status: answer.status, text, ms: performance.now() - started };
  }

  it('[9.6] an editor’s effect lasting 10.000.000 years: the model prices at once, cut at the horizon, with a warning', async () => {
    const { server, parties, facilitator, editor } = await room();
    const probe = healthProbe(server.url);
    edit(editor, () => setField(getItem(editor.doc, 'outcome', 'out-employment')!, 'durationYears', 10_000_000));

    const model = await poll(server.url, parties.id, parties.editor.token, (m) =>
      m.outcomes.some((o) => o.id === 'out-employment' && o.durationYears === 10_000_000),
    );
    const { result, ms } = timed(() => businessCase(model));
    expect(ms).toBeLessThan(1_000);
    if (!result.priced.ok) throw new Error(`not priced: ${result.priced.reason}`);
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        rule: 'V24',
        severity: 'warning',
        path: ['outcomes', 'out-employment', 'durationYears'],
      }),
    );
    expectEveryNumberFinite(result, 'businessCase');
    const { input, ranges } = result.priced;
    const risk = timed(() => riskAnalysis(input, ranges));
    expect(risk.ms).toBeLessThan(5_000);
    expectEveryNumberFinite(risk.result, 'riskAnalysis');

    const exported = await exportJson(server.url, parties.id, parties.facilitator);
    expect(exported.status).toBe(200);
    expect(exported.ms).toBeLessThan(5_000);
    expect(JSON.parse(exported.text).pricing.ok).toBe(true);
    expect(exported.text).not.toMatch(/NaN|Infinity/);

    expect(await probe.stop()).toBeLessThan(1_000);
    await expectHonestSync(facilitator, editor, 'after a long effect');
  });

  it('[9.6] an editor’s horizon of 10¹⁵ years: the model answers, is not priced, and says why', async () => {
    const { server, parties, facilitator, editor } = await room();
    const probe = healthProbe(server.url);
    edit(editor, () => {
      setField(getItem(editor.doc, 'outcome', 'out-employment')!, 'durationYears', 10_000_000);
      setField(sectionMap(editor.doc, 'facts')!, 'horizonYears', 1e15);
    });

    const model = await poll(server.url, parties.id, parties.facilitator, (m) => m.facts.horizonYears === 1e15);
    const { result, ms } = timed(() => businessCase(model));
    expect(ms).toBeLessThan(1_000);
    expect(result.priced).toMatchObject({
      ok: false,
      reason: 'outOfBounds',
      violations: [{ field: 'facts.horizonYears', path: ['facts', 'horizonYears'], value: 1e15, problem: 'above' }],
    });
    expect(result.findings).toContainEqual(
      expect.objectContaining({ rule: 'V1', severity: 'error', path: ['facts', 'horizonYears'] }),
    );
    // Every candidate in the comparison is "not priced" for the same reason — no figure at all.
    expect(result.candidates.every((c) => !c.priced && c.reason === 'outOfBounds')).toBe(true);
    expectEveryNumberFinite(result, 'businessCase');

    const exported = await exportJson(server.url, parties.id, parties.facilitator);
    expect(exported.status).toBe(200);
    expect(exported.ms).toBeLessThan(5_000);
    expect(JSON.parse(exported.text).pricing).toMatchObject({ ok: false, reason: 'outOfBounds' });
    expect(exported.text).not.toMatch(/NaN|Infinity/);
    // The workbook and the report say why there are no figures (they once answered 500).
    for (const format of ['xlsx', 'pdf']) {
      const file = await fetch(`${server.url}/api/cases/${parties.id}/export.${format}?version=current`, {
        headers: bearer(parties.facilitator),
      });
      expect(file.status, format).toBe(200);
      await file.arrayBuffer();
    }

    expect(await probe.stop()).toBeLessThan(1_000);
    await expectHonestSync(facilitator, editor, 'after a huge horizon');
  });
});
