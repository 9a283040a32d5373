import { useMediaQuery } from '../../app/useMediaQuery.ts';
import { useUiStore } from '../../store.ts';

/**
 * A screen too narrow for the named navigation beside an open business case: a 1024×768
 * projector, where both would leave the section about 360 px. Above 900 px, where app.css
 * stacks the room into one column instead.
 */
export const NARROW_ROOM_QUERY = '(min-width: 901px) and (max-width: 1200px)';

/**
 * Whether the navigation is a rail of section numbers (each name its accessible name and shown
 * on hover): in full width, and beside the open business case on a narrow screen — so the
 * section keeps a column of about 540 px and its forms do not scroll sideways.
 */
export function useNavRail(): boolean {
  const panelMode = useUiStore((state) => state.panelMode);
  const narrow = useMediaQuery(NARROW_ROOM_QUERY);
  return panelMode === 'wide' || (panelMode === 'open' && narrow);
}
