import type { SectionName } from '@caseroom/shared';
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
