import { formatDanish } from '../format/danishNumber.ts';
import type { Finding, FindingParam } from './finding.ts';
import { fieldLabel, type Language } from './labels.ts';
import { FINDING_MESSAGES_DA, FINDING_MESSAGES_EN, type FindingMessageKey } from './messages.ts';

/** A message template in the language; the key itself if there is none (never blank). */
export function messageTemplate(key: string, lang: Language): string {
  const catalogue: Record<string, string> = lang === 'da' ? FINDING_MESSAGES_DA : FINDING_MESSAGES_EN;
  return catalogue[key as FindingMessageKey] ?? key;
}

/** A finding as a sentence in Danish or English, numbers in Danish format. */
export function renderFinding(finding: Finding, lang: Language): string {
  const template = messageTemplate(finding.messageKey, lang);
  return template.replace(/\{(\w+)\}/g, (match, name: string, at: number) => {
    const param = finding.params[name];
    if (!param) return match;
    const rendered = renderParam(param, lang);
    // An amount ends in "kr."; a sentence ending right after it takes no second full stop.
    const endsSentence = template[at + match.length] === '.';
    return endsSentence && rendered.endsWith('.') ? rendered.slice(0, -1) : rendered;
  });
}

function renderParam(param: FindingParam, lang: Language): string {
  switch (param.kind) {
    case 'text':
      return param.value;
    case 'label':
      return fieldLabel(param.value, lang);
    case 'message':
      return messageTemplate(param.value, lang);
    case 'yearList':
      return yearList(param.value, lang);
    default:
      return formatDanish(param.value, param.kind, {
        years: lang === 'da' ? 'år' : param.value === 1 ? 'year' : 'years',
      });
  }
}

/** "år 2", "år 2 og 3", "år 2, 3 og 5" — and "year 2", "years 2 and 3" in English. */
function yearList(years: readonly number[], lang: Language): string {
  const numbers = years.map((year) => formatDanish(year, 'count'));
  const last = numbers.pop() ?? '';
  const joined = numbers.length === 0 ? last : `${numbers.join(', ')} ${lang === 'da' ? 'og' : 'and'} ${last}`;
  if (lang === 'da') return `år ${joined}`;
  return `${years.length === 1 ? 'year' : 'years'} ${joined}`;
}
