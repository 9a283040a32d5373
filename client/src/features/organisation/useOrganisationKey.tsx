import { type ReactNode, useState } from 'react';
import type { ApiFailure } from '../../api/request.ts';
import { OrganisationKeyForm } from './OrganisationKeyForm.tsx';
import { forgetOrganisationKey, organisationKeyProblem, storeOrganisationKey } from './organisationKey.ts';

/**
 * For an action the server may refuse without the organisation key (creating, importing): when
 * a failure asks for the key, `askFor` shows the form and returns true; once a key is entered,
 * it is remembered for the session and the action runs again.
 */
export function useOrganisationKey(): {
  askFor: (failure: ApiFailure, retry: () => void) => boolean;
  form: ReactNode;
} {
  const [asking, setAsking] = useState<{ invalid: boolean; retry: () => void } | null>(null);
  const askFor = (failure: ApiFailure, retry: () => void) => {
    const problem = organisationKeyProblem(failure);
    if (!problem) return false;
    if (problem === 'invalid') forgetOrganisationKey();
    setAsking({ invalid: problem === 'invalid', retry });
    return true;
  };
  const form = asking && (
    <OrganisationKeyForm
      invalid={asking.invalid}
      onSubmit={(key) => {
        storeOrganisationKey(key);
        setAsking(null);
        asking.retry();
      }}
      onCancel={() => setAsking(null)}
    />
  );
  return { askFor, form };
}
