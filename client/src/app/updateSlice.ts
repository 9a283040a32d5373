import type { StateCreator } from 'zustand';

/** Whether a new version of Caseroom was deployed while this page was open (issue 10). UI only. */
export type UpdateSlice = {
  updateAvailable: boolean;
  setUpdateAvailable: (available: boolean) => void;
};

export const createUpdateSlice: StateCreator<UpdateSlice, [], [], UpdateSlice> = (set) => ({
  updateAvailable: false,
  setUpdateAvailable: (updateAvailable) => set({ updateAvailable }),
});
