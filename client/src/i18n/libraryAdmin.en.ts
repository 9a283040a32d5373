import type { LibraryAdminMessages } from './libraryAdmin.da.ts';

/** English texts of the library page, where the organisation's members curate unit values (issue 15, docs/library.md). */
export const libraryAdminEn: LibraryAdminMessages = {
  title: 'Unit values',
  intro:
    "The organisation's sourced unit values, which its cases can take into their outcomes. A change is saved as a new version; the old versions can always be read.",
  loading: 'Loading the unit values …',
  failed: 'The unit values could not be loaded. Try again.',
  unreachable: 'The server does not answer. Check the connection and try again.',
  noLink:
    'The unit values open with your personal link from an administrator in your organisation. Open the link from your email and this browser will remember it.',
  portfolioLink: 'To the portfolio',
  fromPortfolio: 'Unit values',
  add: 'New unit value',
  reload: 'Refresh',
  empty: 'The library is empty. Add the first unit value.',
  tableCaption: "The organisation's unit values, each at its latest version",
  columns: {
    name: 'Name',
    level: 'Level',
    value: 'Value per year',
    unit: 'Unit',
    priceYear: 'Price year',
    source: 'Source and date',
    validFrom: 'Valid from',
    version: 'Version',
    actions: 'Actions',
  },
  edit: 'Edit',
  editEntry: (name: string) => `Edit ${name}`,
  versions: 'Versions',
  versionsOf: (name: string) => `Versions of ${name}`,
  opensInNewTab: '(opens in a new tab)',
  form: {
    addHeading: 'New unit value',
    editHeading: (name: string) => `Edit: ${name}`,
    editIntro: (version: number) =>
      `You are changing version ${version}. When you save, the change becomes version ${version + 1}; version ${version} can still be read.`,
    required: '(required)',
    optional: '(optional)',
    save: 'Save',
    saveVersion: 'Save as a new version',
    saving: 'Saving …',
    cancel: 'Cancel',
    hasErrors: (count: number) =>
      count === 1
        ? 'One field needs fixing before the value can be saved.'
        : `${count} fields need fixing before the value can be saved.`,
  },
  fields: {
    name: {
      label: 'Name',
      help: 'What the value is, e.g. "Net municipal cost of one full-year sickness-benefit recipient".',
    },
    level: { label: 'Level', help: 'Whose budget the value belongs to: municipal, regional, state or other.' },
    valuePerYear: {
      label: 'Value per year',
      help: 'Kroner per year for one unit, in Danish format: a dot between thousands, a comma before decimals — 130.000 or 1,5.',
      unit: 'DKK per year',
    },
    unit: { label: 'Unit', help: 'What one unit is, e.g. "per full-year recipient" or "per child in care".' },
    priceYear: {
      label: 'Price year',
      help: 'The year whose price level the value is stated in, e.g. 2020.',
      unit: 'year',
    },
    sourceText: { label: 'Source', help: 'Where the value comes from: publisher, publication or table.' },
    sourceLink: { label: 'Link to the source', help: 'A web address starting with https:// or http://.' },
    sourceDate: {
      label: 'Source date',
      help: 'A year, a month or a date: 2019, 2020-11 or 2020-11-19 (or Danish 19.11.2020).',
    },
    validFrom: {
      label: 'Valid from',
      help: 'From when the value holds: a year, a month or a date (like the source date).',
    },
  },
  errors: {
    required: 'Required.',
    tooLong: (max: string) => `At most ${max} characters.`,
    valueTooLarge: (max: string) => `At most ${max} per year.`,
    yearRange: (min: number, max: number) => `A year from ${min} to ${max}.`,
    notWebLink: 'Enter a web address starting with https:// or http://, without spaces.',
    notADate: 'Enter a year, a month or a date that exists: 2019, 2020-11 or 2020-11-19.',
    invalid: 'The server cannot accept this field. Correct it and try again.',
  },
  saved: (name: string) => `"${name}" is saved.`,
  savedVersion: (name: string, version: number) => `"${name}" is saved as version ${version}.`,
  refused: 'The server did not accept the value:',
  refusedField: (field: string) => `The server did not accept the field "${field}":`,
  conflict:
    'The value was not saved: someone else changed it at the same moment, or the library is full. Load the library again, look at the latest version and save your change again.',
  changedMeanwhile: (by: string, version: number, value: string) =>
    `Not saved: ${by} saved version ${version} (${value}) of this value while you were editing. What you typed is still in the form. Save again if your change is still needed.`,
  notFound: 'The value no longer exists in the library. Load the library again.',
  saveFailed: 'The value could not be saved right now. Try again.',
  history: {
    loading: 'Loading the versions …',
    failed: 'The versions could not be loaded. Try again.',
    close: 'Close',
    caption: 'Every version, the oldest first',
    version: 'Version',
    value: 'Value per year',
    priceYear: 'Price year',
    source: 'Source',
    changedBy: 'Changed by',
    changedAt: 'When',
    seeded: 'Caseroom (sourced starting value)',
  },
};
