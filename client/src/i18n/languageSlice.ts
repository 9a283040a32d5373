import type { StateCreator } from 'zustand';

/** The UI languages; Danish first. */
export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type LanguageSlice = {
  language: Language;
  setLanguage: (language: Language) => void;
};

export const createLanguageSlice: StateCreator<LanguageSlice, [], [], LanguageSlice> = (set) => ({
  language: 'da',
  setLanguage: (language) => set({ language }),
});
