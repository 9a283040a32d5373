import { fieldsOf } from '@caseroom/shared';
import { describe, expect, it } from 'vitest';
import { formBlocks } from './formLayout.ts';

const keysOf = (container: Parameters<typeof fieldsOf>[0]) =>
  formBlocks(fieldsOf(container)).map((block) => ({
    group: block.group,
    rows: block.rows.map((row) => [row.columns ?? 'wide', ...row.fields.map((field) => field.key)]),
  }));

describe('form layout from the registry', () => {
  it('puts fields without a group first, then the groups in FIELD_GROUPS order, leaving out workshop state', () => {
    const blocks = formBlocks([...fieldsOf('facts'), ...fieldsOf('facts.partners')]);
    expect(blocks.map((block) => block.group)).toEqual([undefined, 'facts.partners', 'facts.economy']);
    expect(blocks.flatMap((block) => block.rows.flatMap((row) => row.fields.map((field) => field.key)))).not.toContain(
      'phase',
    );
  });

  it('shares a grid row between neighbours with the same columns; groups of inputs and long texts stand alone', () => {
    expect(keysOf('outcome')).toEqual([
      {
        group: undefined,
        rows: [
          [2, 'name'],
          ['wide', 'definition'],
          [2, 'direction', 'dataSource', 'measurementMethod'],
        ],
      },
      {
        group: 'outcome.effect',
        rows: [[3, 'baselineRate', 'expectedRate', 'attribution', 'lagYears', 'durationYears', 'persistence']],
      },
      { group: 'outcome.value', rows: [['wide', 'valuePerDepartment']] },
      { group: 'outcome.payment', rows: [['wide', 'points']] },
    ]);
  });
});
