import { describe, expect, it } from 'vitest';
import { exampleCase } from '../example/exampleCase.ts';
import { CaseModel, CaseModelDraft } from './caseModel.ts';

describe('case model schemas', () => {
  it('the built-in example is a complete case', () => {
    const result = CaseModel.safeParse(exampleCase());
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('a draft may miss every input that a complete case needs', () => {
    const model = exampleCase();
    model.facts.title = undefined;
    model.outcomes[0]!.expectedRate = undefined;
    expect(CaseModelDraft.safeParse(model).success).toBe(true);
    const complete = CaseModel.safeParse(model);
    expect(complete.success).toBe(false);
    const paths = complete.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toContain('facts.title');
    expect(paths).toContain('outcomes.0.expectedRate');
  });

  it('a draft holds out-of-range numbers (range checks belong to validation), a complete case does not', () => {
    const model = exampleCase();
    model.outcomes[0]!.expectedRate = 1.7;
    model.facts.horizonYears = 80;
    expect(CaseModelDraft.safeParse(model).success).toBe(true);
    const paths = CaseModel.safeParse(model).error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['outcomes.0.expectedRate', 'facts.horizonYears']));
  });

  it('rejects wrong types even in a draft', () => {
    const model = exampleCase() as unknown as { facts: { discountRate: unknown } };
    model.facts.discountRate = '3,5 %';
    expect(CaseModelDraft.safeParse(model).success).toBe(false);
  });

  it('a draft rejects an unknown schema version', () => {
    expect(CaseModelDraft.safeParse({ ...exampleCase(), schemaVersion: 99 }).success).toBe(false);
  });
});
