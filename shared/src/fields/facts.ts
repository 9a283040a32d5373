import { Phase } from '../model/phase.ts';
import { Count, Rate } from '../model/primitives.ts';
import { DEPARTMENT_LEVEL_NAMES, DEPARTMENT_LEVELS, DISCOUNT_METHOD_NAMES, DISCOUNT_METHODS } from './choices.ts';
import { choice, number, shortText } from './kinds.ts';

/** Case facts: who, where, when, and the economic frame (section `facts`). */
export const FACTS_FIELDS = {
  title: shortText({
    required: true,
    maxChars: 200,
    da: {
      label: 'Sagens titel',
      name: 'Titel',
      help: 'Et kort navn, alle kan genkende, fx "Sygedagpenge og psykisk sygdom".',
    },
    en: {
      label: 'Case title',
      name: 'Title',
      help: 'A short name everyone recognises, e.g. "Sickness benefit and mental illness".',
    },
    layout: { columns: 2 },
    exportRows: { xlsx: 'case', pdf: 'summary' },
  }),
  municipality: shortText({
    required: true,
    maxChars: 200,
    da: { label: 'Kommune', help: 'Den kommune, partnerskabet hører til.' },
    en: { label: 'Municipality', help: 'The municipality the partnership belongs to.' },
    layout: { columns: 2 },
    exportRows: { xlsx: 'case', pdf: 'summary' },
  }),
  currency: shortText({
    required: true,
    plain: true,
    da: { label: 'Valuta', help: 'Alle beløb regnes i denne valuta, normalt DKK.' },
    en: { label: 'Currency', help: 'Every amount is in this currency, normally DKK.' },
    layout: { group: 'facts.economy', columns: 3 },
    exportRows: { xlsx: 'case', pdf: 'assumptions' },
  }),
  priceYear: number('calendarYear', Count, {
    da: { label: 'Prisår', help: 'Beløbene er i faste priser fra dette år.' },
    en: { label: 'Price year', help: 'Amounts are in fixed prices of this year.' },
    layout: { group: 'facts.economy', columns: 3 },
    exportRows: { xlsx: 'case', pdf: 'assumptions' },
  }),
  startYear: number('calendarYear', Count, {
    da: { label: 'Startår', help: 'Det første år, indsatsen kører.' },
    en: { label: 'Start year', help: 'The first year the intervention runs.' },
    layout: { group: 'facts.economy', columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'assumptions' },
  }),
  horizonYears: number('years', Count.min(1).max(50), {
    da: { label: 'Tidshorisont', help: 'Hvor mange år business casen regner frem.' },
    en: { label: 'Horizon', help: 'How many years the business case looks ahead.' },
    sourceNote: true,
    layout: { group: 'facts.economy', columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'assumptions' },
  }),
  // P2: absent (a case stored before the method existed) means its rate as a flat rate.
  discountMethod: choice(DISCOUNT_METHODS, DISCOUNT_METHOD_NAMES, {
    optional: true,
    da: {
      label: 'Diskontering',
      help: 'Finansministeriets skema (3,5 % de første 35 år, derefter 2,5 %) eller én fast rente.',
    },
    en: {
      label: 'Discounting',
      help: 'The Danish schedule (3.5 % for the first 35 years, then 2.5 %) or one flat rate.',
    },
    layout: { group: 'facts.economy', columns: 3 },
    exportRows: { xlsx: 'inputs', pdf: 'assumptions' },
  }),
  discountRate: number('percent', Rate, {
    da: {
      label: 'Diskonteringsrente',
      help: 'Bruges kun med én fast rente: hvor meget fremtidige beløb skrives ned pr. år.',
    },
    en: {
      label: 'Discount rate',
      help: 'Used with one flat rate only: how much future amounts are written down per year.',
    },
    sourceNote: true,
    layout: { group: 'facts.economy', columns: 3, hiddenWhen: { field: 'discountMethod', is: 'schedule' } },
    exportRows: { xlsx: 'inputs', pdf: 'assumptions' },
  }),
  phase: number('count', Phase, {
    da: { label: 'Fase', help: 'Hvor langt partnerskabet er nået.' },
    en: { label: 'Phase', help: 'How far the partnership has come.' },
    workshopState: true,
  }),
};

/** The partners of the case (the `partners` map inside `facts`). */
export const PARTNERS_FIELDS = {
  authority: shortText({
    required: true,
    maxChars: 200,
    da: { label: 'Myndighed', help: 'Den offentlige part, der betaler for resultaterne.' },
    en: { label: 'Authority', help: 'The public party that pays for the outcomes.' },
    layout: { group: 'facts.partners', columns: 2 },
    exportRows: { xlsx: 'case', pdf: 'summary' },
  }),
  provider: shortText({
    maxChars: 200,
    da: { label: 'Leverandør', help: 'Den, der udfører indsatsen.' },
    en: { label: 'Provider', help: 'Who delivers the intervention.' },
    layout: { group: 'facts.partners', columns: 2 },
    exportRows: { xlsx: 'case', pdf: 'summary' },
  }),
  investor: shortText({
    maxChars: 200,
    da: { label: 'Investor', help: 'Den, der lægger kapitalen ud og bærer risikoen.' },
    en: { label: 'Investor', help: 'Who puts up the capital and carries the risk.' },
    layout: { group: 'facts.partners', columns: 2 },
    exportRows: { xlsx: 'case', pdf: 'summary' },
  }),
  guarantor: shortText({
    maxChars: 200,
    da: { label: 'Garant', help: 'Den, der evt. dækker investorens tab, fx en fond.' },
    en: { label: 'Guarantor', help: 'Who may cover the investor’s loss, e.g. a foundation.' },
    layout: { group: 'facts.partners', columns: 2 },
    exportRows: { xlsx: 'case', pdf: 'summary' },
  }),
  // P12: only needed when there is a guarantee; absent counts as "other" (private).
  guarantorLevel: choice(DEPARTMENT_LEVELS, DEPARTMENT_LEVEL_NAMES, {
    optional: true,
    da: {
      label: 'Garantens niveau',
      help: 'Kommunal, regional eller statslig garanti er offentlige penge; en fond eller anden privat garant er "anden".',
    },
    en: {
      label: 'Guarantor level',
      help: 'A municipal, regional or state guarantee is public money; a foundation or other private guarantor is "other".',
    },
    layout: { group: 'facts.partners', columns: 2 },
    exportRows: { xlsx: 'inputs', pdf: 'summary' },
  }),
};

/** One department that pays or gains (an item of the `department` list). */
export const DEPARTMENT_FIELDS = {
  name: shortText({
    required: true,
    maxChars: 200,
    da: {
      label: 'Navn',
      name: 'Forvaltningens navn',
      help: 'Fx Jobcenter, Socialforvaltningen eller Region Sjælland.',
    },
    en: { label: 'Name', name: 'Department name', help: 'E.g. Jobcentre, Social services or the Region.' },
    layout: { columns: 2 },
    exportRows: { xlsx: 'inputs', pdf: 'paymentModel' },
  }),
  level: choice(DEPARTMENT_LEVELS, DEPARTMENT_LEVEL_NAMES, {
    da: { label: 'Niveau', help: 'Kun kommunale forvaltninger regnes som "myndigheden".' },
    en: { label: 'Level', help: 'Only municipal departments count as "the authority".' },
    layout: { columns: 2 },
    exportRows: { xlsx: 'inputs', pdf: 'paymentModel' },
  }),
};
