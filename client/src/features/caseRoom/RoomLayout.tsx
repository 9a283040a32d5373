import { useMessages } from '../../i18n/messages.ts';
import { usePublishPresence } from '../presence/usePeers.ts';
import { SectionNav } from '../sections/SectionNav.tsx';
import { SectionView } from '../sections/SectionView.tsx';
import { useUndoShortcuts } from '../undo/useUndo.ts';
import { TopBar } from './TopBar.tsx';

/**
 * The case room on one screen: top bar, the sections on the left, the open section in the
 * centre. The right column (the live business case) comes with a later issue; the grid keeps
 * its place.
 */
export function RoomLayout() {
  const m = useMessages();
  usePublishPresence();
  useUndoShortcuts();
  return (
    <div className="page room">
      <a className="skip-link" href="#main">
        {m.common.skipToContent}
      </a>
      <TopBar />
      <SectionNav />
      <SectionView />
    </div>
  );
}
