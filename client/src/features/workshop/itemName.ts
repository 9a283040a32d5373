import { SECTIONS, type SectionName } from '@caseroom/shared';
import { useMessages } from '../../i18n/messages.ts';
import { useBusinessCase } from '../businessCase/businessCaseContext.tsx';

/**
 * A readable name for an item path (`interventions/<id>`, `outcomes/<id>`, `problem`): the
 * item's name, else the section's title, else the path itself.
 */
export function useItemName(): (path: string) => string {
  const m = useMessages();
  const { model } = useBusinessCase();
  return (path) => {
    const [head, id] = path.split('/');
    if (head === 'interventions' && id) {
      const found = model.interventions.candidates.find((item) => item.id === id);
      if (found) return found.name || m.workshop.votes.untitled;
    }
    if (head === 'outcomes' && id) {
      const found = model.outcomes.find((item) => item.id === id);
      if (found) return found.name || m.workshop.votes.untitled;
    }
    return SECTIONS.includes(head as SectionName) ? m.sections[head as SectionName].title : path;
  };
}
