import {
  candidateRateSourceKey,
  type ItemKind,
  listMap,
  nestedFragment,
  nestedMap,
  orderedItems,
  readShortText,
  type SectionName,
  sectionMap,
} from '@caseroom/shared';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useSession } from '../../caseState/sessionContext.ts';
import { useYSelect } from '../../ydoc/useY.ts';

/** A section's root map and accessors for its nested types (created by the server, never here). */
export function useSection(section: SectionName) {
  const { doc } = useSession();
  const map = sectionMap(doc, section);
  return {
    map,
    nested: (key: string): Y.Map<unknown> | undefined => nestedMap(map, key),
    fragment: (key: string): Y.XmlFragment | undefined => nestedFragment(map, key),
  };
}

/** A list item as forms need it: id and (possibly empty) name. */
export type ItemRef = { id: string; name: string };
export type DepartmentRef = ItemRef;

/** The case's departments in order, re-read whenever one is added, renamed, moved or removed. */
export function useDepartments(): DepartmentRef[] {
  return useItemRefs('department');
}

/** A list's items in order (id and name), re-read whenever one is added, renamed, moved or removed. */
export function useItemRefs(kind: ItemKind): ItemRef[] {
  const { doc } = useSession();
  const list = listMap(doc, kind);
  const joined = useYSelect(list, () => {
    const rows: string[] = [];
    for (const [id, name] of itemEntries(list)) rows.push(`${id}\t${name}`);
    return rows.join('\n');
  });
  return useMemo(
    () =>
      joined === ''
        ? []
        : joined.split('\n').map((row) => {
            const [id = '', name = ''] = row.split('\t');
            return { id, name };
          }),
    [joined],
  );
}

/**
 * P19: where the chosen candidate keeps its expected rate on one outcome — its `expectedRates`
 * map and its `sources` — or undefined while no candidate is chosen. Re-read when the choice or
 * the candidates change.
 */
export function useChosenCandidateRate(
  outcomeId: string,
):
  | { candidateId: string; rates: Y.Map<unknown> | undefined; sources: Y.Map<unknown> | undefined; sourceKey: string }
  | undefined {
  const { doc } = useSession();
  const interventions = sectionMap(doc, 'interventions');
  const list = listMap(doc, 'intervention');
  const chosenId = useYSelect(interventions, () => {
    const id = interventions?.get('chosenId');
    return typeof id === 'string' ? id : undefined;
  });
  const present = useYSelect(list, () => chosenId !== undefined && list?.get(chosenId) !== undefined);
  if (chosenId === undefined || !present) return undefined;
  const candidate = list?.get(chosenId) as Y.Map<unknown> | undefined;
  return {
    candidateId: chosenId,
    rates: nestedMap(candidate, 'expectedRates'),
    sources: nestedMap(candidate, 'sources'),
    sourceKey: candidateRateSourceKey(outcomeId),
  };
}

function itemEntries(list: Y.Map<unknown> | undefined): [string, string][] {
  return orderedItems(list).map(([id, item]) => {
    const name = readShortText(item, 'name') ?? '';
    return [id, name.replace(/[\t\n]/g, ' ')];
  });
}
