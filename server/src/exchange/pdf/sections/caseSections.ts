import type { BuiltCaseExport } from '@caseroom/shared';
import { count, irrText, money, orDash } from '../format.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportText } from '../reportText.ts';
import { richText } from '../richText.ts';
import { oneLine } from '../safeText.ts';
import { keyValues, table } from '../table.ts';

/** Problem: the group's rich text. */
export function problemSection(w: ReportWriter, exported: BuiltCaseExport, text: ReportText): void {
  w.heading(text.sections.problem, 1);
  if (!richText(w, exported.model.problem.text)) w.note(text.empty);
}

/** Target group: name, eligibility, the eligible population, yearly intake and the baseline. */
export function targetGroupSection(w: ReportWriter, exported: BuiltCaseExport, text: ReportText): void {
  const t = text.targetGroup;
  const group = exported.model.targetGroup;
  const { startYear } = exported.model.facts;
  w.heading(text.sections.targetGroup, 1);
  keyValues(w, [
    [t.name, oneLine(group.name) || '–'],
    [t.eligiblePopulation, orDash(group.eligiblePopulation, (n) => `${count(n)} ${t.persons}`)],
  ]);
  w.heading(t.eligibility, 3);
  if (!richText(w, group.eligibility)) w.note(text.empty);
  w.heading(t.intake, 3);
  if (group.intake.length === 0) w.note(text.empty);
  else {
    table(
      w,
      [
        { header: t.year, width: 1 },
        { header: t.participants, width: 1, align: 'right' },
      ],
      group.intake.map((c) => [
        startYear === undefined ? text.yearOffset(c.year + 1) : String(startYear + c.year),
        count(c.participants),
      ]),
    );
  }
  w.heading(t.baseline, 3);
  if (!richText(w, group.baseline)) w.note(text.empty);
}

/** Intervention: the chosen candidate with its costs, description and rationale; every candidate priced on its own. */
export function interventionSection(w: ReportWriter, exported: BuiltCaseExport, text: ReportText): void {
  const t = text.intervention;
  const { interventions } = exported.model;
  w.heading(text.sections.intervention, 1);
  const chosen = interventions.candidates.find((c) => c.id === interventions.chosenId);
  if (!chosen) w.paragraph(t.noneChosen);
  else {
    w.heading(`${t.chosen}: ${oneLine(chosen.name) || '–'}`, 2);
    keyValues(w, [
      [t.provider, oneLine(chosen.provider) || '–'],
      [t.evidence, chosen.evidenceLevel ? t.evidenceLevels[chosen.evidenceLevel] : '–'],
      [t.costPerParticipant, orDash(chosen.costPerParticipant, money)],
      [t.fixedCostPerYear, orDash(chosen.fixedCostPerYear, money)],
      [t.duration, orDash(chosen.durationYears, (n) => `${count(n)} ${text.years}`)],
    ]);
    w.heading(t.description, 3);
    if (!richText(w, chosen.description)) w.note(text.empty);
  }
  w.heading(t.rationale, 3);
  if (!richText(w, interventions.rationale)) w.note(text.empty);

  if (interventions.candidates.length > 0) {
    w.heading(t.candidates, 3);
    const comparisons = exported.pricing.candidates;
    table(
      w,
      [
        { header: t.candidate, width: 3 },
        { header: t.evidence, width: 1.4 },
        { header: t.cost, width: 1.6, align: 'right' },
        { header: t.npv, width: 1.6, align: 'right' },
        { header: t.irr, width: 1.1, align: 'right' },
      ],
      interventions.candidates.map((candidate) => {
        const c = comparisons.find((x) => x.interventionId === candidate.id);
        const name = `${oneLine(candidate.name) || '–'}${candidate.id === interventions.chosenId ? ` ${t.chosenMark}` : ''}`;
        const priced = c?.priced === true;
        return [
          { text: name, bold: candidate.id === interventions.chosenId },
          candidate.evidenceLevel ? t.evidenceLevels[candidate.evidenceLevel] : '–',
          priced ? orDash(c.interventionCost, money) : t.notPriced,
          priced ? orDash(c.authorityNpv, money) : '–',
          priced ? (irrText(c.investorIrr) ?? text.noIrr) : '–',
        ];
      }),
    );
  }
}
