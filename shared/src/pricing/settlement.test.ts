import { describe, expect, it } from 'vitest';
import { settlementYear } from './settlement.ts';

describe('P11 settlement year', () => {
  it('is the contract’s last year within the horizon, else the horizon’s last year', () => {
    expect(settlementYear(10, 6)).toBe(5);
    expect(settlementYear(10, 12)).toBe(9);
    expect(settlementYear(10)).toBe(9);
    expect(settlementYear(1, 1)).toBe(0);
  });
});
