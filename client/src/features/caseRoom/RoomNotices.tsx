import { ObserverBanner } from '../access/ObserverBanner.tsx';
import { ConnectionNotice } from '../connection/ConnectionNotice.tsx';
import { NetworkBlockedNotice } from '../connection/NetworkBlockedNotice.tsx';
import { RefusedNotice } from '../workshop/refusal/RefusedNotice.tsx';
import { StorageNotice } from '../workshop/storage/StorageNotice.tsx';
import { OfflineLossNotice } from './OfflineLossNotice.tsx';

/**
 * The room's notices, stacked at the foot of the screen over the content instead of pushing it
 * down (issue 13): the observer's banner, a blocked network, what the connection state means, the
 * storage quota, a refused change, offline values that did not stand. Each keeps its own role
 * (alert, status, note) and its own way to close; the section scrolls clear of them.
 */
export function RoomNotices() {
  return (
    <div className="room-notices">
      <ObserverBanner />
      <NetworkBlockedNotice />
      <ConnectionNotice />
      <StorageNotice />
      <RefusedNotice />
      <OfflineLossNotice />
    </div>
  );
}
