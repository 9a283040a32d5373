import type { StateCreator } from 'zustand';
import type { OfflineLoss } from '../features/caseRoom/offlineLoss.ts';

/**
 * The numbers and choices this person set offline that another person's value replaced
 * (features/caseRoom/offlineLoss.ts), shown until the person dismisses them. In the case's own
 * store (caseStore.ts): they belong to this case and go with it.
 */
export type OfflineLossSlice = {
  offlineLosses: readonly OfflineLoss[];
  /** Adds the losses of one reconnection; a field already listed keeps only its latest loss. */
  addOfflineLosses: (losses: readonly OfflineLoss[]) => void;
  dismissOfflineLosses: () => void;
};

export const createOfflineLossSlice: StateCreator<OfflineLossSlice, [], [], OfflineLossSlice> = (set, get) => ({
  offlineLosses: [],
  addOfflineLosses: (losses) => {
    const fresh = new Set(losses.map(fieldKey));
    set({ offlineLosses: [...get().offlineLosses.filter((loss) => !fresh.has(fieldKey(loss))), ...losses] });
  },
  dismissOfflineLosses: () => set({ offlineLosses: [] }),
});

function fieldKey(loss: OfflineLoss): string {
  return loss.path.join('/');
}
