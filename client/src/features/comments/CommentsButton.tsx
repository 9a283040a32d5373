import { useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';
import { CommentIcon } from '../workshop/icons.tsx';
import { CommentsDialog } from './CommentsDialog.tsx';
import { useCommentSubject } from './commentSubject.ts';
import { sectionOf } from './commentsDoc.ts';
import { useComments } from './useComments.ts';

/**
 * "Comments (n)" on a section (every thread in it) or one item (its threads): the number of
 * open threads, and the dialog to read, add, answer and resolve them.
 */
export function CommentsButton({ path, what, scope }: { path: string; what: string; scope: 'section' | 'item' }) {
  const m = useMessages();
  const t = m.workshop.comments;
  const [open, setOpen] = useState(false);
  const subject = useCommentSubject(path, what, scope);
  const matches = (itemPath: string) => (scope === 'section' ? sectionOf(itemPath) === path : itemPath === path);
  const count = useComments().filter(([, c]) => !c.parentId && !c.resolved && matches(c.itemPath)).length;
  return (
    <>
      <button
        type="button"
        className="comments-button"
        data-count={count}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <CommentIcon />{' '}
        {scope === 'item' ? (
          // Named "Comments on Outcome 1 (2)"; what shows is the icon and "(2)".
          <>
            <span className="visually-hidden">{t.openFor(subject, 0)}</span>
            {count > 0 && ` (${count})`}
          </>
        ) : (
          t.open(count)
        )}
      </button>
      {open && <CommentsDialog path={path} what={what} scope={scope} onClose={() => setOpen(false)} />}
    </>
  );
}
