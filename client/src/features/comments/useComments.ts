import { canEdit } from '@caseroom/shared';
import { useCaseStore } from '../../caseState/caseStore.ts';
import { useMe } from '../access/useAccess.ts';
import type { Comment } from './commentsDoc.ts';

/** Every comment of the case, live, oldest first (from the case's store, caseState/liveCase.ts). */
export function useComments(): readonly [string, Comment][] {
  return useCaseStore((state) => state.comments);
}

/** Open (unresolved) threads per section, for the navigation. */
export function useOpenCommentCounts(): Readonly<Record<string, number>> {
  return useCaseStore((state) => state.openCommentCounts);
}

/** Whether this person may write comments: editors and the facilitator (W9). */
export function useMayComment(): boolean {
  const me = useMe();
  return me !== undefined && canEdit(me.role);
}
