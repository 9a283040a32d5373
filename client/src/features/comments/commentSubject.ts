import { getItem, type ItemKind } from '@caseroom/shared';
import type * as Y from 'yjs';
import { useSession } from '../../caseState/sessionContext.ts';
import { useMessages } from '../../i18n/messages.ts';
import { useShortText } from '../../ydoc/useYText.ts';
import { LIST_PATHS } from '../sections/fieldPath.ts';

/** The list item an item path points at (`outcomes/<id>`, `interventions/candidates/<id>`), if any. */
export function itemAtPath(doc: Y.Doc, path: string): Y.Map<unknown> | undefined {
  for (const [kind, listPath] of Object.entries(LIST_PATHS) as [ItemKind, string][]) {
    if (!path.startsWith(`${listPath}/`)) continue;
    const id = path.slice(listPath.length + 1);
    if (id && !id.includes('/')) return getItem(doc, kind, id);
  }
  return undefined;
}

/**
 * What comments are about, as their button and dialog name it: for an item its title and, when
 * it has one, its name ("Resultatmål 2 – Færre psykiatriske indlæggelser"), live as it is typed;
 * for a section its title.
 */
export function useCommentSubject(path: string, what: string, scope: 'section' | 'item'): string {
  const m = useMessages();
  const { doc } = useSession();
  const name = useShortText(scope === 'item' ? itemAtPath(doc, path) : undefined, 'name').value.trim();
  return name ? m.workshop.comments.subject(what, name) : what;
}
