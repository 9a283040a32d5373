import type { lifetimeDa } from './lifetime.da.ts';

/** English texts of a link's lifetime in the facilitator's party table (issue 10). */
export const lifetimeEn: typeof lifetimeDa = {
  column: 'Access',
  open: 'No expiry',
  expires: (date: string) => `Expires ${date}`,
  expired: (date: string) => `Expired ${date}`,
  ended: (date: string) => `Ended ${date}`,
  setExpiry: 'Expiry date',
  setExpiryLabel: (name: string) => `Expiry date of the link for ${name}`,
  expiryTitle: (name: string) => `Expiry date of the link for ${name}`,
  dateLabel: 'The link works up to and including',
  dateHelp:
    'The link stops working at the end of that day. Without an expiry date it works until you end the access or make a new link.',
  saveExpiry: 'Save expiry date',
  clearExpiry: 'Remove expiry date',
  expirySaved: (name: string) => `The expiry date for ${name} is saved.`,
  expiryCleared: (name: string) => `The link for ${name} no longer has an expiry date.`,
  end: 'End access',
  endLabel: (name: string) => `End access for ${name}`,
  endTitle: (name: string) => `End the access of ${name}?`,
  endExplain:
    'The link stops working at once, and whoever has the case open with it is disconnected. What the party has already contributed stays in the case. Changes the party made offline stay in the party’s browser and are included if the party later gets a new link.',
  endConfirm: 'End access',
  endDone: (name: string) => `The access of ${name} has ended.`,
  cancel: 'Cancel',
  errors: {
    dateRequired: 'Choose a date.',
    datePassed: 'The date has passed. Choose today or a later date.',
  },
};
