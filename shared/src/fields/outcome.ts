import { Count, Money, Rate } from '../model/primitives.ts';
import { DIRECTION_NAMES, DIRECTIONS } from './choices.ts';
import { choice, measurementPoints, number, numberRecord, shortText } from './kinds.ts';

/** One outcome target: what is measured, the expected effect, its value and its price (an item of the `outcome` list). */
export const OUTCOME_FIELDS = {
  name: shortText({
    required: true,
    maxChars: 200,
    da: { label: 'Navn', name: 'Resultatmålets navn', help: 'Fx "I ordinær beskæftigelse".' },
    en: { label: 'Name', name: 'Outcome name', help: 'E.g. "In ordinary employment".' },
    layout: { columns: 2 },
    exportRows: { xlsx: 'inputs', pdf: 'outcomes' },
  }),
  definition: shortText({
    required: true,
    da: { label: 'Definition', help: 'Præcis hvad der tæller som et opnået resultat.' },
    en: { label: 'Definition', help: 'Exactly what counts as an achieved outcome.' },
    layout: { multiline: true },
    exportRows: { pdf: 'outcomes' },
  }),
  direction: choice(DIRECTIONS, DIRECTION_NAMES, {
    da: { label: 'Retning', help: 'Om et højere eller et lavere tal er en forbedring.' },
    en: { label: 'Direction', help: 'Whether a higher or a lower figure is an improvement.' },
    layout: { columns: 2 },
    exportRows: { pdf: 'outcomes' },
  }),
  dataSource: shortText({
    required: true,
    da: { label: 'Datakilde', help: 'Hvor tallene kommer fra, fx DREAM eller et fagsystem.' },
    en: { label: 'Data source', help: 'Where the figures come from, e.g. a national register.' },
    layout: { columns: 2 },
    exportRows: { pdf: 'outcomes' },
  }),
  measurementMethod: shortText({
    da: { label: 'Målemetode', help: 'Hvordan og hvornår der måles.' },
    en: { label: 'Measurement method', help: 'How and when it is measured.' },
    layout: { columns: 2 },
    exportRows: { pdf: 'outcomes' },
  }),
  baselineRate: number('percent', Rate, {
    da: {
      label: 'Basisniveau',
      name: 'Andel uden indsats (baseline)',
      help: 'Andelen, der ville opnå resultatet uden indsatsen.',
    },
    en: { label: 'Baseline rate', help: 'The share who would achieve the outcome without the intervention.' },
    sourceNote: true,
    layout: { group: 'outcome.effect', columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'outcomes' },
  }),
  expectedRate: number('percent', Rate, {
    ofChosenCandidate: 'expectedRates',
    da: {
      label: 'Forventet niveau',
      name: 'Forventet andel med indsats',
      help: 'Andelen, der forventes at opnå resultatet med den valgte indsats (ændres her, ændres indsatsens).',
    },
    en: {
      label: 'Expected rate',
      help: 'The share expected to achieve the outcome with the chosen intervention (editing it here edits the intervention’s).',
    },
    sourceNote: true,
    layout: { group: 'outcome.effect', columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'outcomes' },
  }),
  attribution: number('percent', Rate, {
    da: { label: 'Tilskrivning', help: 'Hvor stor en del af forbedringen der skyldes indsatsen. Normalt 100 %.' },
    en: { label: 'Attribution', help: 'How much of the improvement is due to the intervention. Normally 100 %.' },
    sourceNote: true,
    layout: { group: 'outcome.effect', columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'outcomes' },
  }),
  lagYears: number('years', Count, {
    da: { label: 'Forsinkelse', help: 'Antal år fra start til første måling.' },
    en: { label: 'Lag', help: 'Years from the start to the first measurement.' },
    sourceNote: true,
    layout: { group: 'outcome.effect', columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'outcomes' },
  }),
  durationYears: number('years', Count.min(1), {
    da: { label: 'Varighed af effekten', name: 'Effektens varighed', help: 'Hvor mange år effekten holder.' },
    en: { label: 'Duration of the effect', name: 'Effect duration', help: 'How many years the effect lasts.' },
    sourceNote: true,
    layout: { group: 'outcome.effect', columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'outcomes' },
  }),
  persistence: number('percent', Rate, {
    da: {
      label: 'Fastholdelse',
      name: 'Fastholdelse pr. år',
      help: 'Hvor stor en del af effekten der holder fra det ene år til det næste.',
    },
    en: {
      label: 'Persistence',
      name: 'Persistence per year',
      help: 'How much of the effect is kept from one year to the next.',
    },
    sourceNote: true,
    layout: { group: 'outcome.effect', columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'outcomes' },
  }),
  /** Yearly public value of one achieved outcome, per department id. */
  valuePerDepartment: numberRecord('money', Money, {
    da: {
      label: 'Værdi pr. forvaltning',
      name: 'Værdi pr. opnået resultat',
      help: 'Hvad ét opnået resultat er værd for hver forvaltning pr. år, fx sparede ydelser.',
    },
    en: {
      label: 'Value per department',
      name: 'Value per achieved outcome',
      help: 'What one achieved outcome is worth to each department per year, e.g. benefits saved.',
    },
    sourceNote: true,
    notePerEntry: true,
    layout: { group: 'outcome.value', columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'outcomes' },
  }),
  /** P7: the rate card — what is paid per achieved outcome at each measurement point. */
  points: measurementPoints({
    da: {
      label: 'Målepunkter og priser',
      name: 'Målepunkter',
      help: 'Hvornår der måles (måneder efter start), hvad der betales pr. resultat ved hvert målepunkt, og for hvilke resultater.',
    },
    en: {
      label: 'Measurement points and prices',
      name: 'Measurement points',
      help: 'When it is measured (months after intake), what is paid per outcome at each point, and for which outcomes.',
    },
    sourceNote: true,
    layout: { group: 'outcome.payment' },
    exportRows: { pdf: 'outcomes' },
  }),
};
