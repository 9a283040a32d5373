import type { Language } from '../fields/language.ts';

/**
 * The pricing rules of docs/pricing.md by name, in Danish and English, so a rule code is never
 * shown bare: the figure dialog writes "P2 Diskontering", not "P2". The English names are the
 * table's in docs/pricing.md; rules with a letter are the choices made where the requirements
 * left one open.
 */
export const RULE_NAMES = {
  P0: { da: 'Inddata fra et udkast', en: 'Inputs from a draft' },
  P1: { da: 'År', en: 'Years' },
  P2: { da: 'Diskontering', en: 'Discounting' },
  P3: { da: 'Indsatsens omkostninger', en: 'Intervention cost' },
  P4: { da: 'Finansiering', en: 'Funding' },
  P5: { da: 'Ekstra resultater', en: 'Additional outcomes' },
  P6: { da: 'Offentlig værdi', en: 'Public value' },
  P7: { da: 'Resultatbetalinger', en: 'Outcome payments' },
  P8: { da: 'Loft over betalinger', en: 'Cap' },
  P9: { da: 'Afkastloft', en: 'Return cap' },
  P10: { da: 'Rækkefølge', en: 'Order' },
  P11: { da: 'Garanti', en: 'Guarantee' },
  P12: { da: 'Myndighed og offentlig sektor', en: 'Authority and public sector' },
  P12a: { da: 'Hele den offentlige sektor', en: 'Public-sector total' },
  P13: { da: 'Investor', en: 'Investor' },
  P14: { da: 'Nutidsværdi og gevinst/omkostning', en: 'NPV, BCR' },
  P15: { da: 'Intern rente (IRR)', en: 'IRR' },
  P16: { da: 'Break-even', en: 'Break-even' },
  P17: { da: 'Hvem betaler, hvem vinder', en: 'Who pays / who gains' },
  P17a: { da: 'Egen omkostning pr. forvaltning', en: 'Own cost per department' },
  P18: { da: 'Risiko', en: 'Risk' },
  P18a: { da: 'Hvad en intervalfaktor gør', en: 'What a range factor does' },
  P18b: { da: 'Lav og høj', en: 'Low and high' },
  P19: { da: 'Indsatser', en: 'Candidates' },
  P20: { da: 'Grænser', en: 'Bounds' },
} as const satisfies Record<string, Record<Language, string>>;

/** A pricing rule's code (`P2`, `P12a`). */
export type RuleCode = keyof typeof RULE_NAMES;

/** A rule code with its name in the language ("P2 Diskontering"); an unknown code as it is. */
export function ruleWithName(code: string, lang: Language): string {
  return Object.hasOwn(RULE_NAMES, code) ? `${code} ${RULE_NAMES[code as RuleCode][lang]}` : code;
}

/** Rule codes named in words, in order ("P2 Diskontering, P12 Myndighed og offentlig sektor"). */
export function rulesInWords(codes: readonly string[], lang: Language): string {
  return codes.map((code) => ruleWithName(code, lang)).join(', ');
}
