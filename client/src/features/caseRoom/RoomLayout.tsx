import { useMessages } from '../../i18n/messages.ts';
import { useUiStore } from '../../store.ts';
import { useMe } from '../access/useAccess.ts';
import { BusinessCasePanel } from '../businessCase/BusinessCasePanel.tsx';
import { BusinessCaseProvider } from '../businessCase/businessCaseContext.tsx';
import { usePublishPresence } from '../presence/usePeers.ts';
import { SectionNav } from '../sections/SectionNav.tsx';
import { SECTION_VIEWS, SectionView } from '../sections/SectionView.tsx';
import { useUndoShortcuts } from '../undo/useUndo.ts';
import { useFollowFacilitator } from '../workshop/follow/followMe.ts';
import { SectionViewsContext } from '../workshop/history/sectionViews.ts';
import { useNavRail } from './navRail.ts';
import { RoomNotices } from './RoomNotices.tsx';
import { TopBar } from './TopBar.tsx';

/**
 * The case room on one screen: top bar, the sections on the left, the open section in the
 * centre, the live business case on the right (beside the section, collapsed, or wide), and the
 * notices over them at the foot of the screen. The navigation is a rail of numbers where the
 * section would otherwise be too narrow (`useNavRail`).
 */
export function RoomLayout() {
  const m = useMessages();
  usePublishPresence();
  useUndoShortcuts();
  useFollowFacilitator();
  const panelMode = useUiStore((state) => state.panelMode);
  const role = useMe()?.role;
  const rail = useNavRail();
  return (
    <BusinessCaseProvider>
      {/* A saved version (workshop history) is shown with the same section views. */}
      <SectionViewsContext.Provider value={SECTION_VIEWS}>
        <div className="page room" data-panel={panelMode} data-nav={rail ? 'rail' : 'names'} data-role={role}>
          <a className="skip-link" href="#main">
            {m.common.skipToContent}
          </a>
          <TopBar />
          <SectionNav />
          <SectionView />
          <BusinessCasePanel />
          <RoomNotices />
        </div>
      </SectionViewsContext.Provider>
    </BusinessCaseProvider>
  );
}
