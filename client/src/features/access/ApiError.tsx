import type { ApiFailure } from '../../api/request.ts';
import { useMessages } from '../../i18n/messages.ts';
import { apiErrorText } from './apiErrorText.ts';

/**
 * A failed parties request, explained. For a 400 the server's own message (English, naming the
 * field it rejected) follows as a detail.
 */
export function ApiError({ failure }: { failure: ApiFailure }) {
  const m = useMessages();
  return (
    <p className="error" role="alert">
      {apiErrorText(m, failure)}
      {failure.status === 400 && failure.message && (
        <>
          {' '}
          <span className="error-detail" lang="en">
            ({failure.message})
          </span>
        </>
      )}
    </p>
  );
}
