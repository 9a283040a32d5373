/**
 * The contract annex's own words (headings, column headers, the version line), Danish and English.
 * Field labels and values come from the field registry (fieldRows.ts), headline figures from
 * shared's headline-figure registry, dates and "cannot be priced" reasons from the report's text.
 */
export const annexDa = {
  title: (caseTitle: string) => `Kontraktbilag: ${caseTitle}`,
  intro:
    'Dette bilag gengiver den version af sagen, parterne har godkendt i Caseroom. Indholdshashen identificerer versionen entydigt: ændres et tal eller en tekst, ændres hashen.',
  version: {
    hash: 'Indholdshash (SHA-256)',
    state: 'Status',
    agreed: 'Godkendt af alle, der skal godkende',
    notAgreed: 'Ikke godkendt af alle endnu (udkast)',
    source: 'Version',
    current: 'Den nuværende version',
    snapshot: (name: string) => `Gemt version: ${name}`,
    exportedAt: 'Dannet',
  },
  sections: {
    parties: '1. Parter og underskrivere',
    term: '2. Løbetid og ophør før tid',
    targetGroup: '3. Målgruppe og optag',
    intervention: '4. Den valgte indsats',
    outcomes: '5. Resultatmål og takster',
    payment: '6. Betalingsmodel',
    evaluation: '7. Evalueringsdesign',
    figures: '8. Business casens nøgletal',
  },
  parties: {
    signatories: 'Underskrivere efter kontrakten',
    signoffs: 'Godkendelser i Caseroom',
    noSignoffs: 'Ingen part har godkendt en version af sagen endnu.',
    party: 'Part',
    signer: 'Godkendt af (navn)',
    when: 'Tidspunkt',
    status: 'Version',
    thisVersion: 'Denne version',
    otherVersion: (hash: string) => `En anden version (${hash})`,
    noName: '– (intet navn angivet)',
    required: 'Skal godkende',
    yes: 'Ja',
    no: 'Nej',
  },
  intervention: { noneChosen: 'Der er ikke valgt en indsats.' },
  outcomes: {
    none: 'Sagen har ingen resultatmål.',
    rateCard: 'Takster (målepunkter)',
    months: 'Måneder efter optag',
    year: 'År',
    price: 'Pris pr. resultat',
    basis: 'Betalingsgrundlag',
    noPoints: 'Ingen målepunkter.',
  },
  payment: {
    payerShares: 'Betalingsandele',
    department: 'Forvaltning',
    level: 'Niveau',
    share: 'Andel',
    total: 'I alt',
    noPayers: 'Ingen forvaltninger er angivet.',
    limits: 'Loft, afkastloft og garanti',
  },
  figures: { figure: 'Nøgletal', value: 'Værdi', note: 'Bemærkning' },
  empty: 'Ikke udfyldt.',
};

/** The annex's words: Danish is the reference, English follows it. */
export type AnnexText = typeof annexDa;

export const annexEn: AnnexText = {
  title: (caseTitle: string) => `Contract annex: ${caseTitle}`,
  intro:
    'This annex sets out the version of the case the parties signed off in Caseroom. The content hash identifies the version exactly: change one number or text and the hash changes.',
  version: {
    hash: 'Content hash (SHA-256)',
    state: 'Status',
    agreed: 'Signed off by everyone required',
    notAgreed: 'Not signed off by everyone yet (draft)',
    source: 'Version',
    current: 'The current version',
    snapshot: (name: string) => `Saved version: ${name}`,
    exportedAt: 'Made',
  },
  sections: {
    parties: '1. Parties and signatories',
    term: '2. Term and early stop',
    targetGroup: '3. Target group and intake',
    intervention: '4. The chosen intervention',
    outcomes: '5. Outcomes and rate card',
    payment: '6. Payment model',
    evaluation: '7. Evaluation design',
    figures: '8. Headline figures of the business case',
  },
  parties: {
    signatories: 'Signatories under the contract',
    signoffs: 'Sign-offs in Caseroom',
    noSignoffs: 'No party has signed off a version of the case yet.',
    party: 'Party',
    signer: 'Signed by (name)',
    when: 'When',
    status: 'Version',
    thisVersion: 'This version',
    otherVersion: (hash: string) => `Another version (${hash})`,
    noName: '– (no name given)',
    required: 'Must sign',
    yes: 'Yes',
    no: 'No',
  },
  intervention: { noneChosen: 'No intervention has been chosen.' },
  outcomes: {
    none: 'The case has no outcomes.',
    rateCard: 'Rate card (measurement points)',
    months: 'Months after intake',
    year: 'Year',
    price: 'Price per outcome',
    basis: 'Payment basis',
    noPoints: 'No measurement points.',
  },
  payment: {
    payerShares: 'Payer shares',
    department: 'Department',
    level: 'Level',
    share: 'Share',
    total: 'Total',
    noPayers: 'No departments are listed.',
    limits: 'Cap, return cap and guarantee',
  },
  figures: { figure: 'Figure', value: 'Value', note: 'Note' },
  empty: 'Not filled in.',
};

/** The annex text in a language. */
export function annexText(lang: 'da' | 'en'): AnnexText {
  return lang === 'en' ? annexEn : annexDa;
}
