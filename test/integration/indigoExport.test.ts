import {
  buildCaseExport,
  type CaseModelDraft,
  exampleCase,
  INDIGO_SCHEMA,
  type IndigoProject,
  indigoRecord,
  toModel,
} from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeWorkshopRecord } from '../../shared/src/testing/workshopRecord.ts';
import { cleanupAfterEach } from '../support/cleanup.ts';
import { indigoProjectSchema, undefinedIndigoKeys, validateIndigoProject } from '../support/indigoSchema.ts';
import { api, bearer, createCase, startTestServer } from '../support/server.ts';

/**
 * docs/exchange.md, "INDIGO": the record validates (ajv, draft-07) against the standard's own
 * definitions of every property it carries, copied verbatim into test/fixtures/indigo at the
 * commit the record follows, and carries no key those definitions lack.
 */

function expectValid(record: unknown) {
  const { ok, errors } = validateIndigoProject(record);
  expect(errors).toEqual([]);
  expect(ok).toBe(true);
  expect(undefinedIndigoKeys(record)).toEqual([]);
}

function recordOf(model: CaseModelDraft, agreed: boolean): IndigoProject {
  const source = { caseId: 'c-1', model, source: 'current', now: new Date('2026-11-28T10:00:00Z'), iterations: 100 };
  const hash = buildCaseExport({ ...source, workshop: makeWorkshopRecord() }).version.contentHash;
  const workshop = makeWorkshopRecord(
    agreed ? { requiredSigners: ['p'], signoffs: { p: { hash, at: '2026-11-27T12:00:00.000Z', partyName: 'P' } } } : {},
  );
  return indigoRecord(buildCaseExport({ ...source, workshop }));
}

describe('INDIGO record against the standard’s schema (fixture)', () => {
  it('the fixture names the repository, path and full commit the mapping follows', () => {
    const { $comment } = indigoProjectSchema();
    expect($comment).toContain(`${INDIGO_SCHEMA.repository}, ${INDIGO_SCHEMA.path} at commit ${INDIGO_SCHEMA.commit}`);
    expect(INDIGO_SCHEMA.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('the example case, agreed and not, and an empty case validate and carry only defined keys', () => {
    expectValid(recordOf(exampleCase(), true));
    expectValid(recordOf(exampleCase(), false));
    expectValid(recordOf(toModel(new Y.Doc()), false));
  });

  it('the checks can fail: a wrong type, a value outside a codelist and an undefined key are each caught', () => {
    const record = recordOf(exampleCase(), true);
    const wrongType = structuredClone(record) as Record<string, unknown> & IndigoProject;
    (wrongType.outcome_pricings?.[0]?.price_per_unit.amount as { value: unknown }).value = '250000';
    expect(validateIndigoProject(wrongType).ok).toBe(false);
    const outsideCodelist = { ...record, stage_development: { value: 'Late-stage design' } };
    expect(validateIndigoProject(outsideCodelist).ok).toBe(false);
    const badDate = { ...record, dates: { outcomes_contract_signed: { value: '27/11/2026' } } };
    expect(validateIndigoProject(badDate).ok).toBe(false);
    const extra = structuredClone(record) as IndigoProject & { organisations?: unknown };
    extra.organisations = [];
    (extra.investments?.[0] as Record<string, unknown>).guarantee = { value: 1 };
    // The standard allows extra keys, so ajv passes; the copied-definitions check does not.
    expect(validateIndigoProject(extra).ok).toBe(true);
    expect(undefinedIndigoKeys(extra)).toEqual(['investments[0].guarantee', 'organisations']);
  });
});

describe('GET /api/cases/:id/export.indigo through a real server', () => {
  const { servers } = cleanupAfterEach();

  it('the agreed example case exports as a record that validates and carries the expected pricings and commitments', async () => {
    const server = await startTestServer();
    servers.push(server);
    const created = await createCase(server.url, { example: true });
    const call = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) =>
      api(server.url, created.token, method, `/api/cases/${created.id}${path}`, body);
    const me = (await call('GET', '/me')).body.party;
    expect((await call('PUT', '/workshop/required-signers', { partyIds: [me.id] })).status).toBe(200);
    const hash: string = (await call('GET', '/workshop')).body.contentHash;
    expect((await call('POST', '/workshop/signoffs', { hash })).status).toBe(201);

    const response = await fetch(`${server.url}/api/cases/${created.id}/export.indigo`, {
      headers: bearer(created.token),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="sygedagpenge-og-psykisk-sygdom-illustrativt-eksempel-v${hash.slice(0, 8)}-indigo.json"`,
    );
    const record = (await response.json()) as IndigoProject;
    expectValid(record);

    // Expected values from the example's inputs: the rate card's prices, the payer shares of the cap.
    const model = exampleCase();
    expect(record.stage_development).toEqual({ value: 'Contracted' });
    const signedAt: string = (await call('GET', '/workshop')).body.workshop.signoffs[me.id].at;
    expect(record.dates?.outcomes_contract_signed?.value).toBe(signedAt.slice(0, 10));
    expect(record.outcome_pricings?.map((p) => [p.outcome_metric_id.value, p.price_per_unit.amount.value])).toEqual(
      model.outcomes.flatMap((o) => (o.points ?? []).map((point) => [o.id, point.price])),
    );
    const cap = model.paymentModel.paymentCap ?? 0;
    expect(
      record.outcome_payment_commitments?.map((c) => [
        c.organisation_id.value,
        c.maximum_potential_outcome_payment?.amount.value,
      ]),
    ).toEqual(
      Object.entries(model.paymentModel.payerShares ?? {}).map(([departmentId, share]) => [
        `caseroom-${created.id}-department-${departmentId}`,
        share * cap,
      ]),
    );

    // Language-independent: ?lang=en gives the same bytes' content.
    const english = await fetch(`${server.url}/api/cases/${created.id}/export.indigo?lang=en`, {
      headers: bearer(created.token),
    });
    expect(await english.json()).toEqual(record);
  });
});
