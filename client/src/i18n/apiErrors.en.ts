import type { ApiErrorTexts } from './apiErrors.da.ts';
import { exchangeEn } from './exchange.en.ts';
import { networkEn } from './network.en.ts';

/** English texts of the API's error codes (see apiErrors.da.ts). */
export const apiErrorsEn: ApiErrorTexts = {
  badRequest: 'The server did not accept the details. Check the fields and try again.',
  malformedJson: 'The server could not read the request. Reload the page and try again.',
  notFound: 'What you asked for is not on the server.',
  internal: 'Something went wrong on the server. The error is logged. Try again in a moment.',
  tokenMissing: 'This needs your link to the case. Open the case from the link you were given.',
  tokenInvalid: 'Your link is no longer valid. Ask for a new one.',
  forbidden: 'Your role in the case does not allow this.',
  linkExpired: networkEn.errors.linkExpired,
  accessEnded: networkEn.errors.accessEnded,
  organisationKeyMissing: networkEn.errors.organisationKeyMissing,
  organisationKeyInvalid: networkEn.errors.organisationKeyInvalid,
  memberLinkMissing: 'The portfolio needs your personal link. Ask an administrator of your organisation for one.',
  memberLinkInvalid:
    'Your portfolio link no longer works: it is unknown or was revoked. Ask an administrator for a new one.',
  memberLinkExpired: 'Your portfolio link has expired. Ask an administrator of your organisation for a new one.',
  memberNotFound: 'There is no such person in the organisation.',
  libraryEntryNotFound: 'There is no such value in the organisation’s library.',
  libraryConflict:
    'The library could not be changed just now (it is full, or someone else changed the value at the same moment). Reload it and try again.',
  hostNotAllowed: 'The server does not answer at this address. Use the address Caseroom is set up with.',
  originNotAllowed: 'The connection was refused because it came from a page on another site.',
  tooManyRequests: networkEn.errors.tooManyRequests(undefined),
  caseNotFound: 'The case does not exist on this server (any more).',
  partyNotFound: 'The party is no longer in the case.',
  snapshotNotFound: 'The saved version no longer exists.',
  commentNotFound: 'The comment no longer exists.',
  voteNotFound: 'The vote no longer exists.',
  caseArchived: 'The case is archived: it can be read and exported, not changed. Restore it first.',
  deleteNotConfirmed: 'Type the case’s title exactly to confirm that it is to be deleted for good.',
  lastFacilitator:
    'The case needs at least one facilitator whose link does not expire. Add another facilitator first, or leave this link without an expiry date.',
  voteClosed: 'The vote is no longer open.',
  voteNotRevealed: 'Reveal the vote before deciding it.',
  voteDecided: 'The vote has already been decided.',
  invalidBallot: 'The ballot does not fit the vote: too many dots, or dots on something that is not in it.',
  hashMismatch: 'The case changed since you read it. Review the current version and sign that.',
  storageUnavailable: 'The case cannot be stored right now. Nothing was changed. Try again in a moment.',
  caseMoving: 'The case is moving to another server. Nothing was changed. Try again in a few seconds.',
  storageFull:
    'The case has used all its storage, so this was not saved. The facilitator can tidy up under Storage; then try again.',
  unknownFormat: 'Caseroom cannot make files in that format. Choose JSON, Excel, PDF, Word or INDIGO.',
  tooManyExports: exchangeEn.export.errors.tooManyExports,
  exportFailed: exchangeEn.export.errors.exportFailed,
  exportUnavailable: exchangeEn.export.errors.exportUnavailable,
  importTooLarge: 'The file is too large. Nothing was created.',
  invalidImport: exchangeEn.import.refused,
  importFailed: exchangeEn.import.failed,
  importUnavailable: exchangeEn.import.unavailable,
  clientNotBuilt: 'Caseroom is not set up on the server. Ask whoever runs Caseroom to build it and restart.',
};
