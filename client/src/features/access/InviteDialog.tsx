import { useCallback, useEffect, useId, useState } from 'react';
import type { ApiResult } from '../../api/request.ts';
import { ModalDialog } from '../../app/ModalDialog.tsx';
import { useSession } from '../../caseState/sessionContext.ts';
import { useMessages } from '../../i18n/messages.ts';
import { AddPartyForm } from './AddPartyForm.tsx';
import { ApiError } from './ApiError.tsx';
import { listParties, type PartyAccess, type PartyLink } from './accessApi.ts';
import { withLink } from './inviteForm.ts';
import { NewLinks } from './NewLink.tsx';
import { PartyTable } from './PartyTable.tsx';

/**
 * The facilitator's parties and links (docs/access.md A9), in a modal dialog: the parties of
 * the case, a new link for any of them (the old one stops at once), each link's expiry date and
 * ending a party's access (issue 10), and a new party with its link. Links are shown only
 * while the dialog is open — every one made since it opened, newest first.
 */
export function InviteDialog({ onClose }: { onClose: () => void }) {
  const m = useMessages();
  const { caseId, token } = useSession();
  const sectionId = useId();
  const [parties, setParties] = useState<ApiResult<PartyAccess[]> | null>(null);
  const [made, setMade] = useState<PartyLink[]>([]);
  const [changed, setChanged] = useState('');

  const load = useCallback(async () => setParties(await listParties(caseId, token)), [caseId, token]);
  useEffect(() => {
    void load();
  }, [load]);

  const onMade = (link: PartyLink) => {
    setMade((links) => withLink(links, link));
    setChanged('');
    void load();
  };
  const onChanged = (message: string) => {
    setChanged(message);
    void load();
  };

  return (
    <ModalDialog
      title={m.invite.title}
      subtitle={<p className="help">{m.invite.intro}</p>}
      closeLabel={m.invite.close}
      className="invite-dialog"
      onClose={onClose}
    >
      <NewLinks caseId={caseId} links={made} />
      <p className="copy-status" role="status">
        {changed}
      </p>
      <section aria-labelledby={`${sectionId}-parties`}>
        <h3 id={`${sectionId}-parties`}>{m.invite.partiesHeading}</h3>
        {!parties ? (
          <p className="loading" aria-busy="true">
            {m.invite.loading}
          </p>
        ) : parties.ok ? (
          <PartyTable parties={parties.value} onRotated={onMade} onChanged={onChanged} />
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
    </ModalDialog>
  );
}
