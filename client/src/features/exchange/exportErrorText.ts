import { ApiErrorCode } from '@caseroom/shared';
import { networkFailureText } from '../../api/failureText.ts';
import type { ApiFailure } from '../../api/request.ts';
import type { Messages } from '../../i18n/messages.ts';

/**
 * What to tell someone whose export failed, in their language: the export's own words where it
 * can say more (a lost link, a version to choose again), else the words for the server's code
 * (`m.apiErrors`, keyed by shared's ApiErrorCode), else by status.
 */
export function exportErrorText(m: Messages, failure: ApiFailure): string {
  const errors = m.exchange.export.errors;
  if (failure.reason === 'unreachable') return errors.unreachable;
  const network = networkFailureText(m, failure);
  if (network) return network;
  if (failure.status === 401 || failure.status === 403) return errors.tokenInvalid;
  if (failure.code === ApiErrorCode.SnapshotNotFound) return errors.snapshotNotFound;
  // A bug on the server is a file that cannot be made from this version: say so, not "try again".
  if (failure.code === ApiErrorCode.Internal) return errors.exportFailed;
  if (failure.code !== undefined) return m.apiErrors[failure.code];
  if (failure.status === 500) return errors.exportFailed;
  if (failure.status === 429) return errors.tooManyExports;
  if (failure.status === 503) return errors.exportUnavailable;
  return errors.failed;
}
