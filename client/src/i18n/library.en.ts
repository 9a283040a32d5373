import type { libraryDa } from './library.da.ts';

/** English texts of the unit-value library in the room (issue 15, docs/library.md). */
export const libraryEn: typeof libraryDa = {
  heading: 'Value from the library',
  intro:
    'Take a sourced unit value from the organisation’s library. The value and its source are copied into the field.',
  loading: 'Loading the library …',
  failed: 'The library could not be loaded.',
  retry: 'Try again',
  empty: 'The organisation’s library is empty.',
  department: 'Department',
  entry: 'Unit value',
  chooseEntry: 'Choose a value',
  entryOption: (name, value, unit, year) => `${name} – ${value} ${unit} (${year} prices)`,
  take: 'Insert the value',
  taken: (value, department) => `${value} inserted for ${department}.`,
  priceYearMismatch: (entryYear, caseYear) =>
    `The value is in ${entryYear} prices, the case in ${caseYear} prices. It is inserted unconverted unless you give an index factor and its source.`,
  factor: 'Index factor (optional)',
  factorSource: 'Source of the index factor',
  factorNeedsSource: 'Give the source of the index factor.',
  factorInvalid: 'The index factor must be a positive number, at most 100.',
  converted: (value) => `Converted: ${value}`,
  linkedFrom: (name, version) => `From the library: ${name} (version ${version})`,
  outdated: 'The library’s value has changed since',
  outdatedDetail: (department, from, to, difference) => `${department}: ${from} → ${to} (difference ${difference})`,
  update: 'Update to the library’s value',
  missing: 'The value comes from a library this organisation does not have.',
  unnamedDepartment: (n) => `Department ${n}`,
};
