import type { workshopActionsDa } from './workshopActions.da.ts';

/** English: why a workshop action is not open to this person now (workshop/actions.ts). */
export const workshopActionsEn: typeof workshopActionsDa = {
  why: {
    facilitatorOnly: 'Only the facilitator can do this.',
    editorsOnly: 'Observers can follow along, but not do this.',
    roleUnknown: 'Wait a moment: your role in the case is not known yet.',
    noItems: 'There is nothing to vote on yet.',
    noDotsLeft: 'You have used all your dots. Take one back from another proposal first.',
    noDotHere: 'You have not given this proposal a dot.',
    voteNotOpen: 'The vote is not open.',
    voteNotRevealed: 'The result has not been shown yet.',
    notRequired: 'The facilitator has not chosen your party to sign.',
    alreadySigned: 'Your party has already signed this version.',
    notSignedYet: 'Your party has not signed this version yet.',
    currentPhase: 'The workshop is already in this phase.',
    timerIdle: 'The countdown is not running.',
    timerNotIdle: 'The countdown is already running.',
    timerNotRunning: 'The countdown is not running.',
    timerNotPaused: 'The countdown is not paused.',
    noStorageNotice: 'The case has enough storage.',
    nobodyLeads: 'The facilitator is not asking to be followed.',
  },
};
