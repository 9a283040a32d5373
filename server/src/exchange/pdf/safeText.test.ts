import { describe, expect, it } from 'vitest';
import { MAX_FIELD_CHARS, oneLine, safeText } from './safeText.ts';

describe('safeText', () => {
  it('keeps markup and formulas as the characters they are', () => {
    for (const value of [
      '<script>alert(1)</script>',
      '<b>bold?</b>',
      '=HYPERLINK("http://evil","x")',
      "=cmd|' /C calc'!A0",
    ]) {
      expect(safeText(value)).toBe(value);
    }
  });

  it('drops control characters and bidirectional overrides, keeps newlines, turns tabs into spaces', () => {
    expect(safeText('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('abcdef');
    expect(safeText('evil\u202egnp.exe\u2066x\u2069')).toBe('evilgnp.exex');
    expect(safeText('line 1\r\nline 2\rline 3\tend')).toBe('line 1\nline 2\nline 3 end');
    expect(safeText('\ufeffæøå ÆØÅ 😀')).toBe('æøå ÆØÅ 😀');
  });

  it('cuts a long field with …, never inside a surrogate pair', () => {
    expect(safeText('x'.repeat(MAX_FIELD_CHARS + 10))).toBe(`${'x'.repeat(MAX_FIELD_CHARS)}…`);
    expect(safeText(`${'x'.repeat(9)}😀😀`, 10)).toBe(`${'x'.repeat(9)}…`);
    expect(safeText('short', 10)).toBe('short');
    expect(safeText(undefined)).toBe('');
  });

  it('oneLine joins lines and cuts at 300 characters by default', () => {
    expect(oneLine('a\n  b\nc')).toBe('a b c');
    expect(oneLine('y'.repeat(400))).toBe(`${'y'.repeat(300)}…`);
  });
});
