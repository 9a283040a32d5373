import type { ApiErrorCode } from '@caseroom/shared';
import { exchangeDa } from './exchange.da.ts';
import { networkDa } from './network.da.ts';

/**
 * What each error code of the HTTP API means to a person, one sentence per code. Keyed by
 * shared's `ApiErrorCode`: a code the server may send without a text here does not compile.
 * A feature may say more for its own requests (the parties dialog, the export); this is what
 * is said otherwise. Texts that already had a home elsewhere are referred to, not repeated.
 */
export type ApiErrorTexts = Record<ApiErrorCode, string>;

/** Danish texts of the API's error codes. */
export const apiErrorsDa: ApiErrorTexts = {
  badRequest: 'Serveren afviste oplysningerne. Tjek felterne, og prøv igen.',
  malformedJson: 'Serveren kunne ikke læse forespørgslen. Genindlæs siden, og prøv igen.',
  notFound: 'Det, du bad om, findes ikke på serveren.',
  internal: 'Der gik noget galt på serveren. Fejlen er logget. Prøv igen om lidt.',
  tokenMissing: 'Det kræver dit link til sagen. Åbn sagen fra det link, du har fået.',
  tokenInvalid: 'Dit link gælder ikke længere. Bed om et nyt.',
  forbidden: 'Din rolle i sagen giver ikke lov til det.',
  linkExpired: networkDa.errors.linkExpired,
  accessEnded: networkDa.errors.accessEnded,
  organisationKeyMissing: networkDa.errors.organisationKeyMissing,
  organisationKeyInvalid: networkDa.errors.organisationKeyInvalid,
  memberLinkMissing: 'Porteføljen kræver dit personlige link. Bed en administrator i jeres organisation om et.',
  memberLinkInvalid:
    'Dit link til porteføljen virker ikke længere: det er ukendt eller trukket tilbage. Bed en administrator om et nyt.',
  memberLinkExpired: 'Dit link til porteføljen er udløbet. Bed en administrator i jeres organisation om et nyt.',
  memberNotFound: 'Den person findes ikke i organisationen.',
  libraryEntryNotFound: 'Den værdi findes ikke i organisationens bibliotek.',
  libraryConflict:
    'Biblioteket kunne ikke ændres lige nu (det er fuldt, eller en anden ændrede værdien samtidig). Hent det igen, og prøv igen.',
  hostNotAllowed: 'Serveren svarer ikke på denne adresse. Brug den adresse, Caseroom er sat op med.',
  originNotAllowed: 'Forbindelsen blev afvist, fordi den kom fra en side på et andet websted.',
  tooManyRequests: networkDa.errors.tooManyRequests(undefined),
  caseNotFound: 'Sagen findes ikke (længere) på denne server.',
  partyNotFound: 'Parten findes ikke længere i sagen.',
  snapshotNotFound: 'Den gemte version findes ikke længere.',
  commentNotFound: 'Kommentaren findes ikke længere.',
  voteNotFound: 'Afstemningen findes ikke længere.',
  caseArchived: 'Sagen er arkiveret: den kan læses og eksporteres, men ikke ændres. Gendan den først.',
  deleteNotConfirmed: 'Skriv sagens titel nøjagtigt for at bekræfte, at den skal slettes for altid.',
  lastFacilitator:
    'Sagen skal have mindst én facilitator, hvis link ikke udløber. Tilføj en anden facilitator først, eller lad linket være uden udløbsdato.',
  voteClosed: 'Afstemningen er ikke længere åben.',
  voteNotRevealed: 'Vis resultatet af afstemningen, før den afgøres.',
  voteDecided: 'Afstemningen er allerede afgjort.',
  invalidBallot: 'Stemmerne passer ikke til afstemningen: for mange prikker, eller prikker på noget, der ikke er med.',
  hashMismatch: 'Sagen er ændret, siden du læste den. Gennemse den nuværende version, og skriv under på den.',
  storageUnavailable: 'Sagen kan ikke gemmes lige nu. Intet er ændret. Prøv igen om lidt.',
  caseMoving: 'Sagen flytter til en anden server. Intet er ændret. Prøv igen om et par sekunder.',
  storageFull:
    'Sagen har brugt hele sin lagerplads, så det blev ikke gemt. Facilitatoren kan rydde op under Lagerplads; prøv så igen.',
  unknownFormat: 'Caseroom kan ikke lave filer i det format. Vælg JSON, Excel, PDF, Word eller INDIGO.',
  tooManyExports: exchangeDa.export.errors.tooManyExports,
  exportFailed: exchangeDa.export.errors.exportFailed,
  exportUnavailable: exchangeDa.export.errors.exportUnavailable,
  importTooLarge: 'Filen er for stor. Intet er oprettet.',
  invalidImport: exchangeDa.import.refused,
  importFailed: exchangeDa.import.failed,
  importUnavailable: exchangeDa.import.unavailable,
  clientNotBuilt:
    'Caseroom er ikke gjort klar på serveren. Bed den, der driver Caseroom, om at bygge den og genstarte.',
};
