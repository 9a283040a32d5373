import type { IssuedMemberLink, MemberListing } from '@caseroom/shared';
import { useEffect, useRef, useState } from 'react';
import { useLocale, useMessages } from '../../i18n/messages.ts';
import { linkLifetime } from '../access/linkLifetime.ts';
import { AddMemberForm } from './AddMemberForm.tsx';
import { listMembers, revokeMember } from './adminApi.ts';
import { adminFailureText, keyRefused } from './adminFailure.ts';
import { IssuedLinkBox } from './IssuedLinkBox.tsx';

/**
 * The organisation's members (issue 15): the list with each link's state, "Tilføj person" (the
 * new link shown once), and "Tilbagekald" with a confirmation that says the case access ends too.
 */
export function MembersPanel({
  organisationKey,
  initial,
  onKeyRefused,
}: {
  organisationKey: string;
  initial: MemberListing[];
  onKeyRefused: () => void;
}) {
  const m = useMessages();
  const t = m.admin.members;
  const locale = useLocale();
  const [members, setMembers] = useState(initial);
  const [loading, setLoading] = useState(false);
  const [issued, setIssued] = useState<IssuedMemberLink | undefined>();
  const [confirming, setConfirming] = useState<MemberListing | undefined>();
  const [revoking, setRevoking] = useState(false);
  const [status, setStatus] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const statusLine = useRef<HTMLParagraphElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // Keyboard: the confirmation takes the focus; when the row's buttons go, the status line does.
  const [returnTo, setReturnTo] = useState<string | undefined>();
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  // Cancelled: focus goes back to that member's "Tilbagekald".
  useEffect(() => {
    if (!returnTo) return;
    document.querySelector<HTMLButtonElement>(`[data-revoke="${CSS.escape(returnTo)}"]`)?.focus();
    setReturnTo(undefined);
  }, [returnTo]);
  const cancel = () => {
    setReturnTo(confirming?.id);
    setConfirming(undefined);
  };
  const day = (iso: string | Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));

  const reload = async () => {
    setLoading(true);
    setError(undefined);
    const loaded = await listMembers(organisationKey);
    setLoading(false);
    if (loaded.ok) setMembers(loaded.value);
    else if (keyRefused(loaded)) onKeyRefused();
    else setError(adminFailureText(m, loaded, t.failed));
  };

  const revoke = async (member: MemberListing) => {
    setRevoking(true);
    setError(undefined);
    const revoked = await revokeMember(organisationKey, member.id);
    setRevoking(false);
    setConfirming(undefined);
    if (!revoked.ok) {
      if (keyRefused(revoked)) onKeyRefused();
      else setError(adminFailureText(m, revoked, t.revokeFailed));
      return;
    }
    setMembers((list) => list.map((one) => (one.id === revoked.value.id ? revoked.value : one)));
    setStatus(t.revoke.done(member.name));
    statusLine.current?.focus();
  };

  const accessText = (member: MemberListing) => {
    const lifetime = linkLifetime(
      { expiresAt: member.expiresAt ?? undefined, endedAt: member.revokedAt ?? undefined },
      Date.now(),
    );
    switch (lifetime.kind) {
      case 'open':
        return t.open;
      case 'expires':
        return t.expires(day(lifetime.day));
      case 'expired':
        return t.expired(day(lifetime.day));
      case 'ended':
        return t.revoked(day(lifetime.at));
    }
  };

  return (
    <section className="admin-panel" aria-labelledby="admin-members-heading">
      <h2 id="admin-members-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      {issued ? (
        <IssuedLinkBox issued={issued} onDone={() => setIssued(undefined)} />
      ) : (
        <AddMemberForm
          organisationKey={organisationKey}
          onAdded={(added) => {
            setIssued(added);
            setStatus(undefined);
            setMembers((list) => [...list, added.member]);
          }}
          onKeyRefused={onKeyRefused}
        />
      )}
      <p className="admin-status" role="status" ref={statusLine} tabIndex={-1}>
        {status}
      </p>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      {members.length === 0 ? (
        <p className="empty">{t.none}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.columns.name}</th>
              <th scope="col">{t.columns.created}</th>
              <th scope="col">{t.columns.access}</th>
              <th scope="col">{t.columns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id} data-member-id={member.id}>
                <th scope="row">{member.name}</th>
                <td>{day(member.createdAt)}</td>
                <td className={member.revokedAt ? 'lifetime-over' : undefined}>{accessText(member)}</td>
                <td>
                  {member.revokedAt ? null : confirming?.id === member.id ? (
                    <fieldset
                      className="admin-confirm"
                      onKeyDown={(event) => {
                        if (event.key === 'Escape' && !revoking) cancel();
                      }}
                    >
                      <legend>{t.revoke.title(member.name)}</legend>
                      <p>{t.revoke.explain}</p>
                      <div className="actions">
                        <button
                          ref={confirmButton}
                          type="button"
                          className="danger"
                          disabled={revoking}
                          aria-busy={revoking}
                          onClick={() => void revoke(member)}
                        >
                          {revoking ? t.revoke.revoking : t.revoke.confirm}
                        </button>
                        <button type="button" disabled={revoking} onClick={cancel}>
                          {t.revoke.cancel}
                        </button>
                      </div>
                    </fieldset>
                  ) : (
                    <button
                      type="button"
                      data-revoke={member.id}
                      aria-label={t.revoke.buttonLabel(member.name)}
                      onClick={() => {
                        setStatus(undefined);
                        setConfirming(member);
                      }}
                    >
                      {t.revoke.button}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => void reload()} disabled={loading} aria-busy={loading}>
        {loading ? t.loading : t.reload}
      </button>
    </section>
  );
}
