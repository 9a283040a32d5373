import { createContext, useContext } from 'react';
import { useUiStore } from '../store.ts';
import { da, type Messages } from './da.ts';
import { en } from './en.ts';
import type { Language } from './languageSlice.ts';
import { type OfflineMergeMessages, offlineMergeDa } from './offlineMerge.da.ts';
import { offlineMergeEn } from './offlineMerge.en.ts';

export type { Messages };

const catalogues: Record<Language, Messages> = { da, en };

/**
 * A language for the views below it instead of the person's choice: a render outside the app
 * (a test in Node, where the app store only gives its initial state) or a preview in another
 * language.
 */
export const LanguageContext = createContext<Language | null>(null);

/** The UI language: the enclosing LanguageContext's, else the person's choice (the registry's field texts are read in it). */
export function useLanguage(): Language {
  const chosen = useUiStore((state) => state.language);
  return useContext(LanguageContext) ?? chosen;
}

/** The catalogue of the person's chosen language. */
export function useMessages(): Messages {
  return catalogues[useLanguage()];
}

const offlineMerge: Record<Language, OfflineMergeMessages> = { da: offlineMergeDa, en: offlineMergeEn };

/** The texts of offline edits that did not stand (offlineMerge.da.ts), in the chosen language. */
export function useOfflineMergeMessages(): OfflineMergeMessages {
  return offlineMerge[useLanguage()];
}

/** A locale tag for Intl formatting in the chosen language. */
export function useLocale(): string {
  return useLanguage() === 'en' ? 'en-GB' : 'da-DK';
}
