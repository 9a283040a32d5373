import { describe, expect, it } from 'vitest';
import { amount, calendarYear, count, decimal, irrText, millions, money, percent } from './figureFormat.ts';

describe('figureFormat: the figures as the panel and the report write them', () => {
  it('writes amounts, rates, ratios and counts in Danish format', () => {
    expect(money(1234567.4)).toBe('1.234.567 kr.');
    expect(percent(0.035)).toBe('3,5 %');
    expect(decimal(1.3456)).toBe('1,35');
    expect(count(10000)).toBe('10.000');
    expect(amount(-1234567.6)).toBe('-1.234.568');
    expect(millions(12_345_678)).toBe('12,3');
  });

  it('names a year by the calendar when the start year is known', () => {
    expect(calendarYear(2, 2026, (n) => `år ${n}`)).toBe('2028');
    expect(calendarYear(2, undefined, (n) => `år ${n}`)).toBe('år 3');
  });

  it('shows an IRR only when there is one', () => {
    expect(irrText({ ok: true, rate: -0.2 })).toBe('-20 %');
    expect(irrText({ ok: false, reason: 'noInvestment' })).toBeUndefined();
    expect(irrText(undefined)).toBeUndefined();
  });
});
