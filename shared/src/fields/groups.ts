/**
 * The subgroup headings fields are laid out under (`layout.group`), per container, in both
 * languages — the form's headings between groups of fields.
 */
export const FIELD_GROUPS = {
  'facts.partners': { da: 'Parter', en: 'Partners' },
  'facts.economy': { da: 'Økonomiske rammer', en: 'Economic frame' },
  'interventions.choice': { da: 'Valg af indsats', en: 'Choice of intervention' },
  'outcome.effect': { da: 'Forventet effekt', en: 'Expected effect' },
  'outcome.value': {
    da: 'Værdi pr. opnået resultat (hvem får gevinsten)',
    en: 'Value of one achieved outcome (who gains)',
  },
  'outcome.payment': { da: 'Resultatbetaling', en: 'Outcome payment' },
  'paymentModel.funding': { da: 'Finansiering, loft og garanti', en: 'Funding, cap and guarantee' },
  'evaluation.design': { da: 'Evalueringsdesign', en: 'Evaluation design' },
  'evaluation.contract': { da: 'Kontrakt', en: 'Contract' },
} as const satisfies Record<string, { da: string; en: string }>;
export type FieldGroup = keyof typeof FIELD_GROUPS;
