import { SECTIONS, type SectionName } from '@caseroom/shared';
import type { StateCreator } from 'zustand';

/** Which section of the case room this person has open (their own view, not shared data). */
export type NavigationSlice = {
  openSection: SectionName;
  setOpenSection: (section: SectionName) => void;
};

export const createNavigationSlice: StateCreator<NavigationSlice, [], [], NavigationSlice> = (set) => ({
  openSection: 'facts',
  setOpenSection: (openSection) => set({ openSection }),
});

/** Where this tab remembers the open section of one case (issue 13: a reload keeps it). */
export const openSectionKey = (caseId: string): string => `caseroom.openSection.${caseId}`;

/**
 * The section this tab last had open in this case, if it remembers one that still exists.
 * sessionStorage: a reload keeps it, another tab or a later visit starts at the first section.
 */
export function rememberedSection(
  caseId: string,
  storage: Pick<Storage, 'getItem'> = sessionStorage,
): SectionName | null {
  try {
    const stored = storage.getItem(openSectionKey(caseId));
    return (SECTIONS as readonly string[]).includes(stored ?? '') ? (stored as SectionName) : null;
  } catch {
    // Storage may be refused (private mode, a sandbox): then the room starts at the first section.
    return null;
  }
}

/** Remembers the open section of this case for this tab; a refused storage only forgets it. */
export function rememberSection(
  caseId: string,
  section: SectionName,
  storage: Pick<Storage, 'setItem'> = sessionStorage,
): void {
  try {
    storage.setItem(openSectionKey(caseId), section);
  } catch {
    // Nothing to do: a reload then opens the first section, as before.
  }
}
