import type { StateCreator } from 'zustand';

/** How the business case panel is shown: beside the section, collapsed to a rail, or wide. */
export const PANEL_MODES = ['open', 'collapsed', 'wide'] as const;
export type PanelMode = (typeof PANEL_MODES)[number];

/** This person's view of the business case panel (UI only, never shared). */
export type PanelSlice = {
  panelMode: PanelMode;
  setPanelMode: (mode: PanelMode) => void;
};

export const createPanelSlice: StateCreator<PanelSlice, [], [], PanelSlice> = (set) => ({
  panelMode: 'open',
  setPanelMode: (panelMode) => set({ panelMode }),
});
