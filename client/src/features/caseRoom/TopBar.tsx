import { useEffect } from 'react';
import { Link } from '../../app/Link.tsx';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';
import { useMessages } from '../../i18n/messages.ts';
import { useShortText } from '../../ydoc/useYText.ts';
import { InviteButton } from '../access/InviteButton.tsx';
import { ConnectionStatus } from '../connection/ConnectionStatus.tsx';
import { PresenceList } from '../presence/PresenceList.tsx';
import { useSection } from '../sections/useSection.ts';
import { UndoButtons } from '../undo/UndoButtons.tsx';
import { PhaseAgenda } from '../workshop/agenda/PhaseAgenda.tsx';
import { ImportedMark } from '../workshop/ImportedMark.tsx';
import { WorkshopBar } from '../workshop/WorkshopBar.tsx';

/**
 * Two rows, whatever happens in the room (issue 13: on a 1280×800 projector the section's
 * heading stays in view): the case title and phase (with the agenda), connection, undo/redo,
 * inviting parties (the facilitator) and language; then the workshop's tools and who is here,
 * collapsed to avatars. Notices do not live here: they overlay the content (`RoomNotices`).
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
          <h1 className="case-title" title={shownTitle}>
            {shownTitle}
          </h1>
          <ImportedMark />
          <PhaseAgenda />
        </div>
        <div className="top-actions">
          <ConnectionStatus />
          <UndoButtons />
          <InviteButton />
          <LanguageSwitch />
        </div>
      </div>
      <div className="top-row workshop-row">
        <WorkshopBar />
        <PresenceList />
      </div>
    </header>
  );
}
