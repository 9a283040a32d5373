import { CreatedCaseLink } from './answers.ts';
import { AS_PARTY, WITH_ORGANISATION_KEY } from './commonErrors.ts';
import { endpoint, FILE_ANSWER } from './endpoint.ts';
import { ApiErrorCode } from './errorCodes.ts';

/** Export and import (docs/exchange.md). */
export const exchangeEndpoints = {
  /** Any party: the file as a download; `?version=<sid>|current&lang=da|en`. */
  exportCase: endpoint({
    method: 'GET',
    path: '/api/cases/:id/export.:format',
    response: FILE_ANSWER,
    errors: [
      ...AS_PARTY,
      ApiErrorCode.UnknownFormat,
      ApiErrorCode.SnapshotNotFound,
      ApiErrorCode.TooManyExports,
      ApiErrorCode.ExportFailed,
      ApiErrorCode.ExportUnavailable,
    ],
  }),
  /** The raw JSON file as the body (up to 50 MiB, not the API's JSON parser); the caller becomes facilitator. */
  importCase: endpoint({
    method: 'POST',
    path: '/api/cases/import',
    response: CreatedCaseLink,
    status: 201,
    errors: [
      ...WITH_ORGANISATION_KEY,
      ApiErrorCode.ImportTooLarge,
      ApiErrorCode.InvalidImport,
      ApiErrorCode.ImportFailed,
      ApiErrorCode.ImportUnavailable,
    ],
  }),
} as const;
