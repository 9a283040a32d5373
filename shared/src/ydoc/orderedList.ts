import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';

const MAX_ID_LENGTH = 64;

/** The items of a list map as [id, item], sorted by order key and then id (ties are stable). */
export function orderedItems(list: Y.Map<unknown> | undefined): [string, Y.Map<unknown>][] {
  const items: [string, Y.Map<unknown>, string][] = [];
  list?.forEach((item, id) => {
    if (!(item instanceof Y.Map) || id.length === 0 || id.length > MAX_ID_LENGTH) return;
    const order = item.get('order');
    items.push([id, item, typeof order === 'string' ? order : '']);
  });
  items.sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return items.map(([id, item]) => [id, item]);
}

/** An order key after every item of the list. */
export function orderKeyAtEnd(list: Y.Map<unknown>): string {
  const items = orderedItems(list);
  const last = items.at(-1)?.[1].get('order');
  return keyBetweenOrRebalance(list, typeof last === 'string' ? last : null, null, items.length);
}

/**
 * Moves an item to position `toIndex` among the list's items by rewriting its order key only,
 * so a concurrent edit to any field of the moved item survives.
 */
export function moveItem(list: Y.Map<unknown>, id: string, toIndex: number): void {
  const others = orderedItems(list).filter(([otherId]) => otherId !== id);
  const item = list.get(id);
  if (!(item instanceof Y.Map)) return;
  const index = Math.max(0, Math.min(toIndex, others.length));
  const before = others[index - 1]?.[1].get('order');
  const after = others[index]?.[1].get('order');
  const key = keyBetweenOrRebalance(
    list,
    typeof before === 'string' ? before : null,
    typeof after === 'string' ? after : null,
    index,
    id,
  );
  item.set('order', key);
}

/**
 * A key strictly between two neighbours. Concurrent inserts can leave two items with the same
 * key (or a crafted document an invalid one); then there is no key between them, and the whole
 * list gets fresh keys in its current order — only order keys change, never content.
 */
function keyBetweenOrRebalance(
  list: Y.Map<unknown>,
  before: string | null,
  after: string | null,
  index: number,
  movingId?: string,
): string {
  try {
    return generateKeyBetween(before, after);
  } catch {
    const others = orderedItems(list).filter(([id]) => id !== movingId);
    const keys = generateNKeysBetween(null, null, others.length + 1);
    let k = 0;
    others.forEach(([, item], i) => {
      if (i === index) k++;
      item.set('order', keys[k++]);
    });
    return keys[index] as string;
  }
}
