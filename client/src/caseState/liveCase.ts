import { commentsMap, readWorkshop, type WorkshopRecord, workshopMap } from '@caseroom/shared';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type Comment, readComments, sectionOf } from '../features/comments/commentsDoc.ts';
import { keepEqual } from './keepEqual.ts';
import { type Leader, type Peer, readLeader, readPeers } from './presence.ts';
import type { PartySource } from './sessionContext.ts';

/**
 * What is happening in the open case, as this browser last heard it: who is here, whom
 * "follow me" follows, the server-written workshop record and comments. Read from the
 * document and awareness by `feedCaseStore` — never written by components — so that every
 * component reads it with a selector from the case's store.
 */
export type LiveCase = {
  /** Everyone present, this person first (presence.ts `readPeers`). */
  peers: readonly Peer[];
  /** The facilitator asking everyone to follow them, if any (W6). */
  leader: Leader | undefined;
  /** The workshop record (W1), as the server wrote it. */
  workshop: WorkshopRecord;
  /** Every comment (W9), oldest first. */
  comments: readonly [string, Comment][];
  /** Open (unresolved) threads per section, for the navigation. */
  openCommentCounts: Readonly<Record<string, number>>;
};

/** What a case store is fed from: a document, its presence and who this browser is in it. */
export type CaseSource = {
  doc: Y.Doc;
  awareness: Awareness;
  me: PartySource;
};

/** A store the feed writes into (the case's store). */
type LiveStore = {
  getState: () => LiveCase;
  setState: (partial: Partial<LiveCase>) => void;
};

/** A case with nobody here, no workshop record and no comments (read from an empty document). */
export function emptyLiveCase(): LiveCase {
  return { peers: [], leader: undefined, workshop: EMPTY_WORKSHOP, comments: [], openCommentCounts: {} };
}

const EMPTY_WORKSHOP: WorkshopRecord = readWorkshop(new Y.Doc());

/** Open (unresolved) threads per section: replies and resolved threads do not count. */
export function countOpenThreads(comments: readonly [string, Comment][]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, comment] of comments) {
    if (comment.parentId || comment.resolved) continue;
    const section = sectionOf(comment.itemPath);
    counts[section] = (counts[section] ?? 0) + 1;
  }
  return counts;
}

/**
 * Keeps `store`'s live part in step with `source` until the returned stop is called: each
 * event re-reads only its own slice — presence on awareness changes (and when the server says
 * who this browser is), the workshop record when `workshop` changes, comments when `comments`
 * changes — and keeps every unchanged part's identity (`keepEqual`), so selectors over the
 * rest do not re-render. Stopping removes every listener: a closed session's late events
 * never reach the store, nor any store opened after it.
 */
export function feedCaseStore(store: LiveStore, source: CaseSource): () => void {
  const { doc, awareness, me } = source;
  let stopped = false;
  const update = (next: Partial<LiveCase>) => {
    if (stopped) return;
    const current = store.getState();
    const changed: Partial<LiveCase> = {};
    for (const key of Object.keys(next) as (keyof LiveCase)[]) {
      const kept = keepEqual(current[key], next[key]);
      if (kept !== current[key]) Object.assign(changed, { [key]: kept });
    }
    if (Object.keys(changed).length > 0) store.setState(changed);
  };
  const onPresence = () => update({ peers: readPeers(awareness, me.get()), leader: readLeader(awareness) });
  const onWorkshop = () => update({ workshop: readWorkshop(doc) });
  const onComments = () => {
    const comments = readComments(doc);
    update({ comments, openCommentCounts: countOpenThreads(comments) });
  };
  // Both are top-level types: getting them never writes anything (undefined only if a crafted
  // document made them something else; then there is nothing to follow).
  const workshop = workshopMap(doc);
  const comments = commentsMap(doc);
  onPresence();
  onWorkshop();
  onComments();
  awareness.on('change', onPresence);
  const stopMe = me.subscribe(onPresence);
  workshop?.observeDeep(onWorkshop);
  comments?.observe(onComments);
  return () => {
    stopped = true;
    awareness.off('change', onPresence);
    stopMe();
    workshop?.unobserveDeep(onWorkshop);
    comments?.unobserve(onComments);
  };
}
