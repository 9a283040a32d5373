import type { CaseModelDraft } from '@caseroom/shared';
import type { StateCreator } from 'zustand';
import type { ReceivedRefusal } from './refusedMessage.ts';

/** What the server refused of this browser's edits (W2, bounds), shown until the person dismisses it. */
export type RefusedNotice = ReceivedRefusal & {
  /** This browser's version of the case when it was refused, to show what was not kept. */
  localModel?: CaseModelDraft;
};

/**
 * This person's own workshop view state (UI only): whether the facilitator asks everyone to
 * follow (their own toggle), whether this person stepped out of following, and the notice of a
 * refused change.
 */
export type WorkshopSlice = {
  followMe: boolean;
  setFollowMe: (on: boolean) => void;
  followStopped: boolean;
  setFollowStopped: (stopped: boolean) => void;
  refused: RefusedNotice | null;
  setRefused: (notice: RefusedNotice | null) => void;
};

export const createWorkshopSlice: StateCreator<WorkshopSlice, [], [], WorkshopSlice> = (set) => ({
  followMe: false,
  setFollowMe: (followMe) => set({ followMe }),
  followStopped: false,
  setFollowStopped: (followStopped) => set({ followStopped }),
  refused: null,
  setRefused: (refused) => set({ refused }),
});
