import { useId, useRef, useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { caseLink } from './tokens.ts';

/**
 * A party's new link, shown once, with a copy button (and a way out when copying is blocked).
 * The link is the server's (built from its public address, issue 10), so a facilitator working
 * on `localhost` still invites people to the address they can reach; an older server sends none
 * and the link is built from this page's address.
 */
export function NewLink({
  caseId,
  partyName,
  token,
  link: serverLink,
}: {
  caseId: string;
  partyName: string;
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
      <label htmlFor={id}>{m.invite.newLinkFor(partyName)}</label>
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
        <button type="button" className="primary" onClick={() => void copy()}>
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
