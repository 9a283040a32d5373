/** Danish texts of the library page, where the organisation's members curate unit values (issue 15, docs/library.md). */
export const libraryAdminDa = {
  title: 'Enhedsværdier',
  intro:
    'Organisationens kildebelagte enhedsværdier, som sagerne kan hente ind i deres resultatmål. En ændring gemmes som en ny version; de gamle versioner kan altid læses.',
  loading: 'Henter enhedsværdierne …',
  failed: 'Enhedsværdierne kunne ikke hentes. Prøv igen.',
  unreachable: 'Serveren svarer ikke. Tjek forbindelsen, og prøv igen.',
  noLink:
    'Enhedsværdierne åbnes med dit personlige link fra en administrator i jeres organisation. Åbn linket fra din mail, så husker denne browser det.',
  portfolioLink: 'Til porteføljen',
  fromPortfolio: 'Enhedsværdier',
  add: 'Ny enhedsværdi',
  reload: 'Opdatér',
  empty: 'Biblioteket er tomt. Tilføj den første enhedsværdi.',
  tableCaption: 'Organisationens enhedsværdier, hver i sin nyeste version',
  columns: {
    name: 'Navn',
    level: 'Niveau',
    value: 'Værdi pr. år',
    unit: 'Enhed',
    priceYear: 'Prisår',
    source: 'Kilde og dato',
    validFrom: 'Gælder fra',
    version: 'Version',
    actions: 'Handlinger',
  },
  edit: 'Redigér',
  editEntry: (name: string) => `Redigér ${name}`,
  versions: 'Versioner',
  versionsOf: (name: string) => `Versioner af ${name}`,
  opensInNewTab: '(åbner i en ny fane)',
  form: {
    addHeading: 'Ny enhedsværdi',
    editHeading: (name: string) => `Redigér: ${name}`,
    editIntro: (version: number) =>
      `Du ændrer version ${version}. Når du gemmer, bliver ændringen version ${version + 1}; version ${version} kan stadig læses.`,
    required: '(skal udfyldes)',
    optional: '(valgfri)',
    save: 'Gem',
    saveVersion: 'Gem som ny version',
    saving: 'Gemmer …',
    cancel: 'Annullér',
    hasErrors: (count: number) =>
      count === 1
        ? 'Et felt skal rettes, før værdien kan gemmes.'
        : `${count} felter skal rettes, før værdien kan gemmes.`,
  },
  fields: {
    name: {
      label: 'Navn',
      help: 'Hvad værdien er, fx »Kommunal nettoudgift pr. helårsmodtager af sygedagpenge«.',
    },
    level: { label: 'Niveau', help: 'Hvis budget værdien hører til: kommunalt, regionalt, statsligt eller andet.' },
    valuePerYear: {
      label: 'Værdi pr. år',
      help: 'Kroner pr. år for én enhed, med punktum mellem tusinder og komma før decimaler: 130.000 eller 1,5.',
      unit: 'kr. pr. år',
    },
    unit: { label: 'Enhed', help: 'Hvad én enhed er, fx »pr. helårsmodtager« eller »pr. anbragt barn«.' },
    priceYear: {
      label: 'Prisår',
      help: 'Det år, hvis prisniveau værdien er opgjort i, fx 2020.',
      unit: 'år',
    },
    sourceText: { label: 'Kilde', help: 'Hvor værdien kommer fra: udgiver, publikation eller tabel.' },
    sourceLink: { label: 'Link til kilden', help: 'En webadresse, der begynder med https:// eller http://.' },
    sourceDate: {
      label: 'Kildens dato',
      help: 'Et år, en måned eller en dato: 2019, 11.2020 eller 19.11.2020.',
    },
    validFrom: {
      label: 'Gælder fra',
      help: 'Hvornår værdien gælder fra: et år, en måned eller en dato (som kildens dato).',
    },
  },
  errors: {
    required: 'Skal udfyldes.',
    tooLong: (max: string) => `Højst ${max} tegn.`,
    valueTooLarge: (max: string) => `Højst ${max} pr. år.`,
    yearRange: (min: number, max: number) => `Et år fra ${min} til ${max}.`,
    notWebLink: 'Skriv en webadresse, der begynder med https:// eller http://, uden mellemrum.',
    notADate: 'Skriv et år, en måned eller en dato, der findes: 2019, 11.2020 eller 19.11.2020.',
    invalid: 'Serveren kan ikke tage imod dette felt. Ret det, og prøv igen.',
  },
  saved: (name: string) => `»${name}« er gemt.`,
  savedVersion: (name: string, version: number) => `»${name}« er gemt som version ${version}.`,
  refused: 'Serveren tog ikke imod værdien:',
  refusedField: (field: string) => `Serveren tog ikke imod feltet »${field}«:`,
  conflict:
    'Værdien blev ikke gemt: en anden ændrede den samtidig, eller biblioteket er fuldt. Hent biblioteket igen, se den nyeste version, og gem din ændring igen.',
  changedMeanwhile: (by: string, version: number, value: string) =>
    `Ikke gemt: ${by} gemte version ${version} (${value}) af værdien, mens du redigerede. Dine indtastninger står stadig i formularen. Gem igen, hvis din ændring stadig skal med.`,
  notFound: 'Værdien findes ikke længere i biblioteket. Hent biblioteket igen.',
  saveFailed: 'Værdien kunne ikke gemmes lige nu. Prøv igen.',
  history: {
    loading: 'Henter versionerne …',
    failed: 'Versionerne kunne ikke hentes. Prøv igen.',
    close: 'Luk',
    caption: 'Alle versioner, den ældste først',
    version: 'Version',
    value: 'Værdi pr. år',
    priceYear: 'Prisår',
    source: 'Kilde',
    changedBy: 'Ændret af',
    changedAt: 'Tidspunkt',
    seeded: 'Caseroom (kildebelagt startværdi)',
  },
};

export type LibraryAdminMessages = typeof libraryAdminDa;
