/** The report's text catalogue: pick a language (reportText.da.ts is the reference, reportText.en.ts follows it). */
import { da, type ReportText } from './reportText.da.ts';
import { en } from './reportText.en.ts';

export type { ReportText } from './reportText.da.ts';

/** The report's languages; Danish is the default. */
export type ReportLanguage = 'da' | 'en';

/** The report text in a language. */
export function reportText(lang: ReportLanguage): ReportText {
  return lang === 'en' ? en : da;
}
