import { automaticVersionName } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { da } from '../../../i18n/da.ts';
import { en } from '../../../i18n/en.ts';
import { versionName } from './versionName.ts';

describe('version names in the reader’s language', () => {
  it('renders the automatic names the server stores in Danish', () => {
    const phase = automaticVersionName({ kind: 'phase', phase: 3 });
    const signoff = automaticVersionName({ kind: 'signoff', partyName: 'Jobcenter Holbæk' });
    const restore = automaticVersionName({ kind: 'beforeRestore', restoredName: 'Før prisændring' });
    expect(versionName({ name: phase, kind: 'phase' }, da)).toBe('Fase 3');
    expect(versionName({ name: signoff, kind: 'signoff' }, da)).toBe('Godkendelse: Jobcenter Holbæk');
    expect(versionName({ name: restore, kind: 'manual' }, da)).toBe('Før gendannelse af »Før prisændring«');
  });

  it('renders them in English in English', () => {
    expect(versionName({ name: 'Phase 3', kind: 'phase' }, en)).toBe('Phase 3');
    expect(versionName({ name: 'Sign-off: Jobcenter Holbæk', kind: 'signoff' }, en)).toBe('Sign-off: Jobcenter Holbæk');
    expect(versionName({ name: 'Before restoring "Før prisændring"', kind: 'manual' }, en)).toBe(
      'Before restoring "Før prisændring"',
    );
  });

  it('reads old snapshots stored with the English names (literal strings, not the formatter)', () => {
    expect(versionName({ name: 'Phase 1', kind: 'phase' }, da)).toBe('Fase 1');
    expect(versionName({ name: 'Sign-off: Fonden: "Social" Invest', kind: 'signoff' }, da)).toBe(
      'Godkendelse: Fonden: "Social" Invest',
    );
    expect(versionName({ name: 'Before restoring "Phase 2"', kind: 'manual' }, da)).toBe('Før gendannelse af »Fase 2«');
    expect(versionName({ name: 'Before restoring "Before restoring "Budget""', kind: 'manual' }, da)).toBe(
      'Før gendannelse af »Før gendannelse af »Budget««',
    );
  });

  it('keeps a name someone gave, even one that looks automatic', () => {
    expect(versionName({ name: 'Før budgetmødet', kind: 'manual' }, en)).toBe('Før budgetmødet');
    expect(versionName({ name: 'Phase 3', kind: 'manual' }, da)).toBe('Phase 3');
    expect(versionName({ name: 'Sign-off: x', kind: 'phase' }, da)).toBe('Sign-off: x');
  });
});
