import { useEffect } from 'react';
import { Link } from '../../app/Link.tsx';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { useShortText } from '../../ydoc/useYText.ts';
import { InviteButton } from '../access/InviteButton.tsx';
import { ObserverBanner } from '../access/ObserverBanner.tsx';
import { ConnectionStatus } from '../connection/ConnectionStatus.tsx';
import { NetworkBlockedNotice } from '../connection/NetworkBlockedNotice.tsx';
import { PresenceList } from '../presence/PresenceList.tsx';
import { useSection } from '../sections/useSection.ts';
import { UndoButtons } from '../undo/UndoButtons.tsx';
import { PhaseAgenda } from '../workshop/agenda/PhaseAgenda.tsx';
import { RefusedNotice } from '../workshop/refusal/RefusedNotice.tsx';
import { WorkshopBar } from '../workshop/WorkshopBar.tsx';

/**
 * Case title and phase (with the agenda), the workshop's tools, connection, undo/redo, inviting parties (the facilitator), language,
 * who is here, and — for an observer — that they only watch.
 */
export function TopBar() {
  const m = useMessages();
  const facts = useSection('facts').map;
  const title = useShortText(facts, 'title').value;
  const shownTitle = title || m.room.untitled;
  useEffect(() => {
    document.title = `${shownTitle} – Caseroom`;
  }, [shownTitle]);
  return (
    <header className="top-bar">
      <div className="top-row">
        <Link href="/" className="brand">
          Caseroom<span className="visually-hidden"> – {m.room.backToStart}</span>
        </Link>
        <div className="case-heading">
          <h1 className="case-title">{shownTitle}</h1>
          <PhaseAgenda />
        </div>
        <div className="top-actions">
          <ConnectionStatus />
          <UndoButtons />
          <InviteButton />
          <LanguageSwitch />
        </div>
      </div>
      <WorkshopBar />
      <PresenceList />
      <ObserverBanner />
      <NetworkBlockedNotice />
      <RefusedNotice />
    </header>
  );
}
