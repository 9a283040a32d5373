import type { lifecycleDa } from './lifecycle.da.ts';

/** English texts of the case lifecycle (issue 15). */
export const lifecycleEn: typeof lifecycleDa = {
  showArchived: 'Show archived',
  archivedMark: 'Archived',
  archivedAt: (at: string) => `Archived ${at}`,
  actions: 'Actions',
  archive: 'Archive',
  archiveHint: 'The case becomes read-only and leaves the lists. It can be restored.',
  restore: 'Restore',
  copy: 'Copy as template',
  copyHint:
    'A new case with the same structure and texts – without the workshop record, sign-offs, comments and parties.',
  copyTitle: (title: string) => `Copy of ${title}`,
  copied: (title: string) => `The copy "${title}" was created, and you are its facilitator.`,
  delete: 'Delete …',
  deleteTitle: 'Delete the case for good',
  deleteWarning:
    'The case is deleted for good with all its versions, comments, votes, activity and links. This cannot be undone. Older backups still hold it until they are removed.',
  deleteConfirmLabel: (title: string) => `Type the case’s title to confirm: ${title}`,
  deleteConfirm: 'Delete for good',
  cancel: 'Cancel',
  failed: 'That did not work. Try again in a moment.',
};
