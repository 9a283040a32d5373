import { networkFailureText } from '../../api/failureText.ts';
import type { ApiFailure } from '../../api/request.ts';
import type { Messages } from '../../i18n/messages.ts';

/** What to tell someone whose export failed, in their language. */
export function exportErrorText(m: Messages, failure: ApiFailure): string {
  const errors = m.exchange.export.errors;
  if (failure.reason === 'unreachable') return errors.unreachable;
  const network = networkFailureText(m, failure);
  if (network) return network;
  if (failure.status === 401 || failure.status === 403) return errors.tokenInvalid;
  if (failure.code === 'snapshotNotFound') return errors.snapshotNotFound;
  if (failure.code === 'exportFailed' || failure.status === 500) return errors.exportFailed;
  if (failure.code === 'tooManyExports' || failure.status === 429) return errors.tooManyExports;
  if (failure.status === 503) return errors.exportUnavailable;
  return errors.failed;
}
