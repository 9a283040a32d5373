import { useState } from 'react';
import { networkFailureText } from '../../api/failureText.ts';
import { casePath, navigate } from '../../app/routes.ts';
import { useMessages } from '../../i18n/messages.ts';
import { readOrganisationKey } from '../organisation/organisationKey.ts';
import { useOrganisationKey } from '../organisation/useOrganisationKey.tsx';
import { type ApiFailure, createCase } from './casesApi.ts';

/**
 * "New case" and "Open the example": create on the server, then go to the new case. A server on
 * the network asks for the organisation key first (issue 10); the case is created once it is given.
 */
export function NewCaseButtons() {
  const m = useMessages();
  const [busy, setBusy] = useState<'new' | 'example' | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const organisationKey = useOrganisationKey();
  const create = async (example: boolean) => {
    setBusy(example ? 'example' : 'new');
    setFailure(null);
    const result = await createCase({ example, organisationKey: readOrganisationKey() });
    setBusy(null);
    if (result.ok) navigate(casePath(result.value));
    else if (!organisationKey.askFor(result, () => void create(example))) setFailure(result);
  };
  return (
    <div className="new-case">
      <div className="actions">
        <button type="button" className="primary" disabled={busy !== null} onClick={() => create(false)}>
          {busy === 'new' ? m.start.creating : m.start.newCase}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => create(true)}>
          {busy === 'example' ? m.start.creating : m.start.openExample}
        </button>
      </div>
      {organisationKey.form}
      {failure && (
        <p className="error" role="alert">
          {failure.reason === 'unreachable'
            ? m.start.errors.unreachable
            : (networkFailureText(m, failure) ?? m.start.errors.createFailed)}
        </p>
      )}
    </div>
  );
}
