import { Count } from '../model/primitives.ts';
import { EVALUATION_DESIGN_NAMES, EVALUATION_DESIGNS } from './choices.ts';
import { choice, number, richText, shortText } from './kinds.ts';

/** Phase 3: the evaluation design and the contract terms (section `evaluation`). */
export const EVALUATION_FIELDS = {
  design: choice(EVALUATION_DESIGNS, EVALUATION_DESIGN_NAMES, {
    da: {
      label: 'Design',
      name: 'Evalueringsdesign',
      help: 'Hvordan effekten skilles fra det, der ville være sket alligevel.',
    },
    en: {
      label: 'Design',
      name: 'Evaluation design',
      help: 'How the effect is told apart from what would have happened anyway.',
    },
    layout: { group: 'evaluation.design' },
    exportRows: { pdf: 'evaluation' },
  }),
  dataSources: shortText({
    required: true,
    da: { label: 'Datakilder', help: 'Hvilke registre og systemer evalueringen bruger.' },
    en: { label: 'Data sources', help: 'Which registers and systems the evaluation uses.' },
    layout: { group: 'evaluation.design', columns: 3 },
    exportRows: { pdf: 'evaluation' },
  }),
  measurementPoints: shortText({
    required: true,
    da: { label: 'Målepunkter', help: 'Hvornår der måles, fx efter 12, 24 og 36 måneder.' },
    en: { label: 'Measurement points', help: 'When it is measured, e.g. after 12, 24 and 36 months.' },
    layout: { group: 'evaluation.design', columns: 3 },
    exportRows: { pdf: 'evaluation' },
  }),
  evaluator: shortText({
    required: true,
    da: { label: 'Evaluator', help: 'Hvem der gennemfører evalueringen.' },
    en: { label: 'Evaluator', help: 'Who carries out the evaluation.' },
    layout: { group: 'evaluation.design', columns: 3 },
    exportRows: { pdf: 'evaluation' },
  }),
  notes: richText({
    da: { label: 'Noter om evalueringen', help: 'Andet, der er vigtigt for evalueringen.' },
    en: { label: 'Notes on the evaluation', help: 'Anything else that matters for the evaluation.' },
    layout: { group: 'evaluation.design' },
    exportRows: { pdf: 'evaluation' },
  }),
  contractYears: number('years', Count.min(1), {
    da: { label: 'Kontraktens varighed', help: 'Hvor mange år kontrakten løber.' },
    en: { label: 'Contract duration', help: 'How many years the contract runs.' },
    layout: { group: 'evaluation.contract', columns: 2 },
    exportRows: { pdf: 'evaluation' },
  }),
  contractParties: shortText({
    required: true,
    da: { label: 'Kontraktparter', help: 'Hvem der indgår kontrakten.' },
    en: { label: 'Contract parties', help: 'Who enters into the contract.' },
    layout: { group: 'evaluation.contract', columns: 2 },
    exportRows: { pdf: 'evaluation' },
  }),
  earlyStop: richText({
    da: { label: 'Betingelser for at stoppe før tid', help: 'Hvornår parterne kan afbryde samarbejdet.' },
    en: { label: 'Conditions for stopping early', help: 'When the parties may end the collaboration.' },
    layout: { group: 'evaluation.contract' },
    exportRows: { pdf: 'evaluation' },
  }),
};

/** One person who must sign (an item of the `signatory` list). */
export const SIGNATORY_FIELDS = {
  name: shortText({
    required: true,
    maxChars: 200,
    da: { label: 'Navn', name: 'Underskriverens navn' },
    en: { label: 'Name', name: 'Signatory name' },
    layout: { columns: 2 },
    exportRows: { pdf: 'evaluation' },
  }),
  organisation: shortText({
    required: true,
    maxChars: 200,
    da: { label: 'Organisation' },
    en: { label: 'Organisation' },
    layout: { columns: 2 },
    exportRows: { pdf: 'evaluation' },
  }),
};
