import type { Party } from '@caseroom/shared';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ApiResult } from '../../api/request.ts';
import { useMessages } from '../../i18n/messages.ts';
import { useSession } from '../caseRoom/sessionContext.ts';
import { AddPartyForm } from './AddPartyForm.tsx';
import { ApiError } from './ApiError.tsx';
import { listParties, type PartyLink } from './accessApi.ts';
import { NewLink } from './NewLink.tsx';
import { PartyTable } from './PartyTable.tsx';

/**
 * The facilitator's parties and links (docs/access.md A9), in a modal dialog: the parties of
 * the case, a new link for any of them (the old one stops at once), and a new party with its
 * link. A link is shown once, right after it was made.
 */
export function InviteDialog({ onClose }: { onClose: () => void }) {
  const m = useMessages();
  const { caseId, token } = useSession();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);
  const [parties, setParties] = useState<ApiResult<Party[]> | null>(null);
  const [made, setMade] = useState<PartyLink | null>(null);

  const load = useCallback(async () => setParties(await listParties(caseId, token)), [caseId, token]);
  useEffect(() => {
    opener.current = document.activeElement;
    ref.current?.showModal();
    void load();
    return () => {
      if (opener.current instanceof HTMLElement) opener.current.focus();
    };
  }, [load]);

  const onMade = (link: PartyLink) => {
    setMade(link);
    void load();
  };

  return (
    <dialog
      ref={ref}
      className="invite-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-header">
        <div>
          <h2 id={titleId}>{m.invite.title}</h2>
          <p className="help">{m.invite.intro}</p>
        </div>
        <button type="button" onClick={onClose}>
          {m.invite.close}
        </button>
      </div>
      {made && <NewLink key={made.token} caseId={caseId} partyName={made.party.name} token={made.token} />}
      <section aria-labelledby={`${titleId}-parties`}>
        <h3 id={`${titleId}-parties`}>{m.invite.partiesHeading}</h3>
        {!parties ? (
          <p className="loading" aria-busy="true">
            {m.invite.loading}
          </p>
        ) : parties.ok ? (
          <PartyTable parties={parties.value} onRotated={onMade} />
        ) : (
          <>
            <ApiError failure={parties} />
            <button type="button" onClick={() => void load()}>
              {m.common.tryAgain}
            </button>
          </>
        )}
      </section>
      <AddPartyForm onAdded={onMade} />
    </dialog>
  );
}
