import { Count, Money, Rate } from '../model/primitives.ts';
import { EVIDENCE_LEVEL_NAMES, EVIDENCE_LEVELS } from './choices.ts';
import { choice, number, numberRecord, reference, richText, shortText } from './kinds.ts';

/** The choice among the candidates (section `interventions`). */
export const INTERVENTIONS_FIELDS = {
  chosenId: reference('intervention', {
    da: { label: 'Valgt indsats', help: 'Den indsats, gruppen har besluttet at gå videre med.' },
    en: { label: 'Chosen intervention', help: 'The intervention the group decided to go ahead with.' },
    layout: { group: 'interventions.choice' },
    exportRows: { xlsx: 'case', pdf: 'case' },
  }),
  rationale: richText({
    da: { label: 'Begrundelse for valget', name: 'Begrundelse', help: 'Hvorfor gruppen valgte netop denne indsats.' },
    en: { label: 'Why this one', name: 'Rationale', help: 'Why the group chose this intervention.' },
    layout: { group: 'interventions.choice' },
    exportRows: { xlsx: 'case', pdf: 'case' },
  }),
};

/** One candidate intervention (an item of the `intervention` list). */
export const INTERVENTION_FIELDS = {
  name: shortText({
    required: true,
    maxChars: 200,
    da: { label: 'Navn', name: 'Indsatsens navn', help: 'Fx "IPS – individuelt planlagt job med støtte".' },
    en: { label: 'Name', name: 'Intervention name', help: 'E.g. "IPS – individual placement and support".' },
    layout: { columns: 2 },
    exportRows: { xlsx: 'inputs', pdf: 'case' },
  }),
  description: richText({
    da: { label: 'Beskrivelse', help: 'Hvad indsatsen går ud på, og hvordan den virker.' },
    en: { label: 'Description', help: 'What the intervention is and how it works.' },
    exportRows: { pdf: 'case' },
  }),
  provider: shortText({
    required: true,
    maxChars: 200,
    da: { label: 'Leverandør', help: 'Hvem der skal udføre indsatsen.' },
    en: { label: 'Provider', help: 'Who would deliver the intervention.' },
    layout: { columns: 2 },
    exportRows: { pdf: 'case' },
  }),
  evidenceLevel: choice(EVIDENCE_LEVELS, EVIDENCE_LEVEL_NAMES, {
    da: { label: 'Evidens', name: 'Evidensniveau', help: 'Hvor godt indsatsens effekt er dokumenteret.' },
    en: { label: 'Evidence', name: 'Evidence level', help: 'How well the intervention’s effect is documented.' },
    exportRows: { pdf: 'case' },
  }),
  costPerParticipant: number('money', Money, {
    da: { label: 'Pris pr. deltager', help: 'Hvad et helt forløb koster for én deltager.' },
    en: { label: 'Cost per participant', help: 'What a full course costs for one participant.' },
    sourceNote: true,
    layout: { columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'case' },
  }),
  fixedCostPerYear: number('money', Money, {
    da: { label: 'Faste omkostninger pr. år', help: 'Udgifter, der ikke afhænger af antallet af deltagere.' },
    en: { label: 'Fixed cost per year', help: 'Costs that do not depend on the number of participants.' },
    sourceNote: true,
    layout: { columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'case' },
  }),
  durationYears: number('years', Count.min(1), {
    da: { label: 'Varighed', help: 'Hvor mange år et forløb varer.' },
    en: { label: 'Duration', help: 'How many years one course lasts.' },
    sourceNote: true,
    layout: { columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'case' },
  }),
  /** P19: the expected rate with this candidate, per outcome id (the outcome's expected rate is the chosen candidate's). */
  expectedRates: numberRecord('percent', Rate, {
    keyedBy: 'outcome',
    da: {
      label: 'Forventet niveau pr. resultatmål',
      name: 'Forventet andel med indsatsen',
      help: 'Andelen, der forventes at opnå hvert resultatmål med netop denne indsats.',
    },
    en: {
      label: 'Expected rate per outcome',
      name: 'Expected rate with this intervention',
      help: 'The share expected to achieve each outcome with this intervention.',
    },
    sourceNote: true,
    exportRows: { xlsx: 'inputs', pdf: 'case' },
  }),
};
