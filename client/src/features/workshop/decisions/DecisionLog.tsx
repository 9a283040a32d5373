import type { Decision } from '@caseroom/shared';
import { useId, useState } from 'react';
import { failureText } from '../../../api/failureText.ts';
import { DialogButton, WorkshopDialog } from '../../../app/WorkshopDialog.tsx';
import { useLocale, useMessages } from '../../../i18n/messages.ts';
import { useImportedHistory } from '../importedHistory.ts';
import { useDecisionSubjects, useItemName } from '../itemName.ts';
import { useWorkshop } from '../useWorkshop.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';

/** The top bar's decisions button (with how many there are) and the decision log. */
export function DecisionsButton() {
  const m = useMessages();
  const count = Object.keys(useWorkshop().decisions).length + useImportedHistory().decisions.length;
  return (
    <DialogButton label={m.workshop.decisions.open(count)}>{(close) => <DecisionLog onClose={close} />}</DialogButton>
  );
}

/** The decision log (W8): what was decided, about what, by whom and when; the facilitator adds. */
function DecisionLog({ onClose }: { onClose: () => void }) {
  const m = useMessages();
  const t = m.workshop.decisions;
  const locale = useLocale();
  const { decisions } = useWorkshop();
  const itemName = useItemName();
  const rows = Object.entries(decisions).sort(([, a], [, b]) => a.order - b.order);
  // Decisions the imported file carried: history of the case it came from, listed first and marked.
  const imported = [...useImportedHistory().decisions].sort((a, b) => a.order - b.order);
  const when = (decision: Decision) =>
    new Date(decision.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <WorkshopDialog title={t.title} onClose={onClose}>
      {imported.length > 0 && (
        <>
          <h3 className="group-heading">{t.importedHeading}</h3>
          <ol className="decision-log imported">
            {imported.map((decision) => (
              <li key={decision.id} className="decision" data-imported="true">
                <p className="decision-text">{decision.text}</p>
                {decision.itemPath && <p className="help">{t.about(itemName(decision.itemPath))}</p>}
                <p className="help">{t.importedByAt(decision.partyName, when(decision))}</p>
              </li>
            ))}
          </ol>
          <h3 className="group-heading">{t.ownHeading}</h3>
        </>
      )}
      {rows.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ol className="decision-log">
          {rows.map(([id, decision]) => (
            <li key={id} className="decision">
              <p className="decision-text">{decision.text}</p>
              {decision.itemPath && <p className="help">{t.about(itemName(decision.itemPath))}</p>}
              <p className="help">{t.byAt(decision.partyName, when(decision))}</p>
            </li>
          ))}
        </ol>
      )}
      {useWorkshopActions().may('decision.add') && <AddDecisionForm />}
    </WorkshopDialog>
  );
}

function AddDecisionForm() {
  const m = useMessages();
  const t = m.workshop.decisions;
  const actions = useWorkshopActions();
  const id = useId();
  const [text, setText] = useState('');
  const [about, setAbout] = useState('');
  const [error, setError] = useState<string | null>(null);
  const choices = useDecisionSubjects();
  const submit = async () => {
    if (!text.trim()) {
      setError(t.required);
      return;
    }
    const result = await actions.perform('decision.add', { text: text.trim(), itemPath: about || undefined });
    if (result.ok) {
      setText('');
      setAbout('');
    }
    setError(result.ok ? null : failureText(m, result));
  };
  return (
    <form
      className="workshop-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id}>{t.text}</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        aria-invalid={error === t.required}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
      />
      <label htmlFor={`${id}-about`}>{t.subject}</label>
      <select id={`${id}-about`} value={about} onChange={(event) => setAbout(event.target.value)}>
        <option value="">{t.noSubject}</option>
        {choices.map((choice) => (
          <option key={choice.path} value={choice.path}>
            {choice.label}
          </option>
        ))}
      </select>
      {error && <p role="alert">{error}</p>}
      <button type="submit" className="primary">
        {t.add}
      </button>
    </form>
  );
}
