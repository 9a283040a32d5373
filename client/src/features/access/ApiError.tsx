import { failureText } from '../../api/failureText.ts';
import type { ApiFailure } from '../../api/request.ts';
import { useMessages } from '../../i18n/messages.ts';

/**
 * A failed parties request, explained. For a 400 the server's own message (English, naming the
 * field it rejected) follows as a detail.
 */
export function ApiError({ failure }: { failure: ApiFailure }) {
  const m = useMessages();
  return (
    <p className="error" role="alert">
      {failureText(m, failure, 'parties')}
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
