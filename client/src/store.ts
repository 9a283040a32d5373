import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createUpdateSlice, type UpdateSlice } from './app/updateSlice.ts';
import { createPanelSlice, type PanelSlice } from './features/businessCase/panelSlice.ts';
import { createProfileSlice, type ProfileSlice } from './features/profile/profileSlice.ts';
import { createNavigationSlice, type NavigationSlice } from './features/sections/navigationSlice.ts';
import { createWorkshopSlice, type WorkshopSlice } from './features/workshop/workshopSlice.ts';
import { createLanguageSlice, LANGUAGES, type LanguageSlice } from './i18n/languageSlice.ts';

/**
 * UI-only state, one store from small slices. Shared case data never lives here: the Y.Doc is
 * its single source of truth. Name, department and language are remembered on this device.
 */
export type UiState = ProfileSlice & LanguageSlice & NavigationSlice & PanelSlice & WorkshopSlice & UpdateSlice;

/** localStorage key of the remembered profile. */
export const UI_STORAGE_KEY = 'caseroom.profile';

export const useUiStore = create<UiState>()(
  persist(
    (...args) => ({
      ...createProfileSlice(...args),
      ...createLanguageSlice(...args),
      ...createNavigationSlice(...args),
      ...createPanelSlice(...args),
      ...createWorkshopSlice(...args),
      ...createUpdateSlice(...args),
    }),
    {
      name: UI_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ name, department, language }) => ({ name, department, language }),
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<UiState>;
        return {
          ...current,
          name: typeof saved.name === 'string' ? saved.name : current.name,
          department: typeof saved.department === 'string' ? saved.department : current.department,
          language: LANGUAGES.includes(saved.language as never)
            ? (saved.language as UiState['language'])
            : current.language,
        };
      },
    },
  ),
);
