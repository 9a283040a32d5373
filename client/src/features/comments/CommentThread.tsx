import { useState } from 'react';
import { failureOf, failureText } from '../../api/failureText.ts';
import type { ApiFailure } from '../../api/request.ts';
import { useLocale, useMessages } from '../../i18n/messages.ts';
import { useWorkshopCall } from '../workshop/useWorkshop.ts';
import { CommentForm } from './CommentForm.tsx';
import { resolveComment } from './commentsApi.ts';
import type { Comment } from './commentsDoc.ts';

/** One thread: the first comment, its replies, reply and resolve / reopen. */
export function CommentThread({
  id,
  comment,
  about,
  replies,
  writer,
}: {
  id: string;
  comment: Comment;
  about: string | undefined;
  replies: [string, Comment][];
  writer: boolean;
}) {
  const m = useMessages();
  const t = m.workshop.comments;
  const locale = useLocale();
  const at = useWorkshopCall();
  const [replying, setReplying] = useState(false);
  const [failure, setFailure] = useState<ApiFailure>();
  const toggleResolved = async () => setFailure(failureOf(await resolveComment(at, id, !comment.resolved)));
  const when = (c: Comment) => new Date(c.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  const line = (c: Comment) => (
    <>
      <p className="comment-text">{c.text}</p>
      <p className="help">{t.byAt(c.partyName, when(c))}</p>
    </>
  );
  return (
    <li className="comment-thread" data-resolved={comment.resolved}>
      {about && <p className="comment-about">{t.about(about)}</p>}
      {comment.resolved && (
        <p className="comment-resolved">
          <span aria-hidden="true">✓ </span>
          {t.resolved}
        </p>
      )}
      {line(comment)}
      {replies.length > 0 && (
        <ul className="comment-replies">
          {replies.map(([replyId, reply]) => (
            <li key={replyId}>{line(reply)}</li>
          ))}
        </ul>
      )}
      {writer && (
        <div className="comment-actions">
          {!comment.resolved && (
            <button type="button" aria-expanded={replying} onClick={() => setReplying(!replying)}>
              {t.reply}
            </button>
          )}
          <button type="button" onClick={() => void toggleResolved()}>
            {comment.resolved ? t.reopen : t.resolve}
          </button>
          {failure && <p role="alert">{failureText(m, failure)}</p>}
        </div>
      )}
      {writer && replying && (
        <CommentForm
          itemPath={comment.itemPath}
          parentId={id}
          label={t.replyLabel(comment.partyName)}
          submit={t.send}
          onDone={() => setReplying(false)}
        />
      )}
    </li>
  );
}
