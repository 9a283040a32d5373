import { useId, useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { useMe } from '../access/useAccess.ts';
import { useSession } from '../caseRoom/sessionContext.ts';
import { addComment } from './commentsDoc.ts';

/** Writes a new comment or reply as this person's party, now. */
export function CommentForm({
  itemPath,
  parentId,
  label,
  submit,
  onDone,
}: {
  itemPath: string;
  parentId?: string;
  label: string;
  submit: string;
  onDone?: () => void;
}) {
  const m = useMessages();
  const t = m.workshop.comments;
  const session = useSession();
  const me = useMe();
  const id = useId();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const send = () => {
    if (!me) return;
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    const comment = {
      itemPath,
      ...(parentId ? { parentId } : {}),
      text: text.trim(),
      partyId: me.id,
      partyName: me.name,
      at: new Date().toISOString(),
      resolved: false,
    };
    session.writeStep(() => addComment(session.doc, crypto.randomUUID(), comment));
    setText('');
    setMissing(false);
    onDone?.();
  };
  return (
    <form
      className="workshop-form comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        aria-invalid={missing}
        aria-describedby={missing ? `${id}-missing` : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      {missing && (
        <p id={`${id}-missing`} role="alert">
          {t.required}
        </p>
      )}
      <button type="submit" className="primary">
        {submit}
      </button>
    </form>
  );
}
