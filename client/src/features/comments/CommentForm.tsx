import { useId, useState } from 'react';
import { failureOf, failureText } from '../../api/failureText.ts';
import type { ApiFailure } from '../../api/request.ts';
import { useMessages } from '../../i18n/messages.ts';
import { useWorkshopCall } from '../workshop/useWorkshop.ts';
import { postComment } from './commentsApi.ts';

/** Sends a new comment or reply; the server writes it as this person's party, now (W9). */
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
  const at = useWorkshopCall();
  const id = useId();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<ApiFailure>();
  const send = async () => {
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const result = await postComment(at, { itemPath, ...(parentId ? { parentId } : {}), text: text.trim() });
    setFailure(failureOf(result));
    if (!result.ok) return;
    setText('');
    onDone?.();
  };
  return (
    <form
      className="workshop-form comment-form"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
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
      {failure && <p role="alert">{failureText(m, failure)}</p>}
      <button type="submit" className="primary">
        {submit}
      </button>
    </form>
  );
}
