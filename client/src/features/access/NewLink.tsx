import type { Role } from '@caseroom/shared';
import { useId, useRef, useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import type { PartyLink } from './accessApi.ts';
import { RoleBadge } from './RoleBadge.tsx';
import { caseLink } from './tokens.ts';

/**
 * Every link made while the invite dialog is open, newest first (inviteForm.ts `withLink`),
 * each with its party's name, role and copy button — a new link no longer replaces the last.
 */
export function NewLinks({ caseId, links }: { caseId: string; links: readonly PartyLink[] }) {
  const m = useMessages();
  const id = useId();
  if (links.length === 0) return null;
  return (
    <section className="new-links" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{m.invite.newLinksHeading}</h3>
      <p className="help">{m.invite.newLinksHelp}</p>
      {links.map((made) => (
        <NewLink
          key={made.token}
          caseId={caseId}
          partyName={made.party.name}
          role={made.party.role}
          token={made.token}
          link={made.link}
        />
      ))}
    </section>
  );
}

/**
 * A party's new link, shown once, with a copy button (and a way out when copying is blocked).
 * The link is the server's (built from its public address, issue 10), so a facilitator working
 * on `localhost` still invites people to the address they can reach; an older server sends none
 * and the link is built from this page's address.
 */
export function NewLink({
  caseId,
  partyName,
  role,
  token,
  link: serverLink,
}: {
  caseId: string;
  partyName: string;
  role?: Role;
  token: string;
  link?: string;
}) {
  const m = useMessages();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const link = serverLink ?? caseLink(caseId, token);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  };
  return (
    <div className="new-link">
      <label htmlFor={id}>
        {m.invite.newLinkFor(partyName)} {role && <RoleBadge role={role} />}
      </label>
      <div className="new-link-row">
        <input
          ref={input}
          id={id}
          type="text"
          readOnly
          value={link}
          aria-describedby={`${id}-help`}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="primary" aria-label={m.invite.copyFor(partyName)} onClick={() => void copy()}>
          {m.invite.copy}
        </button>
      </div>
      <p className="help" id={`${id}-help`}>
        {m.invite.newLinkHelp}
      </p>
      <p className={copied === 'failed' ? 'error' : 'copy-status'} role="status">
        {copied === 'yes' ? m.invite.copied : copied === 'failed' ? m.invite.copyFailed : ''}
      </p>
    </div>
  );
}
