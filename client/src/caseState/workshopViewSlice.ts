import type { ModelChange, Refusal } from '@caseroom/shared';
import type { StateCreator } from 'zustand';

/**
 * A refusal as this browser took it: what the server said, and whether it came from the
 * offline copy — this session had not changed the refused sections itself (nothing at all, for
 * a refusal naming none), so the refused part was the copy's replay: edits of an earlier
 * session, or state the server no longer has (features/caseRoom/localChanges.ts).
 */
export type ReceivedRefusal = Refusal & { fromCopy: boolean };

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
 * toggle), whether this person stepped out of following, the notice of a refused change, and
 * how far the server's clock is ahead of this browser's (the countdown, W5; serverClock.ts).
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
  /** Milliseconds the server's clock is ahead of this browser's; 0 until measured. */
  serverOffset: number;
  setServerOffset: (offset: number) => void;
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
  serverOffset: 0,
  setServerOffset: (serverOffset) => set({ serverOffset }),
});
