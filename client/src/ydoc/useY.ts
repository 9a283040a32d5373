import { type ItemKind, isCaseDocReady, itemIds, listMap } from '@caseroom/shared';
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * Small hooks that subscribe React to parts of the Y.Doc. The document stays the single source
 * of truth: components read from it on every change and never copy it into another store. The
 * same read serves as the server snapshot, so a form renders in Node too (renderSectionForm).
 */

/** Re-renders when the map `type` or anything inside it changes, returning `select()`'s primitive result. */
export function useYSelect<T extends string | number | boolean | undefined>(
  type: Y.Map<unknown> | undefined,
  select: () => T,
): T {
  const selectRef = useRef(select);
  selectRef.current = select;
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!type) return () => {};
      type.observeDeep(onChange);
      return () => type.unobserveDeep(onChange);
    },
    [type],
  );
  const read = () => selectRef.current();
  return useSyncExternalStore(subscribe, read, read);
}

/** One scalar entry of a Y.Map (only that map's own entries are observed). */
export function useYMapValue(map: Y.Map<unknown> | undefined, key: string): unknown {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!map) return () => {};
      const handler = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has(key)) onChange();
      };
      map.observe(handler);
      return () => map.unobserve(handler);
    },
    [map, key],
  );
  const read = () => map?.get(key);
  return useSyncExternalStore(subscribe, read, read);
}

/** A string entry of a Y.Map ('' when missing or of another type). */
export function useYString(map: Y.Map<unknown> | undefined, key: string): string {
  const value = useYMapValue(map, key);
  return typeof value === 'string' ? value : '';
}

/** A finite number entry of a Y.Map (undefined when missing or of another type). */
export function useYNumber(map: Y.Map<unknown> | undefined, key: string): number | undefined {
  const value = useYMapValue(map, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The ids of a list's items in display order; a new array only when the order changes. */
export function useItemIds(doc: Y.Doc, kind: ItemKind): string[] {
  const joined = useYSelect(listMap(doc, kind), () => itemIds(doc, kind).join('\n'));
  return useMemo(() => (joined === '' ? [] : joined.split('\n')), [joined]);
}

/** Whether the document holds a case's structure yet (server state or an offline copy arrived). */
export function useCaseDocReady(doc: Y.Doc): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      doc.on('update', onChange);
      return () => doc.off('update', onChange);
    },
    [doc],
  );
  const read = () => isCaseDocReady(doc);
  return useSyncExternalStore(subscribe, read, read);
}
