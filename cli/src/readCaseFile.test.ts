import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CaseModelDraft, exampleCase } from '@caseroom/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from './main.ts';

let dir: string;
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caseroom-cli-read-'));
});

describe('caseroom CLI reads a case file as the import does', () => {
  it('a misspelt key exits 2 naming its path and the field likely meant — never priced without it', () => {
    const { paymentCap, ...paymentModel } = exampleCase().paymentModel;
    const misspelt = { ...exampleCase(), paymentModel: { ...paymentModel, paymentcap: paymentCap } };
    const path = file('paymentcap.json', misspelt);
    for (const command of ['validate', 'price']) {
      const da = run([command, path]);
      expect(da, command).toMatchObject({ exitCode: 2, toStderr: true });
      expect(da.output).toBe(
        `${path}: kan ikke læses som en case:\n  - Betalingsmodel: ukendt felt paymentModel/paymentcap — mente du paymentCap?`,
      );
      const en = run([command, path, '--lang', 'en', '--json']);
      expect(en.exitCode).toBe(2);
      expect(en.output).toContain('Payment model: unknown field paymentModel/paymentcap — did you mean paymentCap?');
    }
    // Spelt right, the same file prices (with its cap).
    const right = run(['price', file('paymentCap.json', exampleCase()), '--json', '--iterations', '200']);
    expect(right.exitCode).toBe(0);
  });

  it('lists every unknown key and a source note for a field that does not exist', () => {
    const model = exampleCase() as CaseModelDraft & { facts: Record<string, unknown> };
    model.facts.horizonyears = 10;
    (model.outcomes[0] as { sources: Record<string, string> }).sources.expectedRat = 'x';
    const result = run(['validate', file('several.json', model), '--lang', 'en']);
    expect(result.exitCode).toBe(2);
    expect(result.output.split('\n').slice(1)).toEqual([
      '  - Facts: unknown field facts/horizonyears — did you mean horizonYears?',
      '  - Outcome targets 1: source note for a field that does not exist: outcomes[id=out-employment]/sources/expectedRat — did you mean expectedRate?',
    ]);
  });

  it('a file of an older schema version is migrated and prices the same as its migrated form', () => {
    // Version 0 had one yearly value per outcome (the first department's) and no facts.sources.
    const example = exampleCase();
    const firstDepartment = example.facts.departments[0]?.id as string;
    const migrated = {
      ...example,
      facts: { ...example.facts, sources: {} },
      outcomes: example.outcomes.map((outcome, index) => ({
        ...outcome,
        valuePerDepartment: { [firstDepartment]: 100_000 + index * 25_000 },
      })),
    };
    const { sources: _sources, ...factsV0 } = migrated.facts;
    const v0 = {
      ...migrated,
      schemaVersion: 0,
      facts: factsV0,
      outcomes: migrated.outcomes.map(({ valuePerDepartment, ...outcome }) => ({
        ...outcome,
        value: valuePerDepartment[firstDepartment],
      })),
    };
    const args = ['--json', '--seed', '3', '--iterations', '500'];
    const old = run(['price', file('v0.json', v0), ...args]);
    const current = run(['price', file('v1.json', migrated), ...args]);
    expect(old.exitCode).toBe(0);
    expect(old.output).toBe(current.output);
    const figures = JSON.parse(old.output);
    expect(Number.isFinite(figures.pricing.authorityNpv)).toBe(true);
    // And differently from the example, whose outcomes are worth something to more departments.
    const example1 = run(['price', file('example.json', example), ...args]);
    expect(JSON.parse(example1.output).pricing.authorityNpv).not.toBe(figures.pricing.authorityNpv);
    expect(run(['validate', file('v0-validate.json', v0)]).exitCode).toBe(
      run(['validate', file('v1-validate.json', migrated)]).exitCode,
    );
  });
});
