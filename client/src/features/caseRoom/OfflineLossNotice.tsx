import type { Finding } from '@caseroom/shared';
import { useContext, useEffect, useMemo } from 'react';
import { useCaseStore, useCaseStoreApi } from '../../caseState/caseStore.ts';
import { useOfflineMergeMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { useGoToField } from '../businessCase/goToField.ts';
import { CaseSessionContext } from './liveSession.ts';
import { type OfflineLoss, watchOfflineLoss } from './offlineLoss.ts';
import { describeLoss } from './offlineLossText.ts';
import './offlineLossNotice.css';

/**
 * Tells this person which numbers and choices they set offline that another person's value
 * replaced (issue 11): the field, their value and the value that stands, with a way to the
 * field — until they close it. It watches the open session while the room is shown, and keeps
 * what it found in the case's own store, so it never reaches another case.
 */
export function OfflineLossNotice() {
  useWatchOfflineLoss();
  const t = useOfflineMergeMessages();
  const lang = useUiStore((state) => state.language);
  const losses = useCaseStore((state) => state.offlineLosses);
  const dismiss = useCaseStore((state) => state.dismissOfflineLosses);
  const goToField = useGoToField();
  const lines = useMemo(() => losses.map((loss) => ({ loss, text: describeLoss(loss, lang, t) })), [losses, lang, t]);
  if (lines.length === 0) return null;
  return (
    <div className="room-notice offline-loss-notice" role="alert">
      <p>
        <strong>{t.title}.</strong> {t.body}
      </p>
      <ul>
        {lines.map(({ loss, text }) => (
          <li key={loss.path.join('/')}>
            {text.line}
            <button type="button" onClick={() => goToField(asFinding(loss))}>
              {t.goTo}
              <span className="visually-hidden"> {text.field}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={dismiss}>
        {t.dismiss}
      </button>
    </div>
  );
}

/** Watches the live session (none inside a saved version's viewer) for offline values that lost. */
function useWatchOfflineLoss(): void {
  const session = useContext(CaseSessionContext);
  const store = useCaseStoreApi();
  useEffect(() => {
    if (!session) return;
    return watchOfflineLoss(session.doc, session.provider, (losses) => store.getState().addOfflineLosses(losses));
  }, [session, store]);
}

/** `goToField` finds a field by a finding's section and path; a loss has both. */
function asFinding(loss: OfflineLoss): Finding {
  return { rule: 'offlineLoss', severity: 'info', section: loss.section, path: loss.path, messageKey: '', params: {} };
}
