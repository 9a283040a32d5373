import { api } from '@caseroom/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callApi } from './callApi.ts';

/** The server answers every request with this status and JSON body; the requests are kept. */
function serverAnswers(status: number, body: unknown) {
  const sent: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    }),
  );
  return sent;
}
afterEach(() => vi.unstubAllGlobals());

const party = { id: 'p1', name: 'Anna', kind: 'department', role: 'editor' } as const;

describe('callApi: one typed fetch over the endpoint table (issue 11)', () => {
  it('builds the request from the endpoint: method, path with encoded params, JSON body, the link', async () => {
    const sent = serverAnswers(200, { locks: {} });
    const result = await callApi(api.setLock, {
      params: { id: 'case 1' },
      body: { section: 'problem', locked: true },
      tokens: ['tok'],
    });
    expect(result).toEqual({ ok: true, value: { locks: {} } });
    expect(sent[0]?.url).toBe('/api/cases/case%201/workshop/locks');
    expect(sent[0]?.init.method).toBe('POST');
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({ section: 'problem', locked: true });
    expect(new Headers(sent[0]?.init.headers).get('authorization')).toBe('Bearer tok');
  });

  it('gives the answer as the endpoint’s schema reads it', async () => {
    serverAnswers(200, { party: { ...party, extra: 'ignored' } });
    expect(await callApi(api.me, { params: { id: 'c1' }, tokens: ['tok'] })).toEqual({ ok: true, value: { party } });
  });

  it('an answer that does not fit the schema is a failure, not unknown', async () => {
    serverAnswers(200, { party: { ...party, role: 'owner' } });
    const result = await callApi(api.me, { params: { id: 'c1' }, tokens: ['tok'] });
    expect(result).toMatchObject({ ok: false, reason: 'server' });
    expect(result.ok ? '' : result.message).toContain('party.role');
    serverAnswers(200, 'not json at all');
    expect(await callApi(api.listParties, { params: { id: 'c1' }, tokens: ['tok'] })).toMatchObject({ ok: false });
  });

  it('keeps the server’s failure as it is (status, code)', async () => {
    serverAnswers(409, { error: { code: 'voteClosed', message: 'Closed.' } });
    const result = await callApi(api.revealVote, { params: { id: 'c1', voteId: 'v1' }, tokens: ['tok'] });
    expect(result).toMatchObject({ ok: false, reason: 'server', status: 409, code: 'voteClosed' });
  });

  it('adds the query string', async () => {
    const sent = serverAnswers(200, { snapshotId: 's1', count: 0, sections: [] });
    await callApi(api.snapshotChanges, { params: { id: 'c1', sid: 's1' }, query: { lang: 'en' }, tokens: ['t'] });
    expect(sent[0]?.url).toBe('/api/cases/c1/snapshots/s1/changes?lang=en');
  });
});
