import { describe, expect, it } from 'vitest';
import { NetworkConfigError } from './NetworkConfigError.ts';
import { parsePublicUrl } from './publicUrl.ts';

describe('parsePublicUrl', () => {
  it('returns the origin without a trailing slash', () => {
    expect(parsePublicUrl('https://caseroom.example.org/')).toBe('https://caseroom.example.org');
    expect(parsePublicUrl(' http://192.168.1.20:4321 ')).toBe('http://192.168.1.20:4321');
    expect(parsePublicUrl('https://caseroom.example.org:443')).toBe('https://caseroom.example.org');
  });

  it.each([
    ['caseroom.example.org', 'must be the address people open'],
    ['ftp://caseroom.example.org', 'must start with https:// or http://'],
    ['https://caseroom.example.org/caseroom', 'cannot be served under a path'],
    ['https://caseroom.example.org/?a=1', 'must not have a query'],
    ['https://user:pw@caseroom.example.org', 'must not contain a user name'],
  ])('refuses %s', (text, message) => {
    expect(() => parsePublicUrl(text)).toThrow(NetworkConfigError);
    expect(() => parsePublicUrl(text)).toThrow(message);
  });
});
