import { addItem, getItem, type ItemKind, moveItemTo, removeItem } from '@caseroom/shared';
import { type ReactNode, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { useSession } from '../../../caseState/sessionContext.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useItemIds } from '../../../ydoc/useY.ts';
import { useShortText } from '../../../ydoc/useYText.ts';
import { useCanEdit } from '../../access/useAccess.ts';
import { CommentsButton } from '../../comments/CommentsButton.tsx';
import { LIST_PATHS } from '../fieldPath.ts';
import { itemNameSuffix, ListItemContext } from './listItemContext.ts';

type Props = {
  kind: ItemKind;
  /** The heading of one item, e.g. "Resultatmål 2". */
  itemTitle: (position: number) => string;
  addLabel: string;
  emptyText: string;
  children: (item: Y.Map<unknown>, id: string) => ReactNode;
  /** `compact` lays an item out as one row (departments, signatories). */
  compact?: boolean;
};

type Focus = { id: string; control: 'up' | 'down' | 'remove' | 'add' | 'first' };

/**
 * An ordered list of items that people add, remove and reorder. Moving rewrites only the
 * item's order key (moveItemTo), so someone editing the item at the same time keeps their
 * edit. After a move, focus stays on the button that was pressed. An observer sees the items
 * without the add, move and remove buttons.
 */
export function ItemList({ kind, itemTitle, addLabel, emptyText, children, compact = false }: Props) {
  const m = useMessages();
  const session = useSession();
  const editable = useCanEdit();
  const ids = useItemIds(session.doc, kind);
  const pendingFocus = useRef<Focus | null>(null);
  const listId = `list-${kind}`;

  useEffect(() => {
    const focus = pendingFocus.current;
    if (!focus) return;
    pendingFocus.current = null;
    const byId = (suffix: string) => document.getElementById(`${listId}-${focus.id}-${suffix}`);
    const target =
      focus.control === 'add'
        ? document.getElementById(`${listId}-add`)
        : focus.control === 'first'
          ? (byId('item')?.querySelector<HTMLElement>('input, textarea, select, [contenteditable="true"]') ?? null)
          : byId(focus.control);
    const fallback = focus.control === 'up' ? byId('down') : byId('up');
    const usable = (el: HTMLElement | null) => el && !(el as HTMLButtonElement).disabled;
    (usable(target) ? target : usable(fallback) ? fallback : null)?.focus();
  });

  const move = (id: string, toIndex: number, control: 'up' | 'down') => {
    pendingFocus.current = { id, control };
    session.writeStep(() => moveItemTo(session.doc, kind, id, toIndex));
  };
  const remove = (id: string) => {
    pendingFocus.current = { id, control: 'add' };
    session.writeStep(() => removeItem(session.doc, kind, id));
  };
  const add = () => {
    const id = crypto.randomUUID();
    pendingFocus.current = { id, control: 'first' };
    session.writeStep(() => addItem(session.doc, kind, id));
  };

  return (
    <div className={`item-list${compact ? ' compact' : ''}`} data-path={LIST_PATHS[kind]}>
      {ids.length === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <ol className="items">
          {ids.map((id, index) => {
            const item = getItem(session.doc, kind, id);
            if (!item) return null;
            const title = itemTitle(index + 1);
            return (
              <li
                key={id}
                className="item"
                id={`${listId}-${id}-item`}
                aria-labelledby={`${listId}-${id}-title`}
                data-path={`${LIST_PATHS[kind]}/${id}`}
              >
                <div className="item-header">
                  <h3 id={`${listId}-${id}-title`}>
                    {title}
                    <ItemName item={item} />
                  </h3>
                  <CommentsButton path={`${LIST_PATHS[kind]}/${id}`} what={title} scope="item" />
                  {editable && (
                    <div className="item-controls">
                      <button
                        type="button"
                        id={`${listId}-${id}-up`}
                        disabled={index === 0}
                        aria-label={m.list.moveUp(title)}
                        onClick={() => move(id, index - 1, 'up')}
                      >
                        <span aria-hidden="true">↑</span> {m.list.up}
                      </button>
                      <button
                        type="button"
                        id={`${listId}-${id}-down`}
                        disabled={index === ids.length - 1}
                        aria-label={m.list.moveDown(title)}
                        onClick={() => move(id, index + 1, 'down')}
                      >
                        <span aria-hidden="true">↓</span> {m.list.down}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        id={`${listId}-${id}-remove`}
                        aria-label={m.list.remove(title)}
                        onClick={() => remove(id)}
                      >
                        {m.list.removeShort}
                      </button>
                    </div>
                  )}
                </div>
                <div className="item-body">
                  <ListItemContext.Provider value={{ title, item }}>{children(item, id)}</ListItemContext.Provider>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {editable && (
        <button type="button" className="add" id={`${listId}-add`} onClick={add}>
          <span aria-hidden="true">+</span> {addLabel}
        </button>
      )}
    </div>
  );
}

/** The item's name after its number in the heading, live as it is typed. */
function ItemName({ item }: { item: Y.Map<unknown> }) {
  const suffix = itemNameSuffix(useShortText(item, 'name').value);
  return suffix ? <span className="item-name">{suffix}</span> : null;
}
