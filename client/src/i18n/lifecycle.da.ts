/** Danish texts of the case lifecycle (issue 15): archive, restore, delete, copy as template. */
export const lifecycleDa = {
  showArchived: 'Vis arkiverede',
  archivedMark: 'Arkiveret',
  archivedAt: (at: string) => `Arkiveret ${at}`,
  actions: 'Handlinger',
  archive: 'Arkivér',
  archiveHint: 'Sagen bliver skrivebeskyttet og forsvinder fra listerne. Den kan gendannes.',
  restore: 'Gendan',
  copy: 'Kopiér som skabelon',
  copyHint: 'En ny sag med samme struktur og tekster – uden workshopforløb, godkendelser, kommentarer og parter.',
  copyTitle: (title: string) => `Kopi af ${title}`,
  copied: (title: string) => `Kopien "${title}" er oprettet, og du er facilitator i den.`,
  delete: 'Slet …',
  deleteTitle: 'Slet sagen for altid',
  deleteWarning:
    'Sagen slettes for altid med alle versioner, kommentarer, afstemninger, aktivitet og links. Det kan ikke fortrydes. Ældre sikkerhedskopier indeholder den stadig, indtil de slettes.',
  deleteConfirmLabel: (title: string) => `Skriv sagens titel for at bekræfte: ${title}`,
  deleteConfirm: 'Slet for altid',
  cancel: 'Annullér',
  failed: 'Det lykkedes ikke. Prøv igen om lidt.',
};
