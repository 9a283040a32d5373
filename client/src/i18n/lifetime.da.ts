/**
 * Danish texts of a link's lifetime in the facilitator's party table (issue 10): an expiry date
 * per party, ending a party's access, and each party's state.
 */
export const lifetimeDa = {
  column: 'Adgang',
  open: 'Intet udløb',
  expires: (date: string) => `Udløber ${date}`,
  expired: (date: string) => `Udløbet ${date}`,
  ended: (date: string) => `Afsluttet ${date}`,
  setExpiry: 'Udløbsdato',
  setExpiryLabel: (name: string) => `Udløbsdato for linket til ${name}`,
  expiryTitle: (name: string) => `Udløbsdato for linket til ${name}`,
  dateLabel: 'Linket virker til og med',
  dateHelp:
    'Linket holder op med at virke ved udgangen af dagen. Uden udløbsdato virker det, indtil du afslutter adgangen eller laver et nyt link.',
  saveExpiry: 'Gem udløbsdato',
  clearExpiry: 'Fjern udløbsdato',
  expirySaved: (name: string) => `Udløbsdatoen for ${name} er gemt.`,
  expiryCleared: (name: string) => `Linket til ${name} har ikke længere en udløbsdato.`,
  end: 'Afslut adgang',
  endLabel: (name: string) => `Afslut adgang for ${name}`,
  endTitle: (name: string) => `Afslut adgangen for ${name}?`,
  endExplain:
    'Linket holder op med at virke med det samme, og den, der har sagen åben med det, bliver koblet af. Det, parten allerede har bidraget med, bliver i sagen. Ændringer, parten har lavet offline, bliver i partens browser og kommer med, hvis parten senere får et nyt link.',
  endConfirm: 'Afslut adgang',
  endDone: (name: string) => `Adgangen for ${name} er afsluttet.`,
  cancel: 'Annuller',
  errors: {
    dateRequired: 'Vælg en dato.',
    datePassed: 'Datoen er passeret. Vælg i dag eller en senere dato.',
  },
};
