/**
 * Danish texts of running Caseroom on a network (issue 10): the organisation key, links that
 * expired or were ended, limits per address, a network that blocks the live connection, and a
 * new version of Caseroom while the page is open.
 */

/** "om 30 sekunder", "om 2 minutter". */
const inTime = (seconds: number): string => {
  if (seconds < 60) return seconds === 1 ? 'om 1 sekund' : `om ${seconds} sekunder`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'om 1 minut' : `om ${minutes} minutter`;
};

export const networkDa = {
  errors: {
    linkExpired: 'Linket er udløbet. Bed facilitatoren om et nyt link.',
    accessEnded: 'Din adgang til sagen er afsluttet. Bed facilitatoren om et nyt link, hvis du skal være med igen.',
    organisationKeyMissing: 'Denne server kræver jeres organisationsnøgle for at oprette eller importere en sag.',
    organisationKeyInvalid: 'Organisationsnøglen blev ikke godkendt. Tjek, at du har skrevet den rigtigt.',
    tooManyRequests: (retryAfterSeconds: number | undefined) =>
      `Serveren har fået for mange forespørgsler fra din netværksadresse på kort tid. Prøv igen ${
        retryAfterSeconds === undefined ? 'om lidt' : inTime(retryAfterSeconds)
      }.`,
  },
  organisationKey: {
    heading: 'Organisationsnøgle',
    intro:
      'Denne Caseroom kan nås fra netværket. Derfor kan kun folk med jeres organisationsnøgle oprette og importere sager. Du får nøglen af den, der driver Caseroom hos jer.',
    label: 'Organisationsnøgle',
    help: 'Nøglen huskes kun i denne fane, indtil du lukker den. Links til sager, du allerede har, virker uden nøgle.',
    submit: 'Brug nøglen',
    cancel: 'Annuller',
    required: 'Skriv organisationsnøglen.',
  },
  blocked: {
    title: 'Netværket blokerer den direkte forbindelse til Caseroom',
    body: 'Siden kan hentes, men den direkte forbindelse (WebSocket), der sender ændringer mellem jer med det samme, kommer ikke igennem dette netværk. Dine ændringer gemmes i denne browser imens og sendes, så snart forbindelsen virker. Vi prøver igen automatisk.',
    it: (host: string) =>
      `Til jeres IT-afdeling: tillad WebSocket-forbindelser (wss://) til ${host}, også gennem proxy og firewall, og lad dem være åbne i mindst en time.`,
  },
  update: {
    title: 'Caseroom er blevet opdateret — genindlæs',
    body: 'Der er kommet en ny version af Caseroom, mens siden var åben. Genindlæs siden for at fortsætte. Dine ændringer er gemt i denne browser og går ikke tabt.',
    reload: 'Genindlæs',
    reloading: 'Genindlæser …',
  },
  crashed: {
    title: 'Noget gik galt på siden',
    body: 'Siden kan ikke vises. Genindlæs den for at prøve igen. Dine ændringer er gemt i denne browser.',
  },
};
