import {
  canEdit,
  canFacilitate,
  type Party,
  type Phase,
  type SectionName,
  type StorageUsage,
  signoffStatus,
  type VoteList,
  type WorkshopRecord,
} from '@caseroom/shared';
import type { StoreApi } from 'zustand';
import type { ApiResult } from '../../api/request.ts';
import type { CaseStoreState } from '../../caseState/caseStore.ts';
import type { Messages } from '../../i18n/messages.ts';
import * as calls from './workshopApi.ts';

/**
 * Every workshop action in one table (docs/workshop.md W3–W11, storage: issue 9), after
 * Excalidraw's actions: its label in the messages, the role it needs, when it is shown and when
 * it is enabled — from the workshop record and who this person is — and `perform`. The
 * workshop's components take their gating from here (`useWorkshopActions`, `ActionButton`), so
 * "who may do what" is said once; the server still decides (A7), this only mirrors it.
 */

/** What a role can do here: anyone in the case (observers too), editors and the facilitator, the facilitator. */
export const CAPABILITIES = ['attend', 'edit', 'facilitate'] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Why an action is not open to this person now: a key of the messages' `workshop.actions.why`. */
export type WhyNot = keyof Messages['workshop']['actions']['why'];

/** What the table decides from: this person's party (undefined until known) and the workshop record. */
export type ActionContext = { me: Party | undefined; workshop: WorkshopRecord };

/** What `perform` acts on: the case's API (case and token) and the case's own store (UI-only actions). */
export type ActionTarget = { call: calls.WorkshopCall; store: StoreApi<CaseStoreState> };

/** The outcome of an action: the server's answer, or done at once (UI-only actions). */
export type ActionResult = ApiResult<unknown>;

/** One action of the table. `Args` is what the control hands it (a section, a vote, a number of seconds). */
export type WorkshopAction<Args, Result extends ActionResult = ActionResult> = {
  /** Its label, from the messages. */
  label: (t: Messages['workshop'], args: Args) => string;
  /** The role it needs; without it the control is not shown at all. */
  needs: Capability;
  /** Why the control is not shown now although the role may (a vote that is not open has no "reveal"). */
  hiddenWhen?: (context: ActionContext, args: Args) => WhyNot | undefined;
  /** Why the control is shown but cannot be used now (all dots used). */
  disabledWhen?: (context: ActionContext, args: Args) => WhyNot | undefined;
  perform: (target: ActionTarget, args: Args) => Promise<Result>;
};

/** Builds one entry, inferring its arguments from `perform`. */
function action<Args = undefined, Result extends ActionResult = ActionResult>(
  spec: WorkshopAction<Args, Result>,
): WorkshopAction<Args, Result> {
  return spec;
}

const done = async (): Promise<ActionResult> => ({ ok: true, value: undefined });

/** The countdown as this person sees it (a running timer at zero shows as idle). */
type TimerShown = { status: 'idle' | 'running' | 'paused' };

/** The vote an action concerns. */
type VoteRef = { voteId: string };

const voteStatus = ({ workshop }: ActionContext, voteId: string) => workshop.votes[voteId]?.status;
const signed = ({ me, workshop }: ActionContext, hash: string) =>
  me !== undefined &&
  signoffStatus(
    workshop.requiredSigners,
    Object.entries(workshop.signoffs).map(([partyId, s]) => ({ partyId, hash: s.hash, at: s.at })),
    hash,
  ).find((status) => status.partyId === me.id)?.state === 'current';

/** The table. */
export const WORKSHOP_ACTIONS = {
  /** W3: the facilitator moves the workshop to another phase (a 'phase' snapshot is taken). */
  'phase.move': action<{ phase: Phase }>({
    label: (t, { phase }) => t.agenda.moveTo(phase),
    needs: 'facilitate',
    hiddenWhen: ({ workshop }, { phase }) => (workshop.phase === phase ? 'currentPhase' : undefined),
    perform: ({ call }, { phase }) => calls.setPhase(call, phase),
  }),
  /** W4: lock a section for everyone else, or unlock it. */
  'lock.toggle': action<{ section: SectionName; title: string; locked: boolean }>({
    label: (t, { title, locked }) => (locked ? t.locks.unlockSection(title) : t.locks.lockSection(title)),
    needs: 'facilitate',
    perform: ({ call }, { section, locked }) => calls.setLock(call, section, !locked),
  }),
  /** W5: start the countdown with a number of seconds. */
  'timer.start': action<TimerShown & { seconds: number }>({
    label: (t) => t.timer.start,
    needs: 'facilitate',
    hiddenWhen: (_, { status }) => (status === 'idle' ? undefined : 'timerNotIdle'),
    perform: ({ call }, { seconds }) => calls.timerAction(call, 'start', seconds),
  }),
  'timer.pause': action<TimerShown>({
    label: (t) => t.timer.pause,
    needs: 'facilitate',
    hiddenWhen: (_, { status }) => (status === 'running' ? undefined : 'timerNotRunning'),
    perform: ({ call }) => calls.timerAction(call, 'pause'),
  }),
  'timer.resume': action<TimerShown>({
    label: (t) => t.timer.resume,
    needs: 'facilitate',
    hiddenWhen: (_, { status }) => (status === 'paused' ? undefined : 'timerNotPaused'),
    perform: ({ call }) => calls.timerAction(call, 'start'),
  }),
  'timer.add': action<TimerShown & { seconds: 60 | 300 }>({
    label: (t, { seconds }) => (seconds === 60 ? t.timer.addOne : t.timer.addFive),
    needs: 'facilitate',
    hiddenWhen: (_, { status }) => (status === 'idle' ? 'timerIdle' : undefined),
    perform: ({ call }, { seconds }) => calls.timerAction(call, 'add', seconds),
  }),
  /** W6: the facilitator asks everyone to follow them (their own toggle, published in presence). */
  'follow.lead': action<{ on: boolean }>({
    label: (t) => t.follow.followMe,
    needs: 'facilitate',
    perform: async ({ store }, { on }) => {
      store.getState().setFollowMe(on);
      return done();
    },
  }),
  /** W6: everyone else steps out of following the facilitator, or back in. */
  'follow.step': action<{ stop: boolean; leading: boolean }>({
    label: (t, { stop }) => (stop ? t.follow.stop : t.follow.resume),
    needs: 'attend',
    hiddenWhen: ({ me }, { leading }) =>
      me !== undefined && canFacilitate(me.role) ? 'facilitatorOnly' : leading ? undefined : 'nobodyLeads',
    perform: async ({ store }, { stop }) => {
      store.getState().setFollowStopped(stop);
      return done();
    },
  }),
  /** W7: open a dot vote on a list's candidates. */
  'vote.open': action<{ list: VoteList; itemIds: string[]; votesPerPerson: number }>({
    label: (t) => t.votes.startButton,
    needs: 'facilitate',
    disabledWhen: (_, { itemIds }) => (itemIds.length === 0 ? 'noItems' : undefined),
    perform: ({ call }, { list, itemIds, votesPerPerson }) => calls.openVote(call, list, itemIds, votesPerPerson),
  }),
  /** W7: this person's own dots in an open vote (editors and the facilitator). */
  'vote.ballot': action<VoteRef & { itemIds: string[] }>({
    label: (t) => t.votes.title,
    needs: 'edit',
    hiddenWhen: (context, { voteId }) => (voteStatus(context, voteId) === 'open' ? undefined : 'voteNotOpen'),
    disabledWhen: (context, { voteId, itemIds }) =>
      itemIds.length > (context.workshop.votes[voteId]?.votesPerPerson ?? 0) ? 'noDotsLeft' : undefined,
    perform: ({ call }, { voteId, itemIds }) => calls.putBallot(call, voteId, itemIds),
  }),
  'vote.reveal': action<VoteRef>({
    label: (t) => t.votes.reveal,
    needs: 'facilitate',
    hiddenWhen: (context, { voteId }) => (voteStatus(context, voteId) === 'open' ? undefined : 'voteNotOpen'),
    perform: ({ call }, { voteId }) => calls.revealVote(call, voteId),
  }),
  /** W7 → W8: a revealed vote's winner becomes a decision. */
  'vote.decide': action<VoteRef & { itemId: string; itemName: string; text: string }>({
    label: (t, { itemName }) => t.votes.decideItem(itemName),
    needs: 'facilitate',
    hiddenWhen: (context, { voteId }) => (voteStatus(context, voteId) === 'revealed' ? undefined : 'voteNotRevealed'),
    perform: ({ call }, { voteId, itemId, text }) => calls.decideVote(call, voteId, itemId, text),
  }),
  /** W8: write a decision into the log. */
  'decision.add': action<{ text: string; itemPath?: string }>({
    label: (t) => t.decisions.add,
    needs: 'facilitate',
    perform: ({ call }, { text, itemPath }) => calls.addDecision(call, text, itemPath),
  }),
  /** W10: sign the version shown here for one's own party, if asked to and not signed yet. */
  'signoff.sign': action<{ hash: string; signerName?: string }>({
    label: (t) => t.signoff.sign,
    needs: 'edit',
    hiddenWhen: (context, { hash }) =>
      context.me === undefined || !context.workshop.requiredSigners.includes(context.me.id)
        ? 'notRequired'
        : signed(context, hash)
          ? 'alreadySigned'
          : undefined,
    perform: ({ call }, { hash, signerName }) => calls.signOff(call, hash, signerName),
  }),
  /**
   * W10, issue 15: a second person of a party that has signed this version signs it too (the
   * party's link is often shared by a head of department and a finance officer).
   */
  'signoff.cosign': action<{ hash: string; signerName?: string }>({
    label: (t) => t.signoff.coSign,
    needs: 'edit',
    hiddenWhen: (context, { hash }) =>
      context.me === undefined || !context.workshop.requiredSigners.includes(context.me.id)
        ? 'notRequired'
        : signed(context, hash)
          ? undefined
          : 'notSignedYet',
    perform: ({ call }, { hash, signerName }) => calls.signOff(call, hash, signerName),
  }),
  /** W10: choose who must sign. */
  'signoff.requiredSigners': action<{ partyIds: string[] }>({
    label: (t) => t.signoff.save,
    needs: 'facilitate',
    perform: ({ call }, { partyIds }) => calls.setRequiredSigners(call, partyIds),
  }),
  /** W11: keep a named version. */
  'snapshot.create': action<{ name: string }>({
    label: (t) => t.history.create,
    needs: 'facilitate',
    perform: ({ call }, { name }) => calls.createSnapshot(call, name),
  }),
  /** W11: the live case becomes a kept version's content (a snapshot of the content before is taken). */
  'snapshot.restore': action<{ snapshotId: string }>({
    label: (t) => t.history.restore,
    needs: 'facilitate',
    perform: ({ call }, { snapshotId }) => calls.restoreSnapshot(call, snapshotId),
  }),
  /** Issue 9: tidy the case's storage up (its log becomes one stored state). */
  'storage.tidy': action<undefined, ApiResult<StorageUsage>>({
    label: (t) => t.storage.tidy,
    needs: 'facilitate',
    hiddenWhen: ({ workshop }) => (workshop.storage ? undefined : 'noStorageNotice'),
    perform: ({ call }) => calls.compactStorage(call),
  }),
} as const;

export type ActionName = keyof typeof WORKSHOP_ACTIONS;
/** The arguments an action takes. */
export type ArgsOf<N extends ActionName> =
  (typeof WORKSHOP_ACTIONS)[N] extends WorkshopAction<infer A, infer _R> ? A : never;
/** What an action answers (the server's typed answer). */
export type ResultOf<N extends ActionName> = Awaited<ReturnType<(typeof WORKSHOP_ACTIONS)[N]['perform']>>;

/** Whether the action can be used now, and if not, why — `shown: false` means the control is not there at all. */
export type Verdict = { shown: false; why: WhyNot } | { shown: true; why?: WhyNot };

/** Whether a party's role has a capability; a party not known yet has none. */
export function hasCapability(me: Party | undefined, needs: Capability): boolean {
  if (me === undefined) return false;
  if (needs === 'facilitate') return canFacilitate(me.role);
  if (needs === 'edit') return canEdit(me.role);
  return true;
}

/** Why a role lacks a capability. */
function roleWhy(me: Party | undefined, needs: Capability): WhyNot {
  if (me === undefined) return 'roleUnknown';
  return needs === 'facilitate' ? 'facilitatorOnly' : 'editorsOnly';
}

/** The table's verdict on one action for this person now. */
export function judge<N extends ActionName>(name: N, context: ActionContext, args: ArgsOf<N>): Verdict {
  const entry = WORKSHOP_ACTIONS[name] as unknown as WorkshopAction<ArgsOf<N>>;
  if (!hasCapability(context.me, entry.needs)) return { shown: false, why: roleWhy(context.me, entry.needs) };
  const hidden = entry.hiddenWhen?.(context, args);
  if (hidden) return { shown: false, why: hidden };
  const disabled = entry.disabledWhen?.(context, args);
  return disabled ? { shown: true, why: disabled } : { shown: true };
}

/** The actions a role may take at all (before the workshop's state is asked): what its controls can be. */
export function actionsForRole(me: Party | undefined): ActionName[] {
  return (Object.keys(WORKSHOP_ACTIONS) as ActionName[]).filter((name) =>
    hasCapability(me, WORKSHOP_ACTIONS[name].needs),
  );
}

/** Performs an action through the table (the caller has judged it; the server judges again). */
export function perform<N extends ActionName>(name: N, target: ActionTarget, args: ArgsOf<N>): Promise<ResultOf<N>> {
  const entry = WORKSHOP_ACTIONS[name] as unknown as WorkshopAction<ArgsOf<N>, ResultOf<N>>;
  return entry.perform(target, args);
}

/** An action's label in the person's language. */
export function labelOf<N extends ActionName>(name: N, m: Messages, args: ArgsOf<N>): string {
  const entry = WORKSHOP_ACTIONS[name] as unknown as WorkshopAction<ArgsOf<N>>;
  return entry.label(m.workshop, args);
}
