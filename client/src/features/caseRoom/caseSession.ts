import { type CaseModelDraft, canEdit, isCaseDocReady, isFinalClose, toModel } from '@caseroom/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { LINK_ENDED_EVENT, type LinkEndedDetail } from '../../api/request.ts';
import { checkForNewBuild } from '../../app/newBuild.ts';
import type { CaseView } from '../../caseState/sessionContext.ts';
import type { ReceivedRefusal } from '../../caseState/workshopViewSlice.ts';
import { forgetToken } from '../access/tokens.ts';
import { trackWhoAmI, type WhoAmI } from '../access/whoAmI.ts';
import { type ConnectionTracker, trackConnection } from '../connection/connectionState.ts';
import { createUndoManager } from '../undo/undoManager.ts';
import { MESSAGE_REFUSED, MESSAGE_TOO_BIG, refusedMessageHandler } from '../workshop/refusal/refusedMessage.ts';
import { mergeOlderCopies } from './copyMerge.ts';
import { webSocketWithLinkToken } from './linkTokenSocket.ts';
import { trackLocalChanges } from './localChanges.ts';
import { openOfflineCopy } from './offlineCopy.ts';

/**
 * Everything one open case needs: its Y.Doc, the websocket provider (sync + awareness), this
 * link's offline copy in IndexedDB (offlineCopy.ts), the undo manager for this person's own changes, the connection
 * state and who this browser is in the case. Created when the case room opens, destroyed when
 * it closes.
 */
export type CaseSession = CaseView & {
  provider: WebsocketProvider;
  connection: ConnectionTracker;
  me: WhoAmI;
  /**
   * Calls `listener` when the server refuses one of this browser's updates (W2, bounds of
   * issue 9) or closes the connection because a change was larger than a message may be (1009).
   */
  onRefused: (listener: (refusal: ReceivedRefusal) => void) => () => void;
  /** This link's offline copy as it loaded, before the server's state merged in (none: no copy, or a fresh one). */
  copyModel: () => CaseModelDraft | undefined;
  destroy: () => void;
  /** Closes the session and deletes its offline copy, so a new session loads the server's state (W2). */
  destroyAndForgetLocalCopy: () => Promise<void>;
};

/** The websocket endpoint on the page's own origin (the vite dev server proxies it). */
export function websocketBase(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

/** localStorage flag that exposes the open case's document to browser tests (`window.caseroomTest`). */
export const TEST_HOOKS_KEY = 'caseroom.testHooks';

/** A document's case model, if it can be read. */
function readModel(doc: Y.Doc): CaseModelDraft | undefined {
  try {
    return toModel(doc);
  } catch {
    return undefined;
  }
}

/** Whether the server answers over HTTP (asked when the websocket keeps failing to open). */
async function serverAnswers(): Promise<boolean> {
  try {
    return (await fetch('/health', { cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

/**
 * Opens a case with this browser's token: attaches this link's offline copy, then connects to
 * the server, presenting the token as the first websocket message (issue 10; never in the URL),
 * and starts tracking undo and who we are. The document is new, so its Yjs client id is fresh:
 * never one another party's session used. Once the server has said which party the link names,
 * the copy records it, and the copies this party's older links left in this browser (expired,
 * ended, replaced) are taken over (copyMerge.ts).
 */
export function openCaseSession(caseId: string, token: string): CaseSession {
  const doc = new Y.Doc();
  const localOrigin = { name: 'caseroom-local-edit' };
  const copy = openOfflineCopy(caseId, token, doc);
  const provider = new WebsocketProvider(websocketBase(), caseId, doc, {
    WebSocketPolyfill: webSocketWithLinkToken(token),
    // Reconnect after anything but a final close — no such case, a link that is not valid, a
    // link the facilitator replaced, let expire or ended (y-websocket's default would also give
    // up after 4400 MalformedMessage, which asks for a fresh connection instead).
    shouldReconnect: (event) => !isFinalClose(event.code),
    maxBackoffTime: 5000,
    // Connects once the copy is attached (its name is a hash, computed asynchronously), so the
    // copy sees every update, as before it was kept per link.
    connect: false,
  });
  // What this session changed itself: a refusal of anything else was the offline copy's replay.
  const localChanges = trackLocalChanges(doc);
  let destroyed = false;
  const refusedListeners = new Set<(refusal: ReceivedRefusal) => void>();
  const tellRefused = (refusal: Omit<ReceivedRefusal, 'fromCopy'>) => {
    for (const listener of refusedListeners) listener({ ...refusal, fromCopy: localChanges.refusedFromCopy(refusal) });
  };
  // A refused link is forgotten (the start page stops listing with it); what was typed stays in
  // IndexedDB. A change too large to send would be sent again on every reconnection: it is
  // refused like a change the server turned down (the room reloads from the server).
  const connection = trackConnection(provider, {
    onRefused: () => forgetToken(caseId, token),
    onMessageTooBig: () => tellRefused({ reason: MESSAGE_TOO_BIG, sections: [] }),
    probeServer: serverAnswers,
  });
  // Any request with this link that the server answered "expired" or "ended" stops the room too.
  const onLinkEnded = (event: Event) => {
    const { detail } = event as CustomEvent<LinkEndedDetail>;
    if (detail.token === token) connection.endLink(detail.code);
  };
  window.addEventListener(LINK_ENDED_EVENT, onLinkEnded);
  const me = trackWhoAmI(caseId, token, provider);
  void me.whenConfirmed.then(async (party) => {
    if (destroyed) return;
    await copy.recordParty(party.id);
    if (!destroyed && canEdit(party.role)) await mergeOlderCopies(caseId, party.id, doc, copy);
  });
  const undo = createUndoManager(doc, localOrigin);
  provider.messageHandlers[MESSAGE_REFUSED] = refusedMessageHandler(tellRefused);
  // Back after the connection was lost — perhaps the server restarted with a new version.
  let connections = 0;
  const onReconnected = ({ status }: { status: string }) => {
    if (status === 'connected' && ++connections > 1) void checkForNewBuild();
  };
  provider.on('status', onReconnected);
  // The copy as it loaded, before the server's state merges into it: an old copy's short text
  // written as a string (before the upgrade to layout 2) loses to the server's Y.Text in the
  // merge when its client id is the lower one, so a refusal as outdated reads the person's
  // text from here (refusalSnapshot.ts).
  let copyModel: CaseModelDraft | undefined;
  void copy.whenLoaded.then(() => {
    if (destroyed) return;
    if (isCaseDocReady(doc)) copyModel = readModel(doc);
    provider.connect();
  });
  // The UI of an observer is read-only; this keeps a stray write out of the local copy too.
  const mayWrite = () => {
    const party = me.get();
    return party !== undefined && canEdit(party.role);
  };
  if (window.localStorage.getItem(TEST_HOOKS_KEY) === 'on') {
    (window as unknown as { caseroomTest?: object }).caseroomTest = { doc, provider };
  }

  return {
    caseId,
    token,
    doc,
    provider,
    undo,
    connection,
    me,
    write: (change) => {
      if (mayWrite()) doc.transact(change, localOrigin);
    },
    writeStep: (change) => {
      if (!mayWrite()) return;
      undo.stopCapturing();
      doc.transact(change, localOrigin);
      undo.stopCapturing();
    },
    copyModel: () => copyModel,
    onRefused: (listener) => {
      refusedListeners.add(listener);
      return () => refusedListeners.delete(listener);
    },
    destroy,
    destroyAndForgetLocalCopy: async () => {
      destroy();
      await copy.forget();
    },
  };

  function destroy() {
    if (destroyed) return;
    destroyed = true;
    window.removeEventListener(LINK_ENDED_EVENT, onLinkEnded);
    provider.off('status', onReconnected);
    me.destroy();
    connection.destroy();
    localChanges.destroy();
    undo.destroy();
    provider.awareness.setLocalState(null);
    provider.destroy();
    void copy.close();
    doc.destroy();
  }
}
