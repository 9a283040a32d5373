import type { networkDa } from './network.da.ts';

/** "in 30 seconds", "in 2 minutes". */
const inTime = (seconds: number): string => {
  if (seconds < 60) return seconds === 1 ? 'in 1 second' : `in ${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'in 1 minute' : `in ${minutes} minutes`;
};

/** English texts of running Caseroom on a network (issue 10). */
export const networkEn: typeof networkDa = {
  errors: {
    linkExpired: 'The link has expired. Ask the facilitator for a new link.',
    accessEnded: 'Your access to the case has ended. Ask the facilitator for a new link if you are to take part again.',
    organisationKeyMissing: 'This server needs your organisation key to create or import a case.',
    organisationKeyInvalid: 'The organisation key was not accepted. Check that you typed it correctly.',
    tooManyRequests: (retryAfterSeconds: number | undefined) =>
      `The server has had too many requests from your network address in a short time. Try again ${
        retryAfterSeconds === undefined ? 'in a moment' : inTime(retryAfterSeconds)
      }.`,
  },
  organisationKey: {
    heading: 'Organisation key',
    intro:
      'This Caseroom can be reached from the network, so only people with your organisation key can create and import cases. You get the key from whoever runs Caseroom for you.',
    label: 'Organisation key',
    help: 'The key is remembered in this tab only, until you close it. Links to cases you already have work without a key.',
    submit: 'Use the key',
    cancel: 'Cancel',
    required: 'Enter the organisation key.',
  },
  blocked: {
    title: 'The network blocks the direct connection to Caseroom',
    body: 'The page loads, but the direct connection (WebSocket) that passes changes between you at once does not get through this network. Your changes are kept in this browser meanwhile and sent as soon as the connection works. We keep trying automatically.',
    it: (host: string) =>
      `For your IT department: allow WebSocket connections (wss://) to ${host}, through proxy and firewall too, and let them stay open for at least an hour.`,
  },
  update: {
    title: 'Caseroom has been updated — reload',
    body: 'A new version of Caseroom arrived while the page was open. Reload the page to continue. Your changes are kept in this browser and are not lost.',
    reload: 'Reload',
    reloading: 'Reloading …',
  },
  crashed: {
    title: 'Something went wrong on the page',
    body: 'The page cannot be shown. Reload it to try again. Your changes are kept in this browser.',
  },
};
