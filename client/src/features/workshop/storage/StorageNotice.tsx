import type { StorageNotice as Notice, StorageUsage } from '@caseroom/shared';
import { useEffect, useState } from 'react';
import { useMessages } from '../../../i18n/messages.ts';
import { useWorkshop, useWorkshopCall } from '../useWorkshop.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';
import { readStorage } from '../workshopApi.ts';
import { storageNoticeText, tidiedText, tidyFailedText } from './storageNotice.ts';

/** Where the facilitator's "tidy up" stands. */
type Tidy =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'done'; usage: StorageUsage }
  | { state: 'failed'; message: string };

/**
 * The case's storage quota (issue 9), from `workshop.storage`: the facilitator is told from 80 %
 * how much is used and can tidy up (the case's log of changes compacted on the server), with
 * progress and the result; at the quota everyone reads that changes are refused until then.
 */
export function StorageNotice() {
  const m = useMessages();
  const t = m.workshop.storage;
  const notice = useWorkshop().storage;
  const actions = useWorkshopActions();
  // The facilitator, who can tidy up, is told from the warning on (actions.ts `storage.tidy`).
  const facilitator = actions.may('storage.tidy');
  const live = useLatestUsage(facilitator ? notice : undefined);
  const [tidy, setTidy] = useState<Tidy>({ state: 'idle' });
  // Once tidied up, the result says how much is used now; the notice follows from the server.
  const text = tidy.state === 'done' ? undefined : storageNoticeText(notice, live, facilitator, t);
  if (!text && tidy.state !== 'done') return null;

  const tidyUp = async () => {
    setTidy({ state: 'working' });
    const result = await actions.perform('storage.tidy', undefined);
    if (result.ok) setTidy({ state: 'done', usage: result.value });
    else setTidy({ state: 'failed', message: tidyFailedText(result.code, m) });
  };
  const working = tidy.state === 'working';
  const canTidy = actions.verdict('storage.tidy', undefined).shown && tidy.state !== 'done';
  return (
    <div
      className={`storage-notice ${notice?.level === 'full' ? 'refused-notice' : 'lock-notice'}`}
      role="status"
      aria-label={t.label}
      aria-busy={working}
    >
      {text && (
        // One paragraph with its button: the top bar stays short on a projector.
        <p>
          {text}
          {canTidy && (
            <>
              {' '}
              {t.explain}{' '}
              <button type="button" disabled={working} onClick={() => void tidyUp()}>
                {working ? t.tidying : t.tidy}
              </button>
            </>
          )}
        </p>
      )}
      {working && (
        <div className="progress" role="progressbar" aria-label={t.tidying}>
          <span className="progress-bar" />
        </div>
      )}
      {tidy.state === 'done' && (
        <p>
          {tidiedText(tidy.usage, t)}{' '}
          <button type="button" onClick={() => setTidy({ state: 'idle' })}>
            {t.dismiss}
          </button>
        </p>
      )}
      {tidy.state === 'failed' && <p role="alert">{tidy.message}</p>}
    </div>
  );
}

/**
 * The case's current usage, asked of the server each time the notice changes: the notice
 * itself keeps the figure from when its level changed. Undefined until answered.
 */
function useLatestUsage(notice: Notice | undefined): StorageUsage | undefined {
  const { caseId, token } = useWorkshopCall();
  const key = notice ? `${notice.level}:${notice.usedBytes}:${notice.quotaBytes}` : undefined;
  const [latest, setLatest] = useState<{ key: string; usage: StorageUsage }>();
  useEffect(() => {
    if (key === undefined) return;
    let current = true;
    void readStorage({ caseId, token }).then((result) => {
      if (current && result.ok) setLatest({ key, usage: result.value });
    });
    return () => {
      current = false;
    };
  }, [key, caseId, token]);
  return latest?.key === key ? latest?.usage : undefined;
}
