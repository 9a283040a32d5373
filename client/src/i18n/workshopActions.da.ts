/** Danish: why a workshop action is not open to this person now (workshop/actions.ts). */
export const workshopActionsDa = {
  why: {
    facilitatorOnly: 'Kun facilitatoren kan gøre dette.',
    editorsOnly: 'Observatører kan følge med, men ikke gøre dette.',
    roleUnknown: 'Vent et øjeblik: din rolle i sagen er ikke kendt endnu.',
    noItems: 'Der er intet at stemme om endnu.',
    noDotsLeft: 'Du har brugt alle dine point. Tag et point fra et andet forslag først.',
    noDotHere: 'Du har ikke givet point til dette forslag.',
    voteNotOpen: 'Afstemningen er ikke åben.',
    voteNotRevealed: 'Resultatet er ikke vist endnu.',
    notRequired: 'Facilitatoren har ikke valgt din part til at godkende.',
    alreadySigned: 'Din part har allerede godkendt denne version.',
    notSignedYet: 'Din part har ikke godkendt denne version endnu.',
    currentPhase: 'Workshoppen er allerede i denne fase.',
    timerIdle: 'Nedtællingen er ikke i gang.',
    timerNotIdle: 'Nedtællingen er allerede i gang.',
    timerNotRunning: 'Nedtællingen kører ikke.',
    timerNotPaused: 'Nedtællingen er ikke sat på pause.',
    noStorageNotice: 'Sagen har plads nok.',
    nobodyLeads: 'Facilitatoren beder ikke om at blive fulgt.',
  },
};
