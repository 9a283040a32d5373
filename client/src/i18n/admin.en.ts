import type { adminDa } from './admin.da.ts';

/** English texts of the administrator's page (issue 15, `/admin`). */
export const adminEn: typeof adminDa = {
  title: 'Administration',
  intro:
    'Here you manage the people of your organisation, how long archived cases are kept, and extracts of personal data. The page needs the organisation key.',
  startLink: 'To the start page',
  fromStart: 'Administration',
  key: {
    heading: 'Organisation key',
    intro:
      'Enter the organisation key (it starts with “crk1_”). Whoever runs Caseroom for you has it – on the server it is the file organisation-key in the data directory.',
    label: 'Organisation key',
    help: 'The key is remembered in this tab only, until you close it or press “Forget the key”.',
    show: 'Show',
    hide: 'Hide',
    showLabel: 'Show the key',
    hideLabel: 'Hide the key',
    submit: 'Open administration',
    checking: 'Checking the key …',
    required: 'Enter the organisation key.',
    missing: 'This page needs the organisation key. Enter it above.',
    remembered: 'The organisation key is remembered in this tab.',
    forget: 'Forget the key',
    forgotten: 'The key is forgotten in this tab.',
    refusedNow: 'The organisation key no longer works (it may have been replaced). Enter the new key.',
  },
  members: {
    heading: 'People with access to the portfolio',
    intro:
      'Each person in the organisation gets their own link to the portfolio. A link can be revoked, and it can have an expiry date.',
    loading: 'Loading the people …',
    none: 'There are no people yet.',
    reload: 'Refresh the list',
    columns: { name: 'Name', created: 'Added', access: 'Access', actions: 'Action' },
    open: 'Active, no expiry',
    expires: (date: string) => `Active, expires ${date}`,
    expired: (date: string) => `Expired ${date}`,
    revoked: (date: string) => `Revoked ${date}`,
    add: {
      heading: 'Add a person',
      name: 'Name',
      nameHelp: 'The person’s full name, as it should appear in the cases (at most 80 characters).',
      expiry: 'The link works until and including (optional)',
      expiryHelp: 'Without a date the link works until you revoke it.',
      submit: 'Add person',
      adding: 'Adding …',
      nameRequired: 'Enter the person’s name.',
      nameTooLong: 'The name can be at most 80 characters.',
      dateRequired: 'That date does not exist. Pick a date in the calendar, or leave the field empty.',
      datePassed: 'That date has passed. Pick today or a later date.',
    },
    issued: {
      heading: (name: string) => `Link for ${name}`,
      explain:
        'Send the link to the person; it is shown only now. Caseroom does not keep the link, so copy it before you close this box. If the person loses it, revoke it and add the person again.',
      label: 'Personal link to the portfolio',
      copy: 'Copy the link',
      copied: 'The link is copied.',
      copyFailed: 'The link could not be copied automatically. Select it and copy with Ctrl+C.',
      done: 'I have sent the link – close',
    },
    revoke: {
      button: 'Revoke',
      buttonLabel: (name: string) => `Revoke ${name}’s link`,
      title: (name: string) => `Revoke ${name}’s link?`,
      explain:
        'The link stops working at once. The person’s access to every case of the organisation that the link opened ends at once too, and open cases are closed. This cannot be undone – the person can get a new link by being added again.',
      confirm: 'Yes, revoke',
      revoking: 'Revoking …',
      cancel: 'Cancel',
      done: (name: string) => `${name}’s link has been revoked.`,
    },
    failed: 'The people could not be loaded. Try again.',
    addFailed: 'The person could not be added. Try again.',
    revokeFailed: 'The link could not be revoked. Try again.',
  },
  retention: {
    heading: 'Keeping archived cases',
    intro:
      'An archived case is read-only and left out of the lists, but everything in it is kept. Here you decide how long an archived case is kept before Caseroom deletes it for good with all its versions, comments and links. Cases in use are never deleted by this rule.',
    label: 'Delete archived cases after … days',
    help: 'A whole number from 1 to 3,650 (10 years). Leave the field empty to keep archived cases until someone deletes them.',
    loading: 'Loading the setting …',
    current: (days: number | null) =>
      days === null
        ? 'Now: archived cases are kept until someone deletes them.'
        : `Now: archived cases are deleted ${days === 1 ? '1 day' : `${new Intl.NumberFormat('en-GB').format(days)} days`} after they were archived.`,
    save: 'Save',
    saving: 'Saving …',
    saved: (days: number | null) =>
      days === null
        ? 'Saved: archived cases are kept until someone deletes them.'
        : `Saved: archived cases are deleted ${days === 1 ? '1 day' : `${new Intl.NumberFormat('en-GB').format(days)} days`} after they were archived.`,
    notWhole: 'Enter a whole number of days, e.g. 365 – or leave the field empty.',
    tooSmall: 'Enter at least 1 day – or leave the field empty to keep the cases.',
    tooLarge: 'At most 3,650 days (10 years).',
    failed: 'The setting could not be loaded. Try again.',
    saveFailed: 'The setting could not be saved. Try again.',
  },
  personalData: {
    heading: 'Personal data in a case',
    intro:
      'For a data-protection request: everything a case keeps about people – the parties’ names, names on sign-offs and decisions, comments with their authors, who changed what and when, and saved versions.',
    label: 'The case’s id or link',
    help: 'The case’s id is in the address after /case/. You can also paste a link to the case.',
    fetch: 'Get personal data',
    fetching: 'Getting …',
    required: 'Enter the case’s id or paste a link to the case.',
    download: 'Download as JSON',
    listedAt: (title: string, at: string) => `${title} – extracted ${at}`,
    untitled: 'Untitled case',
    parties: 'Parties',
    partyLine: (kind: string, role: string) => `${kind}, ${role}`,
    ended: (at: string) => `access ended ${at}`,
    member: 'made for a person of the organisation',
    signoffs: 'Sign-offs',
    decisions: 'Decisions',
    requiredSigners: 'Must sign',
    comments: 'Comments',
    activity: 'Activity',
    activityLine: (section: string, edits: number, from: string, to: string) =>
      `${section}: ${edits === 1 ? '1 change' : `${edits} changes`}, ${from} – ${to}`,
    snapshots: 'Saved versions',
    imported: 'from an imported file',
    none: 'None.',
    notFound: 'There is no case with that id. Check that the id is typed correctly.',
    otherOrganisation: 'The case belongs to another organisation. The key opens only your own cases.',
    failed: 'The personal data could not be loaded. Try again.',
  },
  unreachable: 'The server does not answer. Check the connection and try again.',
};
