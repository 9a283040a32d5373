import { listItemPath, SECTIONS, type SectionName } from '@caseroom/shared';
import { useMessages } from '../../i18n/messages.ts';
import { useBusinessCase } from '../businessCase/businessCaseContext.tsx';

/**
 * A readable name for an item path (`interventions/candidates/<id>`, `outcomes/<id>`, `problem`,
 * …): the
 * item's name, else the section's title, else the path itself.
 */
export function useItemName(): (path: string) => string {
  const m = useMessages();
  const { model } = useBusinessCase();
  const lists: { name?: string; id: string }[][] = [
    model.interventions.candidates,
    model.outcomes,
    model.facts.departments,
    model.evaluation.signatories,
  ];
  return (path) => {
    const segments = path.split('/');
    const head = segments[0] ?? '';
    // Items are found by their id (the last segment), so decisions recorded before the paths
    // were unified (`interventions/<id>`) still show the item's name.
    const id = segments.length > 1 ? segments.at(-1) : undefined;
    const found = id ? lists.flat().find((item) => item.id === id) : undefined;
    if (found) return found.name || m.workshop.votes.untitled;
    return SECTIONS.includes(head as SectionName) ? m.sections[head as SectionName].title : path;
  };
}

/** What a decision can be about: each section, each intervention and each outcome. */
export function useDecisionSubjects(): { path: string; label: string }[] {
  const m = useMessages();
  const { model } = useBusinessCase();
  const untitled = m.workshop.votes.untitled;
  return [
    ...SECTIONS.map((section) => ({ path: section, label: m.sections[section].title })),
    ...model.interventions.candidates.map((item) => ({
      path: listItemPath('interventions', item.id),
      label: `${m.sections.interventions.title}: ${item.name || untitled}`,
    })),
    ...model.outcomes.map((item) => ({
      path: listItemPath('outcomes', item.id),
      label: `${m.sections.outcomes.title}: ${item.name || untitled}`,
    })),
  ];
}
