import type { SnapshotListing } from '@caseroom/shared';
import { useCallback, useEffect, useState } from 'react';
import { failureOf, failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { DialogButton, WorkshopDialog } from '../../../app/WorkshopDialog.tsx';
import { useMessages } from '../../../i18n/messages.ts';
import { useWorkshopCall } from '../useWorkshop.ts';
import { useWorkshopActions } from '../useWorkshopActions.ts';
import { listSnapshots } from '../workshopApi.ts';
import { ActivityList } from './ActivityList.tsx';
import { CreateSnapshotForm } from './CreateSnapshotForm.tsx';
import { SnapshotRow } from './SnapshotRow.tsx';

/** The top bar's history button and its dialog. */
export function HistoryButton() {
  const m = useMessages();
  return <DialogButton label={m.workshop.history.open}>{(close) => <HistoryDialog onClose={close} />}</DialogButton>;
}

/**
 * History (W11): the kept versions, newest first — automatic at phase changes and sign-offs,
 * named ones by the facilitator; view one, see what changed since, restore (facilitator).
 */
function HistoryDialog({ onClose }: { onClose: () => void }) {
  const m = useMessages();
  const t = m.workshop.history;
  const at = useWorkshopCall();
  const facilitator = useWorkshopActions().may('snapshot.create');
  const [snapshots, setSnapshots] = useState<SnapshotListing[] | null>(null);
  const [failure, setFailure] = useState<ApiFailure>();
  const { caseId, token } = at;
  const load = useCallback(async () => {
    const result = await listSnapshots({ caseId, token });
    setFailure(failureOf(result));
    if (result.ok) {
      setSnapshots([...result.value].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
    }
  }, [caseId, token]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <WorkshopDialog title={t.title} intro={t.intro} onClose={onClose}>
      {facilitator && <CreateSnapshotForm onCreated={() => void load()} />}
      <ActivityList />
      {failure && <p role="alert">{failureText(m, failure)}</p>}
      {snapshots && snapshots.length === 0 && <p>{t.empty}</p>}
      {snapshots && snapshots.length > 0 && (
        <ul className="snapshot-list">
          {snapshots.map((snapshot) => (
            <SnapshotRow key={snapshot.id} snapshot={snapshot} onRestored={() => void load()} />
          ))}
        </ul>
      )}
    </WorkshopDialog>
  );
}
