/** Danish texts of the unit-value library in the room (issue 15, docs/library.md). */
export const libraryDa = {
  heading: 'Værdi fra biblioteket',
  intro: 'Hent en kildebelagt enhedsværdi fra organisationens bibliotek. Værdien og dens kilde kopieres ind i feltet.',
  loading: 'Henter biblioteket …',
  failed: 'Biblioteket kunne ikke hentes.',
  retry: 'Prøv igen',
  empty: 'Organisationens bibliotek er tomt.',
  department: 'Forvaltning',
  entry: 'Enhedsværdi',
  chooseEntry: 'Vælg en værdi',
  entryOption: (name: string, value: string, unit: string, year: number) =>
    `${name} – ${value} ${unit} (${year}-priser)`,
  take: 'Indsæt værdien',
  taken: (value: string, department: string) => `${value} er indsat for ${department}.`,
  priceYearMismatch: (entryYear: number, caseYear: number) =>
    `Værdien er i ${entryYear}-priser, sagen i ${caseYear}-priser. Den indsættes uomregnet, medmindre du angiver en indeksfaktor og dens kilde.`,
  factor: 'Indeksfaktor (valgfri)',
  factorSource: 'Kilde til indeksfaktoren',
  factorNeedsSource: 'Angiv kilden til indeksfaktoren.',
  factorInvalid: 'Indeksfaktoren skal være et positivt tal, højst 100.',
  converted: (value: string) => `Omregnet: ${value}`,
  linkedFrom: (name: string, version: number) => `Fra biblioteket: ${name} (version ${version})`,
  outdated: 'Bibliotekets værdi er ændret siden',
  outdatedDetail: (department: string, from: string, to: string, difference: string) =>
    `${department}: ${from} → ${to} (forskel ${difference})`,
  update: 'Opdatér til bibliotekets værdi',
  missing: 'Værdien stammer fra et bibliotek, denne organisation ikke har.',
  unnamedDepartment: (n: number) => `Forvaltning ${n}`,
};
