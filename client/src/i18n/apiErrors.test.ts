import { ApiErrorCode } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import type { ApiErrorTexts } from './apiErrors.da.ts';
import { da } from './da.ts';
import { en } from './en.ts';

describe('the texts of the API error codes', () => {
  it.each(Object.values(ApiErrorCode))('%s has a Danish and an English text', (code) => {
    expect(da.apiErrors[code].length).toBeGreaterThan(10);
    expect(en.apiErrors[code].length).toBeGreaterThan(10);
    expect(da.apiErrors[code]).not.toBe(en.apiErrors[code]);
  });

  it('has no text for a code the server does not send', () => {
    expect(Object.keys(da.apiErrors).sort()).toEqual(Object.values(ApiErrorCode).sort());
    expect(Object.keys(en.apiErrors).sort()).toEqual(Object.values(ApiErrorCode).sort());
  });

  it('does not compile without a text for every code', () => {
    // @ts-expect-error — the table is keyed by ApiErrorCode: a missing code is a type error (pnpm typecheck).
    const incomplete: ApiErrorTexts = { badRequest: 'Serveren afviste oplysningerne.' };
    expect(Object.keys(incomplete)).toHaveLength(1);
  });
});
