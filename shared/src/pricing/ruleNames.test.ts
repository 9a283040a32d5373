import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULE_NAMES, rulesInWords, ruleWithName } from './ruleNames.ts';

describe('rule names', () => {
  it('write a rule code with its name in Danish and English', () => {
    expect(rulesInWords(['P2', 'P12', 'P14'], 'da')).toBe(
      'P2 Diskontering, P12 Myndighed og offentlig sektor, P14 Nutidsværdi og gevinst/omkostning',
    );
    expect(rulesInWords(['P2', 'P16'], 'en')).toBe('P2 Discounting, P16 Break-even');
    expect(ruleWithName('P99', 'da')).toBe('P99');
  });

  it('take the English names from the table in docs/pricing.md', () => {
    const doc = readFileSync(new URL('../../../docs/pricing.md', import.meta.url), 'utf8');
    const table = [...doc.matchAll(/^\| (P\d+[a-z]?) \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!.trim()] as const);
    expect(table.length).toBeGreaterThan(15);
    for (const [code, name] of table) expect(RULE_NAMES[code as keyof typeof RULE_NAMES]?.en, code).toBe(name);
  });

  it('name every rule the figure explanations cite', () => {
    const source = readFileSync(new URL('../businessCase/explain.ts', import.meta.url), 'utf8');
    const cited = new Set([...source.matchAll(/'(P\d+[a-z]?)'/g)].map((m) => m[1]!));
    expect(cited.size).toBeGreaterThan(3);
    for (const code of cited) expect(Object.hasOwn(RULE_NAMES, code), code).toBe(true);
  });
});
