import { describe, expect, it } from 'vitest';
import { exportFilename, slug } from './renderExport.ts';

describe('export file names', () => {
  it('spells out Danish letters, drops accents and anything unsafe', () => {
    expect(slug('Sygedagpenge og psykisk sygdom (illustrativt eksempel)')).toBe(
      'sygedagpenge-og-psykisk-sygdom-illustrativt-eksempel',
    );
    expect(slug('Ærø Ø-hop på café')).toBe('aeroe-oe-hop-paa-cafe');
    expect(slug('<script>"x"</script>/../=cmd|')).toBe('script-x-script-cmd');
    expect(slug('')).toBe('case');
    expect(slug('!!!')).toBe('case');
    expect(slug('a'.repeat(100))).toHaveLength(60);
  });

  it('adds the first 8 characters of the content hash', () => {
    expect(
      exportFilename(
        { case: { id: 'x', title: 'Plan' }, version: { contentHash: 'abcdef0123456789' } as never },
        'json',
      ),
    ).toBe('plan-vabcdef01.json');
    const plan = { case: { id: 'x', title: 'Plan' }, version: { contentHash: 'abcdef0123456789' } as never };
    expect(exportFilename(plan, 'xlsx', 'da')).toBe('plan-vabcdef01.xlsx');
    expect(exportFilename(plan, 'pdf', 'en')).toBe('plan-vabcdef01-en.pdf');
    expect(exportFilename(plan, 'json', 'en')).toBe('plan-vabcdef01.json');
    // The INDIGO record is JSON in no language.
    expect(exportFilename(plan, 'indigo', 'en')).toBe('plan-vabcdef01-indigo.json');
    expect(exportFilename(plan, 'indigo', 'da')).toBe('plan-vabcdef01-indigo.json');
  });
});
