import { useId, useState } from 'react';
import { failureOf, failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';

/** The facilitator keeps a named version of the case (W11). */
export function CreateSnapshotForm({ onCreated }: { onCreated: () => void }) {
  const m = useMessages();
  const t = m.workshop.history;
  const actions = useWorkshopActions();
  const id = useId();
  const [name, setName] = useState('');
  const [failure, setFailure] = useState<ApiFailure>();
  const submit = async () => {
    if (!name.trim()) return;
    const result = await actions.perform('snapshot.create', { name: name.trim() });
    setFailure(failureOf(result));
    if (result.ok) {
      setName('');
      onCreated();
    }
  };
  return (
    <form
      className="workshop-form inline"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id}>{t.name}</label>
      <input id={id} value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
      <button type="submit">{t.create}</button>
      {failure && <p role="alert">{failureText(m, failure)}</p>}
    </form>
  );
}
