import { describe, expect, it } from 'vitest';
import { offlineMergeDa } from '../../i18n/offlineMerge.da.ts';
import { offlineMergeEn } from '../../i18n/offlineMerge.en.ts';
import type { OfflineLoss } from './offlineLoss.ts';
import { describeLoss } from './offlineLossText.ts';

const loss = (overrides: Partial<OfflineLoss>): OfflineLoss => ({
  section: 'outcomes',
  path: ['outcomes', 'o1', 'expectedRate'],
  labelKey: 'outcome.expectedRate',
  item: 'Job',
  mine: 0.45,
  now: 0.5,
  ...overrides,
});

describe('an offline loss in words (issue 11)', () => {
  it('names the field and its item, and writes both numbers in Danish format with their unit', () => {
    expect(describeLoss(loss({}), 'da', offlineMergeDa)).toEqual({
      field: 'Forventet andel med indsats (Job)',
      line: 'Forventet andel med indsats (Job): din værdi 45 % — nu 50 %',
    });
    const money = loss({ labelKey: 'outcome.valuePerDepartment', detail: 'Jobcenter', mine: 1234567, now: undefined });
    expect(describeLoss(money, 'en', offlineMergeEn).line).toBe(
      'Value per achieved outcome (Job, Jobcenter): your value 1.234.567 kr. — now empty',
    );
  });

  it('names a choice by its option’s name, and an intake year as a year', () => {
    const direction = loss({ labelKey: 'outcome.direction', mine: 'higher', now: 'lower' });
    expect(describeLoss(direction, 'da', offlineMergeDa).line).toBe(
      'Retning (Job): din værdi Højere er bedre — nu Lavere er bedre',
    );
    const intake = {
      section: 'targetGroup' as const,
      path: ['targetGroup', 'intake', 1],
      labelKey: 'targetGroup.intake' as const,
    };
    expect(describeLoss({ ...intake, detail: '2', mine: 40, now: 45 }, 'da', offlineMergeDa).field).toBe(
      'Optag pr. år (år 2)',
    );
  });

  it('writes a calendar year as itself, not as an amount', () => {
    const year = loss({
      section: 'facts',
      path: ['facts', 'priceYear'],
      labelKey: 'facts.priceYear',
      item: undefined,
      mine: 2025,
      now: 2026,
    });
    expect(describeLoss(year, 'da', offlineMergeDa).line).toBe('Prisår: din værdi 2025 — nu 2026');
  });
});
