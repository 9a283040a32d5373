import { COMMENTS, FIELD_LABELS, type ItemKind, LISTS, SECTIONS, type SectionName, WORKSHOP } from '@caseroom/shared';
import type { Messages } from '../../../i18n/messages.ts';

/**
 * Where in a case a refused change lay, in words: the plain name of the field at a document
 * path as the server names it in a refusal (`outcomes/items/<id>/definition`, `problem/text`,
 * `facts/title`). Field names come from the shared field labels (shared/src/validation/labels.ts,
 * keyed `<section or item kind>.<field>`), so the notice says what findings and change lists say.
 */

/** The list at a path (`outcomes/items/…` → outcome), if it is one of the case's lists. */
export function listKindOfPath(path: string): ItemKind | undefined {
  const [section, key] = path.split('/');
  for (const [kind, list] of Object.entries(LISTS)) {
    if (list.section === section && list.key === key) return kind as ItemKind;
  }
  return undefined;
}

/**
 * The field label key of a document path, most specific first: an item's field
 * (`outcome.definition`), a section's field or an entry of one of its maps
 * (`facts.partners.authority`, `targetGroup.intake`), the list itself (`outcomes`).
 * Undefined if no label fits (the section's title is then the name).
 */
export function labelKeyOfPath(path: string): string | undefined {
  const parts = path.split('/').filter((part) => part !== '');
  const [section, key] = parts;
  if (section === undefined) return undefined;
  const kind = listKindOfPath(path);
  const candidates =
    kind !== undefined && parts.length >= 4
      ? [`${kind}.${parts[3]}.${parts[4] ?? ''}`, `${kind}.${parts[3]}`, `${section}.${key}`, section]
      : [`${section}.${key}.${parts[2] ?? ''}`, `${section}.${key}`, section];
  return candidates.find((candidate) => candidate in FIELD_LABELS);
}

/**
 * The name of what a path points at, in the person's language: the field's label, else the
 * section's title, comments or the workshop by their names; the path itself as a last resort
 * (a path the client does not know, from a newer server).
 */
export function fieldNameOfPath(path: string, m: Messages, lang: 'da' | 'en'): string {
  const key = labelKeyOfPath(path);
  if (key !== undefined) {
    const [da, en] = FIELD_LABELS[key as keyof typeof FIELD_LABELS];
    return lang === 'da' ? da : en;
  }
  const root = path.split('/')[0] ?? '';
  return rootName(root, m) ?? path;
}

/** A root's name: a section's title, the comments, the workshop record; undefined for anything else. */
export function rootName(root: string, m: Messages): string | undefined {
  if (SECTIONS.includes(root as SectionName)) return m.sections[root as SectionName].title;
  if (root === COMMENTS) return m.workshop.refused.comments;
  if (root === WORKSHOP) return m.workshop.bar.label;
  return undefined;
}
