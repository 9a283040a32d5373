import { useState } from 'react';
import { useLocale, useMessages } from '../../i18n/messages.ts';
import { useDepartments } from '../sections/useSection.ts';
import type { PartyAccess, PartyLink } from './accessApi.ts';
import { EndAccessConfirmation } from './EndAccessConfirmation.tsx';
import { type ExpiryChange, ExpiryForm } from './ExpiryForm.tsx';
import { linkLifetime } from './linkLifetime.ts';
import { RoleBadge } from './RoleBadge.tsx';
import { RotateConfirmation } from './RotateConfirmation.tsx';
import { useMe } from './useAccess.ts';

/** What the facilitator is doing to one party's link: a new link, its expiry, ending its access. */
type Action = { kind: 'rotate' | 'expiry' | 'end'; party: PartyAccess };

/**
 * The parties of the case with, for each, where its link stands (no expiry, expires, expired,
 * ended) and what the facilitator can do: a new link (after a confirmation that says the old
 * one stops at once), an expiry date, and ending its access (issue 10; not their own).
 */
export function PartyTable({
  parties,
  onRotated,
  onChanged,
}: {
  parties: PartyAccess[];
  onRotated: (link: PartyLink) => void;
  /** A party's expiry or access changed: reload the parties and say so. */
  onChanged: (message: string) => void;
}) {
  const m = useMessages();
  const t = m.invite.lifetime;
  const departments = useDepartments();
  const me = useMe();
  const [action, setAction] = useState<Action | null>(null);
  if (parties.length === 0) return <p className="empty">{m.invite.noParties}</p>;
  const departmentName = (id: string | undefined) => departments.find((department) => department.id === id)?.name;
  const done = () => setAction(null);
  return (
    <>
      {action?.kind === 'rotate' && (
        <RotateConfirmation
          party={action.party}
          onDone={(link) => {
            done();
            if (link) onRotated(link);
          }}
        />
      )}
      {action?.kind === 'expiry' && (
        <ExpiryForm
          party={action.party}
          onDone={(change: ExpiryChange | null) => {
            done();
            if (change)
              onChanged(change === 'saved' ? t.expirySaved(action.party.name) : t.expiryCleared(action.party.name));
          }}
        />
      )}
      {action?.kind === 'end' && (
        <EndAccessConfirmation
          party={action.party}
          onDone={(ended) => {
            done();
            if (ended) onChanged(t.endDone(action.party.name));
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
            <th scope="col">{t.column}</th>
            <th scope="col">{m.invite.columns.link}</th>
          </tr>
        </thead>
        <tbody>
          {parties.map((party) => {
            const ended = party.endedAt !== undefined;
            return (
              <tr key={party.id} data-party-id={party.id} data-access={linkLifetime(party, Date.now()).kind}>
                <th scope="row">{party.name}</th>
                <td>{m.access.kinds[party.kind]}</td>
                <td>
                  <RoleBadge role={party.role} />
                </td>
                <td>{departmentName(party.departmentId) ?? '–'}</td>
                <td>
                  <LifetimeText party={party} />
                </td>
                <td className="party-actions">
                  <button
                    type="button"
                    aria-label={m.invite.rotateLabel(party.name)}
                    disabled={action !== null}
                    onClick={() => setAction({ kind: 'rotate', party })}
                  >
                    {m.invite.rotate}
                  </button>
                  {!ended && (
                    <button
                      type="button"
                      aria-label={t.setExpiryLabel(party.name)}
                      disabled={action !== null}
                      onClick={() => setAction({ kind: 'expiry', party })}
                    >
                      {t.setExpiry}
                    </button>
                  )}
                  {!ended && me?.id !== party.id && (
                    <button
                      type="button"
                      className="danger"
                      aria-label={t.endLabel(party.name)}
                      disabled={action !== null}
                      onClick={() => setAction({ kind: 'end', party })}
                    >
                      {t.end}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** "Intet udløb", "Udløber 12. mar. 2026", "Udløbet …", "Afsluttet …". */
function LifetimeText({ party }: { party: PartyAccess }) {
  const t = useMessages().invite.lifetime;
  const locale = useLocale();
  const lifetime = linkLifetime(party, Date.now());
  const date = (value: Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(value);
  switch (lifetime.kind) {
    case 'open':
      return <span className="lifetime">{t.open}</span>;
    case 'expires':
      return <span className="lifetime">{t.expires(date(lifetime.day))}</span>;
    case 'expired':
      return <span className="lifetime lifetime-over">{t.expired(date(lifetime.day))}</span>;
    case 'ended':
      return <span className="lifetime lifetime-over">{t.ended(date(lifetime.at))}</span>;
  }
}
