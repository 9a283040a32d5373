import { describe, expect, it } from 'vitest';
import { bearerTokens, hashToken, isWellFormedToken, newToken, sameHash, tokenParameter } from './tokens.ts';

describe('tokens', () => {
  it('[A1] are cr1_ + 32 random bytes in base64url, all different', () => {
    const tokens = Array.from({ length: 200 }, newToken);
    for (const token of tokens) {
      expect(isWellFormedToken(token)).toBe(true);
      expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(200);
  });

  it('hash to SHA-256 hex and compare in constant time', () => {
    const token = newToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(sameHash(hashToken(token), hashToken(token))).toBe(true);
    expect(sameHash(hashToken(token), hashToken(newToken()))).toBe(false);
    expect(sameHash(hashToken(token), 'abcd')).toBe(false);
    expect(sameHash('', '')).toBe(false);
  });

  it('[A4] are read from a Bearer header (several, comma-separated) and from ?token=', () => {
    expect(bearerTokens(undefined)).toEqual([]);
    expect(bearerTokens('Basic abc')).toEqual([]);
    expect(bearerTokens('Bearer ')).toEqual([]);
    expect(bearerTokens('Bearer a')).toEqual(['a']);
    expect(bearerTokens('bearer a, b ,,c')).toEqual(['a', 'b', 'c']);
    expect(tokenParameter('/ws/abc?x=1&token=cr1_a-b_c')).toBe('cr1_a-b_c');
    // Told apart for the websocket: no parameter (the token comes in the first message) or an empty one.
    expect(tokenParameter('/ws/abc')).toBeUndefined();
    expect(tokenParameter('/ws/abc?x=1')).toBeUndefined();
    expect(tokenParameter('/ws/abc?token=')).toBe('');
  });
});
