import { businessCase, EXPLAINED_FIGURES, exampleCase, RULE_NAMES } from '@caseroom/shared';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { FigureDialog } from './FigureDialog.tsx';

const model = exampleCase();
const result = businessCase(model);
if (!result.priced.ok) throw new Error('the example case prices');

vi.mock('./businessCaseContext.tsx', () => ({ useBusinessCase: () => ({ model, result }) }));

// In Node the app store gives only its initial state to a server render: the language is set here.
let language: 'da' | 'en' = 'da';
vi.mock('../../store.ts', () => ({
  useUiStore: (select: (state: { language: 'da' | 'en' }) => unknown) => select({ language }),
}));

/** The text of the dialog's rules line. */
function rulesLine(html: string): string {
  const match = /<p[^>]*data-rules[^>]*>([\s\S]*?)<\/p>/.exec(html);
  return (match?.[1] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
}

describe('the figure dialog explains its rule codes in words', () => {
  it('names each rule in Danish: "P2 Diskontering, …, P12 Myndighed og offentlig sektor, P14 …"', () => {
    language = 'da';
    const html = renderToStaticMarkup(
      createElement(FigureDialog, { figure: 'authorityNpv', value: '1 kr.', onClose: () => {} }),
    );
    const line = rulesLine(html);
    expect(line).toContain('P2 Diskontering');
    expect(line).toContain('P12 Myndighed og offentlig sektor');
    expect(line).toContain(`P14 ${RULE_NAMES.P14.da}`);
  });

  for (const lang of ['da', 'en'] as const) {
    it(`leaves no rule code bare, in ${lang}`, () => {
      language = lang;
      for (const figure of EXPLAINED_FIGURES) {
        const html = renderToStaticMarkup(createElement(FigureDialog, { figure, value: '–', onClose: () => {} }));
        const line = rulesLine(html);
        const codes = [...line.matchAll(/\b(P\d+[a-z]?)\b/g)].map((m) => m[1] as keyof typeof RULE_NAMES);
        expect(codes.length, figure).toBeGreaterThan(0);
        for (const code of codes) expect(line, `${figure} ${code}`).toContain(`${code} ${RULE_NAMES[code][lang]}`);
      }
    });
  }
});
