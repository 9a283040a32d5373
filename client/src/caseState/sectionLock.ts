import type { SectionLock, SectionName } from '@caseroom/shared';
import { createContext, useContext } from 'react';
import { useCaseStore } from './caseStore.ts';

/** The section the controls below belong to (set by the open section's view). */
export const SectionContext = createContext<SectionName | null>(null);

/** The lock on a section (docs/workshop.md W4), if the facilitator has locked it. */
export function useSectionLock(section: SectionName | null): SectionLock | undefined {
  // Only a change to this section's lock re-renders the fields that ask (the store keeps the rest).
  return useCaseStore((state) => (section ? state.workshop.locks[section] : undefined));
}

/** The lock on the section the calling control belongs to, if any. */
export function useEnclosingSectionLock(): SectionLock | undefined {
  return useSectionLock(useContext(SectionContext));
}
