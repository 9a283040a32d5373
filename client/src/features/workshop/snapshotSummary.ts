import { type CaseModelDraft, type RichText, richTextToPlain, type SectionName } from '@caseroom/shared';

/** How much prose a summary shows of one text. */
const TEXT_CHARS = 280;

function plain(text: RichText | undefined): string {
  if (!text) return '';
  const all = richTextToPlain(text);
  return all.length > TEXT_CHARS ? `${all.slice(0, TEXT_CHARS)} …` : all;
}

const names = (items: { name?: string }[]) => items.map((item) => item.name || '–');

/**
 * A version of the case in a few readable lines per section (for viewing a snapshot): titles,
 * names of the things in its lists, the start of its prose. Empty values are left out.
 */
export function snapshotSummary(model: CaseModelDraft): { section: SectionName; lines: string[] }[] {
  const chosen = model.interventions.chosenId;
  const sections: { section: SectionName; lines: string[] }[] = [
    {
      section: 'facts',
      lines: [model.facts.title ?? '', model.facts.municipality ?? '', names(model.facts.departments).join(', ')],
    },
    { section: 'problem', lines: [plain(model.problem.text)] },
    { section: 'targetGroup', lines: [model.targetGroup.name ?? '', plain(model.targetGroup.eligibility)] },
    {
      section: 'interventions',
      lines: model.interventions.candidates.map((item) => `${item.id === chosen ? '✓ ' : ''}${item.name || '–'}`),
    },
    { section: 'outcomes', lines: names(model.outcomes) },
    { section: 'evaluation', lines: names(model.evaluation.signatories) },
  ];
  return sections.map(({ section, lines }) => ({ section, lines: lines.filter((line) => line.trim() !== '') }));
}
