import { useEffect, useRef, useState } from 'react';
import { Link } from '../../app/Link.tsx';
import { type CaseState, CaseStoreContext, openCaseState } from '../../caseState/caseStore.ts';
import { captureRefusal, type RefusalCapture, settleOnSync } from '../../caseState/refusalSnapshot.ts';
import { trackServerClock } from '../../caseState/serverClock.ts';
import { CaseViewContext, useSession } from '../../caseState/sessionContext.ts';
import { type Messages, useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { useCaseDocReady } from '../../ydoc/useY.ts';
import { readToken, TOKEN_STORED_EVENT } from '../access/tokens.ts';
import { useConnectionState } from '../connection/ConnectionStatus.tsx';
import type { ConnectionState } from '../connection/connectionState.ts';
import { ProfileGate } from '../profile/ProfileGate.tsx';
import { rememberedSection, rememberSection } from '../sections/navigationSlice.ts';
import { type CaseSession, openCaseSession } from './caseSession.ts';
import { CaseSessionContext } from './liveSession.ts';
import { RoomLayout } from './RoomLayout.tsx';

/**
 * One open case: without a link for it, says so; otherwise asks who the person is (once),
 * opens the session with the link's token, then shows the room. The case's own store
 * (caseState/caseStore.ts) is opened with it and disposed when the room closes, so the next
 * case starts clean; it outlives the sessions a refusal reopens, so the notice stays, and each
 * session feeds its live part (who is here, the workshop record, comments) while it is open.
 */
export function CaseRoom({ caseId }: { caseId: string }) {
  const name = useUiStore((state) => state.name);
  const token = useCaseToken(caseId);
  const caseState = useCaseState(caseId);
  const [session, setSession] = useState<CaseSession | null>(null);
  // A refused update (W2) drops the local copy and opens the case afresh from the server.
  const [generation, setGeneration] = useState(0);
  // The refusal the reopened session settles against the server's state (refusalSnapshot.ts).
  const unsettled = useRef<RefusalCapture | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation reopens the session.
  useEffect(() => {
    if (!token || !caseState) return;
    const { store } = caseState;
    const opened = openCaseSession(caseId, token);
    // The case's live state (presence, workshop record, comments) follows this session until it closes.
    const stopFeeding = caseState.feed({ doc: opened.doc, awareness: opened.provider.awareness, me: opened.me });
    const stopClock = trackServerClock(store.getState().setServerOffset, opened);
    setSession(opened);
    const capture = unsettled.current;
    const notice = store.getState().refused;
    const stopSettling =
      capture && notice
        ? settleOnSync(capture, opened, (lost) => {
            unsettled.current = null;
            store.getState().settleRefused(notice, lost);
          })
        : undefined;
    const stopListening = opened.onRefused((refusal) => {
      unsettled.current = captureRefusal(refusal, opened.doc, opened.copyModel());
      store.getState().setRefused({ ...refusal, lost: [] });
      void opened.destroyAndForgetLocalCopy().then(() => setGeneration((n) => n + 1));
    });
    return () => {
      stopSettling?.();
      stopListening();
      stopFeeding();
      stopClock();
      opened.destroy();
      setSession(null);
    };
  }, [caseId, token, generation, caseState]);

  if (!token) return <RoomMessage kind="needLink" />;
  if (!name.trim()) return <ProfileGate />;
  if (!session || !caseState) return <RoomMessage kind="loading" />;
  return (
    <CaseStoreContext.Provider value={caseState.store}>
      <CaseViewContext.Provider value={session}>
        <CaseSessionContext.Provider value={session}>
          <RoomGate />
        </CaseSessionContext.Provider>
      </CaseViewContext.Provider>
    </CaseStoreContext.Provider>
  );
}

/**
 * The case's own store: opened for this case, disposed when the room closes or the case changes.
 * It opens at the section this tab last had open in this case, and remembers each section opened
 * (issue 13: a reload in the middle of a workshop keeps the room where it was).
 */
function useCaseState(caseId: string): CaseState | null {
  const [caseState, setCaseState] = useState<CaseState | null>(null);
  useEffect(() => {
    const opened = openCaseState();
    const remembered = rememberedSection(caseId);
    if (remembered) opened.store.getState().setOpenSection(remembered);
    const stopRemembering = opened.store.subscribe((state, previous) => {
      if (state.openSection !== previous.openSection) rememberSection(caseId, state.openSection);
    });
    setCaseState(opened);
    return () => {
      stopRemembering();
      opened.dispose();
      setCaseState(null);
    };
  }, [caseId]);
  return caseState;
}

/** The connection states after which the room is replaced by why (the offline copy stays). */
const FINAL_STATES = ['notFound', 'unauthorized', 'linkRevoked', 'linkExpired', 'accessEnded', 'caseArchived'] as const;
const isFinalState = (state: ConnectionState): state is (typeof FINAL_STATES)[number] =>
  (FINAL_STATES as readonly string[]).includes(state);

/** Shows the room once the case's structure is here; until then progress, or why not. */
function RoomGate() {
  const { doc } = useSession();
  const ready = useCaseDocReady(doc);
  const connection = useConnectionState();
  if (isFinalState(connection)) return <RoomMessage kind={connection} />;
  if (!ready) {
    return (
      <RoomMessage kind={connection === 'offline' ? 'unreachable' : connection === 'blocked' ? 'blocked' : 'loading'} />
    );
  }
  return <RoomLayout />;
}

/**
 * The token this browser holds for the case. A newly stored one (the facilitator replaced
 * their own link) is taken up; a forgotten one (refused by the server) is not, so the room
 * keeps saying why it was refused.
 */
function useCaseToken(caseId: string): string | undefined {
  const [token, setToken] = useState(() => readToken(caseId));
  useEffect(() => {
    const onStored = () => {
      const next = readToken(caseId);
      if (next) setToken(next);
    };
    window.addEventListener(TOKEN_STORED_EVENT, onStored);
    return () => window.removeEventListener(TOKEN_STORED_EVENT, onStored);
  }, [caseId]);
  return token;
}

/**
 * A full-page message: loading progress, or why the case cannot be shown — no link for it, a
 * link that is not valid, was replaced, expired or was ended, no such case, an unreachable
 * server, a network that blocks the live connection.
 */
function RoomMessage({ kind }: { kind: keyof Messages['room']['messages'] }) {
  const m = useMessages();
  const text = m.room.messages[kind];
  return (
    <div className="page message-page">
      <main id="main" className="message-card" aria-busy={kind === 'loading'}>
        <h1>{text.title}</h1>
        {kind === 'loading' ? (
          <div className="progress" role="progressbar" aria-label={text.title}>
            <span className="progress-bar" />
          </div>
        ) : null}
        <p role={kind === 'loading' ? undefined : 'alert'}>{text.body}</p>
        {kind === 'blocked' && <p className="help">{m.network.blocked.it(window.location.host)}</p>}
        <p>
          <Link href="/">{m.room.backToStart}</Link>
        </p>
      </main>
    </div>
  );
}
