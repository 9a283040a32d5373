import type { ModelChange } from '@caseroom/shared';
import type { StateCreator } from 'zustand';
import type { ReceivedRefusal } from './refusedMessage.ts';

/** What the server refused of this browser's edits (W2, bounds), shown until the person dismisses it. */
export type RefusedNotice = ReceivedRefusal & {
  /**
   * What of this browser's version the server did not keep, in the refused sections
   * (caseState/refusalSnapshot.ts): settled once from the capture taken when the refusal
   * arrived, never recomputed against the live case. Empty until settled.
   */
  lost: readonly ModelChange[];
};

/**
 * This person's own workshop view state in one case (UI only, in the case's store,
 * caseState/caseStore.ts): whether the facilitator asks everyone to follow (their own
 * toggle), whether this person stepped out of following, and the notice of a refused change.
 */
export type WorkshopSlice = {
  followMe: boolean;
  setFollowMe: (on: boolean) => void;
  followStopped: boolean;
  setFollowStopped: (stopped: boolean) => void;
  refused: RefusedNotice | null;
  setRefused: (notice: RefusedNotice | null) => void;
  /** Fills in the lost changes of `notice`, if it is still the one shown (not dismissed, not replaced). */
  settleRefused: (notice: RefusedNotice, lost: readonly ModelChange[]) => void;
};

export const createWorkshopSlice: StateCreator<WorkshopSlice, [], [], WorkshopSlice> = (set, get) => ({
  followMe: false,
  setFollowMe: (followMe) => set({ followMe }),
  followStopped: false,
  setFollowStopped: (followStopped) => set({ followStopped }),
  refused: null,
  setRefused: (refused) => set({ refused }),
  settleRefused: (notice, lost) => {
    if (get().refused === notice) set({ refused: { ...notice, lost } });
  },
});
