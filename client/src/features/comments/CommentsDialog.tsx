import { WorkshopDialog } from '../../app/WorkshopDialog.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { useItemName } from '../workshop/itemName.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentThread } from './CommentThread.tsx';
import { useCommentSubject } from './commentSubject.ts';
import { sectionOf } from './commentsDoc.ts';
import { useComments, useMayComment } from './useComments.ts';

/**
 * The comments on a section (all its threads, each saying what it is about) or on one item:
 * threads oldest first, open before resolved; editors and the facilitator add, answer and
 * resolve; observers read. The title names an item by its title and name.
 */
export function CommentsDialog({
  path,
  what,
  scope,
  onClose,
}: {
  path: string;
  what: string;
  scope: 'section' | 'item';
  onClose: () => void;
}) {
  const m = useMessages();
  const t = m.workshop.comments;
  const all = useComments();
  // Comments are not section content: a locked section can still be discussed.
  const writer = useMayComment();
  const itemName = useItemName();
  const subject = useCommentSubject(path, what, scope);
  const matches = (itemPath: string) => (scope === 'section' ? sectionOf(itemPath) === path : itemPath === path);
  const threads = all
    .filter(([, c]) => !c.parentId && matches(c.itemPath))
    .sort(([, a], [, b]) => Number(a.resolved) - Number(b.resolved));
  return (
    <WorkshopDialog title={t.title(subject)} onClose={onClose}>
      {threads.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <ul className="comment-threads">
          {threads.map(([id, comment]) => (
            <CommentThread
              key={id}
              id={id}
              comment={comment}
              about={scope === 'section' && comment.itemPath !== path ? itemName(comment.itemPath) : undefined}
              replies={all.filter(([, c]) => c.parentId === id)}
              writer={writer}
            />
          ))}
        </ul>
      )}
      {writer && <CommentForm itemPath={path} label={t.newComment} submit={t.add} />}
    </WorkshopDialog>
  );
}
