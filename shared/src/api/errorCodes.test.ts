import { describe, expect, it } from 'vitest';
import { ApiErrorCode, isApiErrorCode } from './errorCodes.ts';

describe('ApiErrorCode', () => {
  it('gives every code its own value', () => {
    const values = Object.values(ApiErrorCode);
    expect(new Set(values).size).toBe(values.length);
  });

  it('knows its own codes and nothing else', () => {
    for (const code of Object.values(ApiErrorCode)) expect(isApiErrorCode(code)).toBe(true);
    for (const other of ['tokenRevoked', 'BadRequest', '', 7, undefined, null])
      expect(isApiErrorCode(other)).toBe(false);
  });
});
