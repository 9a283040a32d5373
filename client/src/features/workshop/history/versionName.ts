import { describeVersionName, type SnapshotKind } from '@caseroom/shared';
import type { Messages } from '../../../i18n/messages.ts';

/**
 * A version's name in the reader's language: the automatic ones ("Phase 3", "Sign-off: …",
 * "Before restoring "…"", stored in English — also by older servers) rendered from what they
 * describe; a name someone gave stays as given.
 */
export function versionName(snapshot: { name: string; kind?: SnapshotKind }, m: Messages): string {
  const t = m.workshop.history.versionName;
  const name = describeVersionName(snapshot);
  switch (name.kind) {
    case 'phase':
      return t.phase(name.phase);
    case 'signoff':
      return t.signoff(name.partyName);
    case 'beforeRestore':
      // The restored version's own name may be automatic too ("Phase 2").
      return t.beforeRestore(versionName({ name: name.restoredName }, m));
    case 'named':
      return name.name;
  }
}
