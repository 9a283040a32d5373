import type { CaseModelDraft } from '../model/caseModel.ts';
import { richTextToPlain } from '../richtext/convert.ts';
import type { Finding } from './finding.ts';
import { text } from './finding.ts';

/** V21–V22: the prose the schema cannot require — an empty problem, an unexplained choice. */
export function proseFindings(model: CaseModelDraft): Finding[] {
  const findings: Finding[] = [];
  if (richTextToPlain(model.problem.text) === '') {
    findings.push({
      rule: 'V21',
      severity: 'error',
      section: 'problem',
      path: ['problem', 'text'],
      messageKey: 'problemEmpty',
      params: {},
    });
  }
  const chosen = model.interventions.candidates.find((c) => c.id === model.interventions.chosenId);
  if (chosen && richTextToPlain(model.interventions.rationale) === '') {
    findings.push({
      rule: 'V22',
      severity: 'warning',
      section: 'interventions',
      path: ['interventions', 'rationale'],
      messageKey: 'rationaleEmpty',
      params: { item: text(chosen.name) },
    });
  }
  return findings;
}
