import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './redactSecrets.ts';

describe('redactSecrets', () => {
  it('replaces the value of token and key parameters, keeps the rest', () => {
    expect(redactSecrets('/ws/abc?token=cr1_secret&x=1')).toBe(`/ws/abc?token=${REDACTED}&x=1`);
    expect(redactSecrets('/a?x=1&Token=cr1_s')).toBe(`/a?x=1&Token=${REDACTED}`);
    expect(redactSecrets('/a?organisationKey=k1&lang=da')).toBe(`/a?organisationKey=${REDACTED}&lang=da`);
    expect(redactSecrets('/a?%74oken=cr1_s')).toBe(`/a?%74oken=${REDACTED}`);
    expect(redactSecrets('/a?token')).toBe(`/a?token=${REDACTED}`);
  });

  it('leaves a URL without a query alone and drops an undecodable parameter', () => {
    expect(redactSecrets('/case/abc')).toBe('/case/abc');
    expect(redactSecrets('/a?%E0%A4%A=cr1_s')).toBe(`/a?${REDACTED}`);
    expect(redactSecrets(undefined)).toBe('');
  });
});
