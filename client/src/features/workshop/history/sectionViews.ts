import type { SectionName } from '@caseroom/shared';
import { type ComponentType, createContext, useContext } from 'react';

/** The view of each section, as the room shows them. */
export type SectionViews = Record<SectionName, ComponentType>;

/**
 * The section views a saved version is shown with (W11), handed in by the case room
 * (caseRoom/RoomLayout.tsx), so the history does not import the sections, which import the
 * workshop's lock controls.
 */
export const SectionViewsContext = createContext<SectionViews | null>(null);

/** The room's section views; only valid inside the case room. */
export function useSectionViews(): SectionViews {
  const views = useContext(SectionViewsContext);
  if (!views) throw new Error('useSectionViews() outside the case room');
  return views;
}
