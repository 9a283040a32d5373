/**
 * Danish texts of the administrator's page (issue 15, `/admin`): the organisation key, members
 * and their links, the retention of archived cases, and a case's personal data.
 */
export const adminDa = {
  title: 'Administration',
  intro:
    'Her administrerer I organisationens personer, hvor længe arkiverede sager gemmes, og udtræk af persondata. Siden kræver organisationsnøglen.',
  startLink: 'Til forsiden',
  fromStart: 'Administration',
  key: {
    heading: 'Organisationsnøgle',
    intro:
      'Skriv organisationsnøglen (den begynder med “crk1_”). Den, der driver Caseroom hos jer, har den – på serveren ligger den i filen organisation-key i datamappen.',
    label: 'Organisationsnøgle',
    help: 'Nøglen huskes kun i denne fane, indtil du lukker den eller trykker “Glem nøglen”.',
    show: 'Vis',
    hide: 'Skjul',
    showLabel: 'Vis nøglen',
    hideLabel: 'Skjul nøglen',
    submit: 'Åbn administrationen',
    checking: 'Tjekker nøglen …',
    required: 'Skriv organisationsnøglen.',
    missing: 'Siden kræver organisationsnøglen. Skriv den ovenfor.',
    remembered: 'Organisationsnøglen er husket i denne fane.',
    forget: 'Glem nøglen',
    forgotten: 'Nøglen er glemt i denne fane.',
    refusedNow: 'Organisationsnøglen virker ikke længere (den kan være udskiftet). Skriv den nye nøgle.',
  },
  members: {
    heading: 'Personer med adgang til porteføljen',
    intro:
      'Hver person i organisationen får sit eget link til porteføljen. Et link kan tilbagekaldes, og det kan have en udløbsdato.',
    loading: 'Henter personerne …',
    none: 'Der er ingen personer endnu.',
    reload: 'Opdatér listen',
    columns: { name: 'Navn', created: 'Oprettet', access: 'Adgang', actions: 'Handling' },
    open: 'Aktiv, intet udløb',
    expires: (date: string) => `Aktiv, udløber ${date}`,
    expired: (date: string) => `Udløbet ${date}`,
    revoked: (date: string) => `Tilbagekaldt ${date}`,
    add: {
      heading: 'Tilføj person',
      name: 'Navn',
      nameHelp: 'Personens fulde navn, som det skal stå i sagerne (højst 80 tegn).',
      expiry: 'Linket virker til og med (valgfrit)',
      expiryHelp: 'Uden dato virker linket, indtil du tilbagekalder det.',
      submit: 'Tilføj person',
      adding: 'Tilføjer …',
      nameRequired: 'Skriv personens navn.',
      nameTooLong: 'Navnet må højst være 80 tegn.',
      dateRequired: 'Datoen findes ikke. Vælg en dato i kalenderen, eller lad feltet stå tomt.',
      datePassed: 'Datoen er passeret. Vælg i dag eller en senere dato.',
    },
    issued: {
      heading: (name: string) => `Link til ${name}`,
      explain:
        'Send linket til personen; det vises kun nu. Caseroom gemmer ikke linket, så kopiér det, før du lukker denne boks. Mister personen linket, kan du tilbagekalde det og tilføje personen igen.',
      label: 'Personligt link til porteføljen',
      copy: 'Kopiér linket',
      copied: 'Linket er kopieret.',
      copyFailed: 'Linket kunne ikke kopieres automatisk. Markér det, og kopiér med Ctrl+C.',
      done: 'Jeg har sendt linket – luk',
    },
    revoke: {
      button: 'Tilbagekald',
      buttonLabel: (name: string) => `Tilbagekald ${name}s link`,
      title: (name: string) => `Tilbagekald ${name}s link?`,
      explain:
        'Linket holder op med at virke med det samme. Personens adgang til alle organisationens sager, som linket har åbnet, ophører også med det samme, og åbne sager lukkes. Det kan ikke fortrydes – personen kan få et nyt link ved at blive tilføjet igen.',
      confirm: 'Ja, tilbagekald',
      revoking: 'Tilbagekalder …',
      cancel: 'Annuller',
      done: (name: string) => `${name}s link er tilbagekaldt.`,
    },
    failed: 'Personerne kunne ikke hentes. Prøv igen.',
    addFailed: 'Personen kunne ikke tilføjes. Prøv igen.',
    revokeFailed: 'Linket kunne ikke tilbagekaldes. Prøv igen.',
  },
  retention: {
    heading: 'Opbevaring af arkiverede sager',
    intro:
      'En arkiveret sag er skrivebeskyttet og vises ikke i listerne, men alt i den er gemt. Her bestemmer I, hvor længe en arkiveret sag gemmes, før Caseroom sletter den for altid med alle dens versioner, kommentarer og links. Sager i brug slettes aldrig af denne regel.',
    label: 'Slet arkiverede sager efter … dage',
    help: 'Et helt tal fra 1 til 3.650 (10 år). Lad feltet stå tomt for at gemme arkiverede sager, indtil nogen sletter dem.',
    loading: 'Henter indstillingen …',
    current: (days: number | null) =>
      days === null
        ? 'Nu: arkiverede sager gemmes, indtil nogen sletter dem.'
        : `Nu: arkiverede sager slettes ${days === 1 ? '1 dag' : `${new Intl.NumberFormat('da-DK').format(days)} dage`} efter arkiveringen.`,
    save: 'Gem',
    saving: 'Gemmer …',
    saved: (days: number | null) =>
      days === null
        ? 'Gemt: arkiverede sager gemmes, indtil nogen sletter dem.'
        : `Gemt: arkiverede sager slettes ${days === 1 ? '1 dag' : `${new Intl.NumberFormat('da-DK').format(days)} dage`} efter arkiveringen.`,
    notWhole: 'Skriv et helt antal dage, fx 365 – eller lad feltet stå tomt.',
    tooSmall: 'Skriv mindst 1 dag – eller lad feltet stå tomt for at gemme sagerne.',
    tooLarge: 'Højst 3.650 dage (10 år).',
    failed: 'Indstillingen kunne ikke hentes. Prøv igen.',
    saveFailed: 'Indstillingen kunne ikke gemmes. Prøv igen.',
  },
  personalData: {
    heading: 'Persondata i en sag',
    intro:
      'Til en anmodning om indsigt: alt, hvad en sag gemmer om personer – parternes navne, navne på godkendelser og beslutninger, kommentarer med forfatter, hvem der ændrede hvad og hvornår, og gemte versioner.',
    label: 'Sagens id eller link',
    help: 'Sagens id står i adressen efter /case/. Du kan også indsætte et link til sagen.',
    fetch: 'Hent persondata',
    fetching: 'Henter …',
    required: 'Skriv sagens id eller indsæt et link til sagen.',
    download: 'Hent som JSON',
    listedAt: (title: string, at: string) => `${title} – udtrukket ${at}`,
    untitled: 'Sag uden titel',
    parties: 'Parter',
    partyLine: (kind: string, role: string) => `${kind}, ${role}`,
    ended: (at: string) => `adgang afsluttet ${at}`,
    member: 'oprettet til en person i organisationen',
    signoffs: 'Godkendelser',
    decisions: 'Beslutninger',
    requiredSigners: 'Skal godkende',
    comments: 'Kommentarer',
    activity: 'Aktivitet',
    activityLine: (section: string, edits: number, from: string, to: string) =>
      `${section}: ${edits === 1 ? '1 ændring' : `${edits} ændringer`}, ${from} – ${to}`,
    snapshots: 'Gemte versioner',
    imported: 'fra en importeret fil',
    none: 'Ingen.',
    notFound: 'Der findes ingen sag med det id. Tjek, at id’et er skrevet rigtigt.',
    otherOrganisation: 'Sagen hører til en anden organisation. Nøglen åbner kun jeres egne sager.',
    failed: 'Persondata kunne ikke hentes. Prøv igen.',
  },
  unreachable: 'Serveren svarer ikke. Tjek forbindelsen, og prøv igen.',
};
