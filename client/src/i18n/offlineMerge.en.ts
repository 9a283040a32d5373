import type { OfflineMergeMessages } from './offlineMerge.da.ts';

/** English texts of offline edits that did not stand (issue 11). */
export const offlineMergeEn: OfflineMergeMessages = {
  title: 'Some of your changes made offline no longer stand',
  body: 'While you were offline, someone else changed the same fields. A number or a choice can hold only one value, so theirs stands now. Texts are merged and are not listed here.',
  line: (field: string, mine: string, now: string) => `${field}: your value ${mine} — now ${now}`,
  empty: 'empty',
  intakeYear: (year: string) => `year ${year}`,
  goTo: 'Go to the field',
  goToField: (field: string) => `Go to ${field}`,
  dismiss: 'Close',
};
