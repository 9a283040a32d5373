import { describeVersionName, type Language, type SnapshotKind } from '@caseroom/shared';

/** How an exported version is named, per report language (the room's words, issue 13). */
const WORDS = {
  da: {
    phase: (phase: number) => `Fase ${phase}`,
    signoff: (party: string) => `Godkendelse: ${party}`,
    beforeRestore: (name: string) => `Før gendannelse af »${name}«`,
  },
  en: {
    phase: (phase: number) => `Phase ${phase}`,
    signoff: (party: string) => `Sign-off: ${party}`,
    beforeRestore: (name: string) => `Before restoring "${name}"`,
  },
} as const;

/**
 * The name of an exported snapshot in the report's language — the automatic ones ("Phase 3",
 * "Sign-off: …", stored in English) rendered from what they describe, a given name as given —
 * or undefined when the export carries none (the current version, or an older export).
 */
export function versionLabel(
  sourceName: { name: string; kind: string } | undefined,
  lang: Language,
): string | undefined {
  if (!sourceName) return undefined;
  const words = WORDS[lang];
  const named = (snapshot: { name: string; kind?: SnapshotKind }): string => {
    const name = describeVersionName(snapshot);
    switch (name.kind) {
      case 'phase':
        return words.phase(name.phase);
      case 'signoff':
        return words.signoff(name.partyName);
      case 'beforeRestore':
        return words.beforeRestore(named({ name: name.restoredName }));
      case 'named':
        return name.name;
    }
  };
  return named({ name: sourceName.name, kind: sourceName.kind as SnapshotKind });
}
