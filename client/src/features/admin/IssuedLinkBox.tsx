import type { IssuedMemberLink } from '@caseroom/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';

/**
 * A new member's link, shown this once (issue 15): read-only in a field to select, a copy button,
 * and why it must be sent now. It lives only in this component's props — never stored.
 */
export function IssuedLinkBox({ issued, onDone }: { issued: IssuedMemberLink; onDone: () => void }) {
  const t = useMessages().admin.members.issued;
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'copyFailed' | undefined>();
  useEffect(() => heading.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.link);
      setCopied('copied');
    } catch {
      field.current?.select();
      setCopied('copyFailed');
    }
  };
  return (
    <section className="admin-issued" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t.heading(issued.member.name)}
      </h3>
      <p className="admin-issued-explain">{t.explain}</p>
      <label htmlFor={`${id}-link`}>{t.label}</label>
      <div className="admin-link-row">
        <input
          ref={field}
          id={`${id}-link`}
          type="text"
          readOnly
          value={issued.link}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="primary" onClick={() => void copy()}>
          {t.copy}
        </button>
      </div>
      <p role="status" className="admin-status">
        {copied ? t[copied] : ''}
      </p>
      <button type="button" onClick={onDone}>
        {t.done}
      </button>
    </section>
  );
}
