import { describe, expect, it } from 'vitest';
import { decodeLinkToken, encodeLinkToken, MESSAGE_LINK_TOKEN } from './linkToken.ts';

describe('link-token message', () => {
  it('carries a token there and back', () => {
    const bytes = encodeLinkToken('abc-123_XYZ');
    expect(bytes[0]).toBe(MESSAGE_LINK_TOKEN);
    expect(decodeLinkToken(bytes)).toBe('abc-123_XYZ');
  });

  it('is not fooled by other messages, trailing bytes, empty or oversized tokens', () => {
    expect(decodeLinkToken(new Uint8Array([0, 0, 1, 0]))).toBeUndefined();
    expect(decodeLinkToken(new Uint8Array([...encodeLinkToken('a'), 7]))).toBeUndefined();
    expect(decodeLinkToken(encodeLinkToken(''))).toBeUndefined();
    expect(decodeLinkToken(encodeLinkToken('x'.repeat(257)))).toBeUndefined();
    expect(decodeLinkToken(new Uint8Array([MESSAGE_LINK_TOKEN, 200]))).toBeUndefined();
  });
});
