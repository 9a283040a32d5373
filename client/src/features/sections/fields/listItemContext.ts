import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import { useShortText } from '../../../ydoc/useYText.ts';

/** The list item (an outcome, an intervention, …) the fields below it belong to: its numbered title and its map. */
export const ListItemContext = createContext<{ title: string; item: Y.Map<unknown> } | undefined>(undefined);

/**
 * What follows an item's numbered title in its heading: ": <name>", or nothing while it has no
 * name. The one place the heading's form is written: ItemList draws it, `useListItemHeading` names with it.
 */
export function itemNameSuffix(name: string): string {
  return name ? `: ${name}` : '';
}

/**
 * The item's heading as ItemList shows it — "Resultatmål 2: Ordinær beskæftigelse", live as the
 * name is typed — so a part every item has (the rate card's table) gets a name of its own
 * (axe: landmark-unique). Undefined outside a list item.
 */
export function useListItemHeading(): string | undefined {
  const owner = useContext(ListItemContext);
  const name = useShortText(owner?.item, 'name').value;
  if (!owner) return undefined;
  return owner.title + itemNameSuffix(name);
}
