import { useUiStore } from '../store.ts';
import { da, type Messages } from './da.ts';
import { en } from './en.ts';
import type { Language } from './languageSlice.ts';
import { type OfflineMergeMessages, offlineMergeDa } from './offlineMerge.da.ts';
import { offlineMergeEn } from './offlineMerge.en.ts';

export type { Messages };

const catalogues: Record<Language, Messages> = { da, en };

/** The catalogue of the person's chosen language. */
export function useMessages(): Messages {
  return catalogues[useUiStore((state) => state.language)];
}

const offlineMerge: Record<Language, OfflineMergeMessages> = { da: offlineMergeDa, en: offlineMergeEn };

/** The texts of offline edits that did not stand (offlineMerge.da.ts), in the chosen language. */
export function useOfflineMergeMessages(): OfflineMergeMessages {
  return offlineMerge[useUiStore((state) => state.language)];
}

/** A locale tag for Intl formatting in the chosen language. */
export function useLocale(): string {
  return useUiStore((state) => state.language) === 'en' ? 'en-GB' : 'da-DK';
}
