import type { CaseModelDraft } from '../model/caseModel.ts';
import { pricingInputFromModel } from '../pricing/fromModel.ts';
import { boundFindings } from './boundsRules.ts';
import { consistencyFindings } from './consistencyRules.ts';
import { economicsFindings } from './economicsRules.ts';
import type { Finding, Severity } from './finding.ts';
import { timingFindings } from './paymentTimingRules.ts';
import { proseFindings } from './proseRules.ts';
import { structureFindings } from './structureRules.ts';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Every finding in a case, errors first: structure (V1, V9), bounds (V23–V24), consistency
 * (V2–V13), timing (V6, V25), prose (V21–V22) and economics (V11, V15–V20). Pure: the same function runs in the
 * browser, the server, the CLI and the exporters (docs/validation.md lists the rules).
 */
export function validate(model: CaseModelDraft): Finding[] {
  // One finding per field. Where V1 and V23 both report a field, V1's message names the same
  // bound (1–50 years, 0–100 %, not negative) — except V1's bare "too large", which V23 replaces.
  const key = (finding: Finding) => finding.path.join('/');
  const bounds = boundFindings(model);
  const outOfBounds = new Set(bounds.filter((f) => f.rule === 'V23').map(key));
  const structure = structureFindings(model).filter((f) => f.messageKey !== 'tooLarge' || !outOfBounds.has(key(f)));
  const reported = new Set(structure.map(key));
  const priceable = pricingInputFromModel(model); // read once for the timing and economics rules
  const findings = [
    ...structure,
    ...bounds.filter((f) => f.rule !== 'V23' || !reported.has(key(f))),
    ...consistencyFindings(model),
    ...timingFindings(model, priceable),
    ...proseFindings(model),
    ...economicsFindings(model, priceable),
  ];
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
}

/** Open findings per section, for the counts in the navigation. */
export function findingCounts(findings: readonly Finding[]): Record<string, Record<Severity, number>> {
  const counts: Record<string, Record<Severity, number>> = {};
  for (const finding of findings) {
    const section = counts[finding.section] ?? { error: 0, warning: 0, info: 0 };
    section[finding.severity]++;
    counts[finding.section] = section;
  }
  return counts;
}
