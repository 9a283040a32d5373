import type { StateCreator } from 'zustand';

/** Who this person is in every case they open; remembered on this device. */
export type ProfileSlice = {
  name: string;
  department: string;
  setName: (name: string) => void;
  setDepartment: (department: string) => void;
};

export const createProfileSlice: StateCreator<ProfileSlice, [], [], ProfileSlice> = (set) => ({
  name: '',
  department: '',
  setName: (name) => set({ name }),
  setDepartment: (department) => set({ department }),
});
