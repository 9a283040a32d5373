import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleCase } from '@caseroom/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { exampleAsSchema1 } from '../../shared/src/testing/oldFiles.ts';
import { run } from './main.ts';

let dir: string;
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'caseroom-cli-'));
});

describe('caseroom CLI', () => {
  it('validate: exit 0 on the example case', () => {
    const result = run(['validate', file('example.json', JSON.stringify(exampleCase()))]);
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain('Casen har ingen fejl.');
  });

  it('validate: exit 1 with the findings printed when the model has errors', () => {
    const model = exampleCase();
    // P19: the outcome's expected rate is the chosen candidate's (IPS).
    model.interventions.candidates[0]!.expectedRates['out-employment'] = 0.1;
    const result = run(['validate', file('broken-model.json', JSON.stringify(model)), '--lang', 'en']);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('[V3] outcomes/out-employment/expectedRate');
    expect(result.output).toContain('is not better than the baseline');
  });

  it('[P19 P7] price: a file from before candidate rates and rate cards (schema 1) prices as the example does', () => {
    const old = run([
      'price',
      file('schema1.json', JSON.stringify(exampleAsSchema1())),
      '--json',
      '--iterations',
      '100',
    ]);
    const now = run([
      'price',
      file('example-now.json', JSON.stringify(exampleCase())),
      '--json',
      '--iterations',
      '100',
    ]);
    expect(old.exitCode).toBe(0);
    expect(JSON.parse(old.output).pricing).toEqual(JSON.parse(now.output).pricing);
  });

  it('price: tables by default, JSON with --json, the same Monte Carlo figures for the same seed', () => {
    const path = file('example-price.json', JSON.stringify(exampleCase()));
    const table = run(['price', path, '--iterations', '2000']);
    expect(table.exitCode).toBe(0);
    expect(table.output).toContain('Kommunens nettonutidsværdi');
    expect(table.output).toMatch(/\d{1,3}(\.\d{3})+ kr\./);
    const a = JSON.parse(run(['price', path, '--json', '--seed', '7', '--iterations', '2000']).output);
    const b = JSON.parse(run(['price', path, '--json', '--seed', '7', '--iterations', '2000']).output);
    expect(a.monteCarlo).toEqual(b.monteCarlo);
    expect(a.monteCarlo.seed).toBe(7);
    expect(a.pricing.authorityNpv).toBeGreaterThan(0);
  });

  it('exit 2 when the file is missing, is not JSON, or is not a case — saying what and where', () => {
    const missing = run(['validate', join(dir, 'nope.json')]);
    expect(missing).toMatchObject({ exitCode: 2, toStderr: true });
    expect(missing.output).toContain('nope.json: filen kan ikke læses (ENOENT)');

    const truncated = run(['validate', file('truncated.json', JSON.stringify(exampleCase()).slice(0, 200))]);
    expect(truncated.exitCode).toBe(2);
    expect(truncated.output).toContain('truncated.json: Filen er ikke gyldig JSON: fejl i linje 1, kolonne 201');

    const wrongType = exampleCase() as unknown as { facts: { horizonYears: unknown } };
    wrongType.facts.horizonYears = 'ti år';
    const notACase = run(['price', file('wrong-type.json', JSON.stringify(wrongType)), '--lang', 'en']);
    expect(notACase.exitCode).toBe(2);
    expect(notACase.output).toContain('wrong-type.json: cannot be read as a case:\n  - Horizon: must be a number');
  });

  it('[9.6 P20] a horizon of 10¹⁵ years: a finding and exit 1, no RangeError', () => {
    const model = exampleCase();
    model.facts.horizonYears = 1e15;
    const path = file('horizon.json', JSON.stringify(model));
    for (const command of ['validate', 'price']) {
      const result = run([command, path, '--lang', 'en']);
      expect(result.exitCode, command).toBe(1);
      expect(result.output).toContain('[V1] facts/horizonYears: The horizon must be between 1 and 50 years.');
      expect(result.output).not.toMatch(/RangeError|Invalid array length|at \w+ \(/);
    }
    expect(run(['price', path, '--lang', 'en']).output).toContain(
      'The business case cannot be calculated: a number lies outside the bounds Caseroom calculates with',
    );
    const json = JSON.parse(run(['price', path, '--json']).output);
    expect(json).toMatchObject({
      priced: false,
      reason: 'outOfBounds',
      violations: [{ field: 'facts.horizonYears', path: ['facts', 'horizonYears'], problem: 'above' }],
    });
  });

  it('[9.6 P20] 10³⁰⁰-sized inputs print the bound they break, never "NaN kr."', () => {
    const model = exampleCase();
    model.targetGroup.intake[0]!.participants = 1e300;
    model.interventions.candidates[0]!.costPerParticipant = 1e300;
    model.outcomes[0]!.valuePerDepartment['dep-jobcenter'] = 1e300;
    const result = run(['price', file('huge.json', JSON.stringify(model)), '--iterations', '200']);
    expect(result.exitCode).toBe(1);
    expect(result.output).not.toMatch(/NaN|Infinity|∞/);
    expect(result.output).toContain('Deltagere må højst være 10.000.000');
  });

  it('[9.6 P20] an effect lasting 10.000.000 years is priced at once, cut at the horizon, with a warning', () => {
    const model = exampleCase();
    model.outcomes[0]!.durationYears = 10_000_000;
    const started = performance.now();
    const result = run(['price', file('long.json', JSON.stringify(model)), '--iterations', '2000']);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.exitCode).toBe(0);
    expect(result.output).toContain('Kommunens nettonutidsværdi');
    expect(result.output).toContain('! [V24] outcomes/out-employment/durationYears');
  });

  it('exit 2 on a wrong command or option', () => {
    expect(run(['frobnicate', 'x.json']).exitCode).toBe(2);
    expect(run(['price', 'x.json', '--seed', 'abc']).output).toContain('Ugyldig værdi for --seed: abc.');
    expect(run(['validate']).output).toContain('Angiv en case-fil');
  });

  // Starting a TypeScript process takes seconds on a loaded machine: a generous timeout.
  it('the real command sets the process exit code', { timeout: 60_000 }, () => {
    const bad = file('bad.json', '{"not": "a case"}');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/src/main.ts', 'validate', bad], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('bad.json: kan ikke læses som en case:');
  });
});
