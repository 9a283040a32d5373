import * as Y from 'yjs';
import { RICH_TEXT_PATHS } from '../bounds/bounds.ts';
import { readRichTextWithinBounds } from './readWithinBounds.ts';
import type { SetAsideContent } from './setAside.ts';
import { writeRichText } from './writeRichText.ts';

/**
 * Elements emptied per transaction. Yjs deletes and garbage-collects a deleted type's subtree
 * recursively (on this replica and on every replica that applies the update), so each
 * transaction may only hold a chain this long of types not yet deleted: about two stack frames
 * per level, far below any engine's limit.
 */
export const ELEMENTS_PER_TRANSACTION = 500;

/**
 * The most work one field may cost, in steps of (transactions × depth): Yjs walks from each
 * transaction's changed element up to the root, so emptying a chain costs its depth squared
 * over ELEMENTS_PER_TRANSACTION — a 20,000-deep chain 0.4 million steps, a 50,000-deep one 2.5
 * million. A field past this is left in place (its reading stays within the bounds anyway).
 */
export const MAX_SET_ASIDE_STEPS = 5_000_000;

/**
 * Sets aside, in the live document, what reading already sets aside: every rich-text field of
 * RICH_TEXT_PATHS that passes its bounds (or holds content no editor writes) is rewritten to its
 * reading within the bounds (`readRichTextWithinBounds`), so the editors in the browsers, which
 * read a fragment recursively, and a restore, which replaces the fragment's content, never meet
 * the deep part again. Returns the fields rewritten and why (empty for an undamaged case, which
 * is not touched). A field that would cost more than MAX_SET_ASIDE_STEPS is left in place and
 * not returned; `readModelWithNotices` still names it.
 *
 * The old content cannot simply be deleted: Yjs would recurse once per level when it deletes and
 * garbage-collects it. It is emptied from the bottom up instead, `ELEMENTS_PER_TRANSACTION`
 * elements per `transact` call, so every update stays shallow to apply. `transact` runs one
 * change as one transaction (the server passes its `changeAsServer`). Keep what is set aside
 * by taking a snapshot first. Afterwards, replace the stored log by the document's state: the
 * log replayed in a single transaction would garbage-collect the whole deep subtree at once.
 */
export function setAsideDamagedRichText(
  doc: Y.Doc,
  transact: (change: () => void) => void = (change) => doc.transact(change),
): SetAsideContent[] {
  const rewritten: SetAsideContent[] = [];
  for (const { path, fragment } of richTextFields(doc)) {
    const reading = readRichTextWithinBounds(fragment);
    if (reading.setAside.length === 0) continue;
    const { elements, depth } = elementsBottomUp(fragment);
    if (Math.ceil(elements.length / ELEMENTS_PER_TRANSACTION) * depth > MAX_SET_ASIDE_STEPS) continue;
    for (let start = 0; start < elements.length; start += ELEMENTS_PER_TRANSACTION) {
      const chunk = elements.slice(start, start + ELEMENTS_PER_TRANSACTION);
      transact(() => {
        for (const element of chunk) if (element.length > 0) element.delete(0, element.length);
      });
    }
    transact(() => {
      if (fragment.length > 0) fragment.delete(0, fragment.length);
      writeRichText(fragment, reading.value);
    });
    for (const part of reading.setAside) rewritten.push({ path, ...part });
  }
  return rewritten;
}

/**
 * The elements below a fragment that have children, each after all of its descendants, and
 * how deep they nest (walked without recursion).
 */
function elementsBottomUp(fragment: Y.XmlFragment): { elements: Y.XmlElement[]; depth: number } {
  const topDown: Y.XmlElement[] = [];
  let deepest = 0;
  const stack: { type: Y.XmlFragment; depth: number }[] = [{ type: fragment, depth: 0 }];
  while (stack.length > 0) {
    const { type, depth } = stack.pop() as { type: Y.XmlFragment; depth: number };
    for (let item = type._start; item !== null; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
      const child = item.content.type;
      if (child instanceof Y.XmlElement && child.length > 0) {
        topDown.push(child);
        stack.push({ type: child, depth: depth + 1 });
        deepest = Math.max(deepest, depth + 1);
      }
    }
  }
  // Every element comes after its parent in `topDown`, so reversed each comes before it.
  return { elements: topDown.reverse(), depth: deepest };
}

/** The rich-text fields RICH_TEXT_PATHS names, with their paths (list item ids in place of `*`). */
function richTextFields(doc: Y.Doc): { path: string; fragment: Y.XmlFragment }[] {
  const fields: { path: string; fragment: Y.XmlFragment }[] = [];
  for (const pattern of RICH_TEXT_PATHS) {
    const [root, ...keys] = pattern.split('/');
    let level: { path: string; value: unknown }[] = [{ path: root as string, value: rootMap(doc, root as string) }];
    for (const key of keys) {
      const next: { path: string; value: unknown }[] = [];
      for (const { path, value } of level) {
        if (!(value instanceof Y.Map)) continue;
        if (key === '*') for (const [id, inner] of value.entries()) next.push({ path: `${path}/${id}`, value: inner });
        else next.push({ path: `${path}/${key}`, value: value.get(key) });
      }
      level = next;
    }
    for (const { path, value } of level) if (value instanceof Y.XmlFragment) fields.push({ path, fragment: value });
  }
  return fields;
}

/** A top-level map, or undefined if a crafted document defined the root as another type. */
function rootMap(doc: Y.Doc, name: string): Y.Map<unknown> | undefined {
  try {
    return doc.getMap(name);
  } catch {
    return undefined;
  }
}
