import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adoptLinkToken, caseLink, readToken, TOKEN_STORED_EVENT } from './tokens.ts';

/** localStorage as the browser has it, in memory. */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

/** A page at `href`: its location, and a history whose replaceState moves it. */
function pageAt(href: string) {
  const location = { href, pathname: new URL(href).pathname } as Location;
  const replaced: string[] = [];
  const history = {
    state: { kept: true },
    replaceState: (_state: unknown, _unused: string, url: string) => {
      replaced.push(url);
      const next = new URL(url, href);
      location.href = next.href;
      (location as { pathname: string }).pathname = next.pathname;
    },
  } as unknown as History;
  return { location, history, replaced };
}

const TOKEN = 'cr1_AbC-dEf_0123456789abcdefghijklmnopqrstu';

let events: string[];
beforeEach(() => {
  const target = new EventTarget();
  events = [];
  target.addEventListener(TOKEN_STORED_EVENT, (event) => events.push((event as CustomEvent).detail.caseId));
  Object.assign(globalThis, { window: Object.assign(target, { localStorage: new MemoryStorage() }) });
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'window');
});

describe('adoptLinkToken (issue 10: the token rides in the fragment)', () => {
  it('stores the token of a #token= link and removes it from the address bar', () => {
    const page = pageAt(`https://caseroom.example/case/c-1#token=${TOKEN}`);
    adoptLinkToken(page.location, page.history);
    expect(readToken('c-1')).toBe(TOKEN);
    expect(events).toEqual(['c-1']);
    expect(page.replaced).toEqual(['/case/c-1']);
    expect(page.location.href).not.toContain(TOKEN);
  });

  it('still accepts the ?token= of older links, and removes it', () => {
    const page = pageAt(`https://caseroom.example/case/c-2?token=${TOKEN}`);
    adoptLinkToken(page.location, page.history);
    expect(readToken('c-2')).toBe(TOKEN);
    expect(page.replaced).toEqual(['/case/c-2']);
  });

  it('keeps the rest of the query and fragment', () => {
    const page = pageAt(`https://caseroom.example/case/c-3?lang=en&token=old#token=${TOKEN}&section=facts`);
    adoptLinkToken(page.location, page.history);
    // The fragment wins over the query: it is the newer form of the link.
    expect(readToken('c-3')).toBe(TOKEN);
    expect(page.replaced).toEqual(['/case/c-3?lang=en#section=facts']);
  });

  it('leaves an address without a token alone', () => {
    const page = pageAt('https://caseroom.example/case/c-4#section=facts');
    adoptLinkToken(page.location, page.history);
    expect(page.replaced).toEqual([]);
    expect(readToken('c-4')).toBeUndefined();
  });

  it('removes a token from a page that is not a case, without storing it', () => {
    const page = pageAt(`https://caseroom.example/#token=${TOKEN}`);
    adoptLinkToken(page.location, page.history);
    expect(page.replaced).toEqual(['/']);
    expect(events).toEqual([]);
  });

  it('reads back what caseLink writes', () => {
    const link = caseLink('c 5/x', TOKEN, 'https://caseroom.example');
    expect(link).toBe(`https://caseroom.example/case/c%205%2Fx#token=${TOKEN}`);
    expect(new URL(link).search).toBe('');
    const page = pageAt(link);
    adoptLinkToken(page.location, page.history);
    expect(readToken('c 5/x')).toBe(TOKEN);
  });
});
