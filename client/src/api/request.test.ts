import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, LINK_ENDED_EVENT, type LinkEndedDetail } from './request.ts';

/** The server answers every request with this status, JSON body and headers. */
function serverAnswers(status: number, body: unknown, headers: Record<string, string> = {}) {
  const sent: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      });
    }),
  );
  return sent;
}

let ended: LinkEndedDetail[];
beforeEach(() => {
  const target = new EventTarget();
  ended = [];
  target.addEventListener(LINK_ENDED_EVENT, (event) => ended.push((event as CustomEvent<LinkEndedDetail>).detail));
  vi.stubGlobal('window', target);
});
afterEach(() => vi.unstubAllGlobals());

describe('apiRequest (issue 10)', () => {
  it('a 403 linkExpired or accessEnded for a link tells the page, with that link', async () => {
    serverAnswers(403, { error: { code: 'linkExpired', message: 'This link has expired.' } });
    const result = await apiRequest('/api/cases/c1/me', { tokens: ['tok-A'] });
    expect(result).toMatchObject({ ok: false, reason: 'server', status: 403, code: 'linkExpired' });
    serverAnswers(403, { error: { code: 'accessEnded', message: 'Ended.' } });
    await apiRequest('/api/cases/c1/workshop', { tokens: ['tok-B'] });
    expect(ended).toEqual([
      { token: 'tok-A', code: 'linkExpired' },
      { token: 'tok-B', code: 'accessEnded' },
    ]);
  });

  it("a 409 accessEnded about another party, or a list with several links, is not the caller's link ending", async () => {
    serverAnswers(409, { error: { code: 'accessEnded', message: 'That party’s access was ended.' } });
    await apiRequest('/api/cases/c1/parties/p2', { method: 'PATCH', body: { expiresAt: null }, tokens: ['tok-F'] });
    serverAnswers(403, { error: { code: 'linkExpired' } });
    await apiRequest('/api/cases', { tokens: ['tok-A', 'tok-B'] });
    expect(ended).toEqual([]);
  });

  it('presents the organisation key instead of links, and reads when to retry after a 429', async () => {
    const sent = serverAnswers(429, { error: { code: 'tooManyRequests' } }, { 'retry-after': '42' });
    const result = await apiRequest('/api/cases', { method: 'POST', body: {}, organisationKey: 'crk1_key' });
    expect(new Headers(sent[0]?.init.headers).get('authorization')).toBe('Bearer crk1_key');
    expect(result).toMatchObject({ ok: false, status: 429, code: 'tooManyRequests', retryAfterSeconds: 42 });
  });
});

describe('readFailure: the error code, typed', () => {
  it("keeps a code of shared's ApiErrorCode and drops one this version does not know", async () => {
    serverAnswers(409, { error: { code: 'voteClosed', message: 'The vote is no longer open.' } });
    expect(await apiRequest('/api/x')).toMatchObject({ ok: false, status: 409, code: 'voteClosed' });
    serverAnswers(409, { error: { code: 'someFutureCode', message: 'New.' } });
    const unknown = await apiRequest('/api/x');
    expect(unknown).toMatchObject({ ok: false, status: 409, message: 'New.' });
    expect(unknown).not.toHaveProperty('code');
  });
});
