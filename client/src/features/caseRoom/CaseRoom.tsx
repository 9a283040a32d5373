import { useEffect, useState } from 'react';
import { Link } from '../../app/Link.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { useCaseDocReady } from '../../ydoc/useY.ts';
import { useConnectionState } from '../connection/ConnectionStatus.tsx';
import { ProfileGate } from '../profile/ProfileGate.tsx';
import { type CaseSession, openCaseSession } from './caseSession.ts';
import { RoomLayout } from './RoomLayout.tsx';
import { CaseSessionContext, useSession } from './sessionContext.ts';

/** One open case: asks who the person is (once), opens the session, then shows the room. */
export function CaseRoom({ caseId }: { caseId: string }) {
  const name = useUiStore((state) => state.name);
  const [session, setSession] = useState<CaseSession | null>(null);
  useEffect(() => {
    const opened = openCaseSession(caseId);
    setSession(opened);
    return () => {
      opened.destroy();
      setSession(null);
    };
  }, [caseId]);

  if (!name.trim()) return <ProfileGate />;
  if (!session) return <RoomMessage kind="loading" />;
  return (
    <CaseSessionContext.Provider value={session}>
      <RoomGate />
    </CaseSessionContext.Provider>
  );
}

/** Shows the room once the case's structure is here; until then progress, or why not. */
function RoomGate() {
  const { doc } = useSession();
  const ready = useCaseDocReady(doc);
  const connection = useConnectionState();
  if (connection === 'notFound') return <RoomMessage kind="notFound" />;
  if (!ready) return <RoomMessage kind={connection === 'offline' ? 'unreachable' : 'loading'} />;
  return <RoomLayout />;
}

/** A full-page message: loading progress, a case that does not exist, an unreachable server. */
function RoomMessage({ kind }: { kind: 'loading' | 'notFound' | 'unreachable' }) {
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
        <p>
          <Link href="/">{m.room.backToStart}</Link>
        </p>
      </main>
    </div>
  );
}
