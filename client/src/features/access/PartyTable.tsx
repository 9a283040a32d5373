import type { Party } from '@caseroom/shared';
import { useEffect, useId, useRef, useState } from 'react';
import type { ApiFailure } from '../../api/request.ts';
import { useMessages } from '../../i18n/messages.ts';
import { useSession } from '../caseRoom/sessionContext.ts';
import { useDepartments } from '../sections/useSection.ts';
import { ApiError } from './ApiError.tsx';
import { type PartyLink, rotateLink } from './accessApi.ts';
import { RoleBadge } from './RoleBadge.tsx';
import { storeToken } from './tokens.ts';
import { useMe } from './useAccess.ts';

/**
 * The parties of the case with a "new link" button each. A new link is made only after a
 * confirmation that says the old one stops working at once.
 */
export function PartyTable({ parties, onRotated }: { parties: Party[]; onRotated: (link: PartyLink) => void }) {
  const m = useMessages();
  const departments = useDepartments();
  const [confirming, setConfirming] = useState<Party | null>(null);
  if (parties.length === 0) return <p className="empty">{m.invite.noParties}</p>;
  const departmentName = (id: string | undefined) => departments.find((department) => department.id === id)?.name;
  return (
    <>
      {confirming && (
        <RotateConfirmation
          party={confirming}
          onDone={(link) => {
            setConfirming(null);
            if (link) onRotated(link);
          }}
        />
      )}
      <table className="party-table">
        <caption className="visually-hidden">{m.invite.partiesHeading}</caption>
        <thead>
          <tr>
            <th scope="col">{m.invite.columns.name}</th>
            <th scope="col">{m.invite.columns.kind}</th>
            <th scope="col">{m.invite.columns.role}</th>
            <th scope="col">{m.invite.columns.department}</th>
            <th scope="col">{m.invite.columns.link}</th>
          </tr>
        </thead>
        <tbody>
          {parties.map((party) => (
            <tr key={party.id} data-party-id={party.id}>
              <th scope="row">{party.name}</th>
              <td>{m.access.kinds[party.kind]}</td>
              <td>
                <RoleBadge role={party.role} />
              </td>
              <td>{departmentName(party.departmentId) ?? '–'}</td>
              <td>
                <button
                  type="button"
                  aria-label={m.invite.rotateLabel(party.name)}
                  disabled={confirming !== null}
                  onClick={() => setConfirming(party)}
                >
                  {m.invite.rotate}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** "Make a new link for X?" — what happens to the old one, then confirm or cancel. */
function RotateConfirmation({ party, onDone }: { party: Party; onDone: (link: PartyLink | null) => void }) {
  const m = useMessages();
  const { caseId, token } = useSession();
  const me = useMe();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const own = me?.id === party.id;
  useEffect(() => heading.current?.focus(), []);

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    const result = await rotateLink(caseId, token, party.id);
    setBusy(false);
    if (!result.ok) {
      setFailure(result);
      return;
    }
    // The facilitator's own link: this browser moves to the new one (the room reconnects with it).
    if (own) storeToken(caseId, result.value.token);
    onDone(result.value);
  };
  return (
    <section className="rotate-confirmation" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <h4 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {m.invite.rotateTitle(party.name)}
      </h4>
      <p id={`${id}-text`}>
        {m.invite.rotateExplain}
        {own && ` ${m.invite.rotateOwn}`}
      </p>
      {failure && <ApiError failure={failure} />}
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          {m.invite.rotateConfirm}
        </button>
        <button type="button" disabled={busy} onClick={() => onDone(null)}>
          {m.invite.cancel}
        </button>
      </div>
    </section>
  );
}
