import { Count } from '../model/primitives.ts';
import { cohorts, number, richText, shortText } from './kinds.ts';

/** The problem definition (section `problem`). */
export const PROBLEM_FIELDS = {
  text: richText({
    da: {
      label: 'Problemet',
      name: 'Problembeskrivelse',
      help: 'Hvad er problemet, hvad skyldes det, hvad er prøvet før, og hvorfor hjalp det ikke nok? Hvad viser tal og undersøgelser?',
    },
    en: {
      label: 'The problem',
      name: 'Problem definition',
      help: 'What is the problem, what causes it, what has been tried, and why did it not help enough? What do figures and studies show?',
    },
    exportRows: { xlsx: 'case', pdf: 'case' },
  }),
};

/** Who the intervention is for and how many start each year (section `targetGroup`). */
export const TARGET_GROUP_FIELDS = {
  name: shortText({
    required: true,
    maxChars: 200,
    da: { label: 'Målgruppens navn', help: 'Et kort navn, fx "Sygemeldte med angst eller depression".' },
    en: {
      label: 'Name of the target group',
      name: 'Target group name',
      help: 'A short name, e.g. "On sick leave with anxiety or depression".',
    },
    exportRows: { xlsx: 'case', pdf: 'case' },
  }),
  eligibility: richText({
    da: { label: 'Hvem kan deltage', help: 'Kriterierne for at komme med i indsatsen.' },
    en: { label: 'Who can take part', help: 'The criteria for joining the intervention.' },
    exportRows: { pdf: 'case' },
  }),
  eligiblePopulation: number('count', Count, {
    da: { label: 'Antal i målgruppen', help: 'Hvor mange borgere der opfylder kriterierne.' },
    en: { label: 'Number eligible', name: 'Eligible population', help: 'How many citizens meet the criteria.' },
    sourceNote: true,
    exportRows: { xlsx: 'case', pdf: 'case' },
  }),
  intake: cohorts({
    da: {
      label: 'Deltagere der starter pr. år',
      name: 'Optag pr. år',
      help: 'Hvor mange nye deltagere der starter i indsatsen hvert år. Lad et år stå tomt, hvis ingen starter.',
    },
    en: {
      label: 'Participants starting per year',
      name: 'Yearly intake',
      help: 'How many new participants start the intervention each year. Leave a year empty if nobody starts.',
    },
    sourceNote: true,
    exportRows: { xlsx: 'inputs', pdf: 'case' },
  }),
  baseline: richText({
    da: { label: 'Udgangspunktet i dag', help: 'Hvordan det går målgruppen nu, uden indsatsen.' },
    en: { label: 'The situation today', help: 'How the target group fares now, without the intervention.' },
    exportRows: { pdf: 'case' },
  }),
};
