import { choiceName, fieldLabel, formatFieldNumber } from '@caseroom/shared';
import type { Language } from '../../i18n/languageSlice.ts';
import type { OfflineMergeMessages } from '../../i18n/offlineMerge.da.ts';
import type { OfflineLoss } from './offlineLoss.ts';

/** A loss as the notice reads it: the field's name, and the whole line. */
export type LossText = { field: string; line: string };

/**
 * "Forventet andel med indsats (Job): din værdi 45 % — nu 50 %". A number is written in Danish
 * format by its field's unit in the registry (a rate in %, money in kr., years; a calendar year
 * as itself), as a change line writes it.
 */
export function describeLoss(loss: OfflineLoss, lang: Language, t: OfflineMergeMessages): LossText {
  const context = [
    loss.item,
    loss.detail && (loss.labelKey === 'targetGroup.intake' ? t.intakeYear(loss.detail) : loss.detail),
  ]
    .filter((part): part is string => Boolean(part))
    .join(', ');
  const field = `${fieldLabel(loss.labelKey, lang)}${context ? ` (${context})` : ''}`;
  const show = (value: unknown): string => {
    if (value === undefined || value === '') return t.empty;
    if (typeof value === 'number') return formatFieldNumber(loss.labelKey, value, lang);
    return choiceName(loss.labelKey, String(value), lang) ?? `»${String(value)}«`;
  };
  return { field, line: t.line(field, show(loss.mine), show(loss.now)) };
}
