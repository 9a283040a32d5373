/**
 * Danish texts of offline edits that did not stand (issue 11): a number or a choice this person
 * set while offline, which another person set at the same time (features/caseRoom/offlineLoss.ts).
 */
export const offlineMergeDa = {
  title: 'Nogle af dine ændringer uden forbindelse står ikke længere',
  body: 'Mens du var uden forbindelse, ændrede en anden de samme felter. Et tal eller et valg kan kun have én værdi, så den andens værdi står nu. Tekster flettes sammen og står ikke her.',
  /** One field: "Forventet andel med indsats (Job): din værdi 45 % — nu 50 %". */
  line: (field: string, mine: string, now: string) => `${field}: din værdi ${mine} — nu ${now}`,
  /** A field that holds nothing. */
  empty: 'tom',
  /** An intake year: "år 2". */
  intakeYear: (year: string) => `år ${year}`,
  goTo: 'Gå til feltet',
  /** The "go to field" button's full name for a screen reader. */
  goToField: (field: string) => `Gå til ${field}`,
  dismiss: 'Luk',
};

/** The shape every language's texts of offline edits must have. */
export type OfflineMergeMessages = typeof offlineMergeDa;
