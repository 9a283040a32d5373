import {
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

/** A department as forms need it: id and (possibly empty) name. */
export type DepartmentRef = { id: string; name: string };

/** The case's departments in order, re-read whenever one is added, renamed, moved or removed. */
export function useDepartments(): DepartmentRef[] {
  const { doc } = useSession();
  const list = listMap(doc, 'department');
  const joined = useYSelect(list, () => {
    const rows: string[] = [];
    for (const [id, name] of departmentEntries(list)) rows.push(`${id}\t${name}`);
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

function departmentEntries(list: Y.Map<unknown> | undefined): [string, string][] {
  return orderedItems(list).map(([id, item]) => {
    const name = readShortText(item, 'name') ?? '';
    return [id, name.replace(/[\t\n]/g, ' ')];
  });
}
