import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createUpdateSlice, type UpdateSlice } from './app/updateSlice.ts';
import { createPanelSlice, type PanelSlice } from './features/businessCase/panelSlice.ts';
import { createProfileSlice, type ProfileSlice } from './features/profile/profileSlice.ts';
import { createLanguageSlice, LANGUAGES, type LanguageSlice } from './i18n/languageSlice.ts';

/**
 * App-wide UI state, one store from small slices: what belongs to the person and the page, not
 * to one case — name, department and language (remembered on this device), how they like the
 * business case panel, and whether a new version was deployed. What belongs to one open case
 * (its open section, "follow me", a refused change) lives in that case's own store
 * (caseState/caseStore.ts), so it cannot follow the person into the next case. Shared case
 * data never lives in either: the Y.Doc is its single source of truth.
 */
export type UiState = ProfileSlice & LanguageSlice & PanelSlice & UpdateSlice;

/** localStorage key of the remembered profile. */
export const UI_STORAGE_KEY = 'caseroom.profile';

export const useUiStore = create<UiState>()(
  persist(
    (...args) => ({
      ...createProfileSlice(...args),
      ...createLanguageSlice(...args),
      ...createPanelSlice(...args),
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
