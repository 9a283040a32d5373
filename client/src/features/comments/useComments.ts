import { canEdit } from '@caseroom/shared';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useMe } from '../access/useAccess.ts';
import { useSession } from '../caseRoom/sessionContext.ts';
import { COMMENTS, type Comment, readComments, sectionOf } from './commentsDoc.ts';

/** Every comment of the case, live (re-read when the `comments` map changes). */
export function useComments(): [string, Comment][] {
  const { doc } = useSession();
  const cache = useRef<{ key: string; rows: [string, Comment][] }>({ key: '', rows: [] });
  const subscribe = useCallback(
    (onChange: () => void) => {
      const map = doc.getMap(COMMENTS);
      map.observe(onChange);
      return () => map.unobserve(onChange);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => {
    const rows = readComments(doc);
    const key = JSON.stringify(rows);
    if (key !== cache.current.key) cache.current = { key, rows };
    return cache.current.rows;
  });
}

/** Open (unresolved) threads per section, for the navigation. */
export function useOpenCommentCounts(): Record<string, number> {
  const comments = useComments();
  const counts: Record<string, number> = {};
  for (const [, comment] of comments) {
    if (comment.parentId || comment.resolved) continue;
    const section = sectionOf(comment.itemPath);
    counts[section] = (counts[section] ?? 0) + 1;
  }
  return counts;
}

/** Whether this person may write comments: editors and the facilitator (W9). */
export function useMayComment(): boolean {
  const me = useMe();
  return me !== undefined && canEdit(me.role);
}
