import { useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { InviteDialog } from './InviteDialog.tsx';
import { useCanFacilitate } from './useAccess.ts';

/** The top bar's "Invite" button, for the facilitator only; opens the parties and links dialog. */
export function InviteButton() {
  const m = useMessages();
  const facilitator = useCanFacilitate();
  const [open, setOpen] = useState(false);
  if (!facilitator) return null;
  return (
    <>
      <button type="button" className="invite-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <span aria-hidden="true">+</span> {m.invite.open}
      </button>
      {open && <InviteDialog onClose={() => setOpen(false)} />}
    </>
  );
}
