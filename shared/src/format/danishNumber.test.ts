import { describe, expect, it } from 'vitest';
import { formatDanish, formatForInput, parseDanishNumber } from './danishNumber.ts';

describe('parseDanishNumber', () => {
  it.each([
    ['1.234.567', 'money', 1234567],
    ['1234567', 'money', 1234567],
    ['1.234,50 kr.', 'money', 1234.5],
    ['1 234 567 kr', 'money', 1234567],
    ['3,5', 'percent', 0.035],
    ['3,5 %', 'percent', 0.035],
    ['35%', 'percent', 0.35],
    ['100', 'percent', 1],
    ['1.5', 'decimal', 1.5],
    ['1.500', 'count', 1500],
    ['12 år', 'years', 12],
    ['400 personer', 'count', 400],
    ['0', 'money', 0],
  ] as const)('reads %s as a %s of %d', (input, kind, value) => {
    expect(parseDanishNumber(input, kind)).toEqual({ ok: true, value });
  });

  it('an empty entry clears the field', () => {
    expect(parseDanishNumber('  ', 'money')).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['abc', 'money', 'notANumber'],
    ['1,2,3', 'money', 'notANumber'],
    ['1.23.4', 'money', 'notANumber'],
    ['2,5', 'count', 'notWhole'],
    ['-5', 'money', 'negative'],
    ['−5', 'money', 'negative'],
    ['120', 'percent', 'percentRange'],
    ['99999999999999999', 'money', 'tooLarge'],
  ] as const)('refuses %s for a %s field (%s)', (input, kind, error) => {
    expect(parseDanishNumber(input, kind)).toEqual({ ok: false, error });
  });
});

describe('formatting', () => {
  it('shows numbers as Danes write them', () => {
    expect(formatForInput(1234567, 'money')).toBe('1.234.567');
    expect(formatForInput(0.035, 'percent')).toBe('3,5');
    expect(formatDanish(1234567.4, 'money')).toBe('1.234.567 kr.');
    expect(formatDanish(0.035, 'percent')).toBe('3,5 %');
    expect(formatDanish(12, 'years')).toBe('12 år');
    expect(formatDanish(undefined, 'money')).toBe('–');
  });

  it('what is shown reads back as the same number', () => {
    for (const [value, kind] of [
      [1234567, 'money'],
      [0.035, 'percent'],
      [0.1234, 'percent'],
      [42, 'count'],
      [1234.56, 'decimal'],
    ] as const) {
      expect(parseDanishNumber(formatForInput(value, kind), kind)).toEqual({ ok: true, value });
    }
  });
});
