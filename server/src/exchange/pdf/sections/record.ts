import type { BuiltCaseExport } from '@caseroom/shared';
import { FONT } from '../fonts.ts';
import type { ReportWriter } from '../layout.ts';
import type { ReportLanguage, ReportText } from '../reportText.ts';
import { oneLine, safeText } from '../safeText.ts';
import { type Row, table } from '../table.ts';

type Severity = 'error' | 'warning' | 'info';
type ExportedFinding = { rule: string; severity: Severity; message: { da: string; en: string } };

/** Validation findings in the report's language, grouped by severity (errors first). */
export function findingsSection(w: ReportWriter, exported: BuiltCaseExport, text: ReportText, lang: ReportLanguage) {
  w.heading(text.sections.findings, 1);
  const findings = exported.findings.filter(isFinding);
  if (findings.length === 0) {
    w.paragraph(text.findings.none);
    return;
  }
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    w.heading(`${text.findings.severity[severity]} (${group.length})`, 3);
    table(
      w,
      [
        { header: text.findings.rule, width: 0.7 },
        { header: text.findings.severity[severity], width: 7 },
      ],
      group.map((f) => [oneLine(f.rule, 20), safeText(f.message[lang])]),
    );
  }
}

/** Decisions: what was decided, about what, who recorded it and when (imported history marked). */
export function decisionsSection(w: ReportWriter, exported: BuiltCaseExport, text: ReportText) {
  const t = text.decisions;
  w.heading(text.sections.decisions, 1);
  if (exported.decisions.length === 0) {
    w.paragraph(t.none);
    return;
  }
  table(
    w,
    [
      { header: t.number, width: 0.5 },
      { header: t.text, width: 4.2 },
      { header: t.about, width: 1.6 },
      { header: t.who, width: 1.5 },
      { header: t.when, width: 1.5 },
    ],
    exported.decisions.map((d, i) => [
      String(i + 1),
      safeText(d.text),
      d.itemPath ? itemName(exported, d.itemPath, text) : '–',
      d.imported ? `${oneLine(d.partyName)} (${t.imported})` : oneLine(d.partyName),
      text.dateTime(d.at),
    ]),
  );
  if (exported.decisions.some((d) => d.imported)) w.paragraph(text.signoffs.historyNote, { face: FONT.italic });
}

/**
 * Sign-offs: each party's signature with the full content hash it signed and whether that is the
 * exported version. Signatures that came with an import (`imported`) are history: they never
 * count for this case, whatever hash they are on.
 */
export function signoffsSection(w: ReportWriter, exported: BuiltCaseExport, text: ReportText) {
  const t = text.signoffs;
  const { contentHash, signedBy } = exported.version;
  w.heading(text.sections.signoffs, 1);
  w.note(t.intro);
  if (exported.signoffs.length === 0) {
    w.paragraph(t.none);
    return;
  }
  const counts = (s: { partyId: string; at: string; imported?: true }) =>
    !s.imported && signedBy.some((x) => x.partyId === s.partyId && x.at === s.at);
  let history = false;
  table(
    w,
    [
      { header: t.party, width: 2.4 },
      { header: t.when, width: 1.6 },
      { header: t.status, width: 2 },
    ],
    exported.signoffs.flatMap((s): Row[] => {
      const status = s.imported ? t.history : s.hash !== contentHash ? t.other : counts(s) ? t.matches : t.history;
      if (status === t.history) history = true;
      return [
        [
          { text: oneLine(s.partyName), bold: true },
          text.dateTime(s.at),
          { text: status, bold: status === t.matches, italic: status === t.history },
        ],
        { span: `${t.hash}: ${oneLine(s.hash, 200)}` },
      ];
    }),
  );
  if (history) w.paragraph(t.historyNote, { face: FONT.italic });
}

/**
 * What a decision is about, in words: the item's name for a list item (`interventions/candidates/<id>`,
 * `outcomes/<id>`, `facts/departments/<id>`), else the section's name, else the path as written.
 */
function itemName(exported: BuiltCaseExport, path: string, text: ReportText): string {
  const parts = path.split('/');
  const [section] = parts;
  const id = parts.at(-1);
  const { model } = exported;
  const item =
    parts.length < 2
      ? undefined
      : section === 'interventions'
        ? model.interventions.candidates.find((c) => c.id === id)
        : section === 'outcomes'
          ? model.outcomes.find((o) => o.id === id)
          : section === 'facts'
            ? model.facts.departments.find((d) => d.id === id)
            : undefined;
  if (item?.name) return oneLine(item.name, 200);
  const sectionNames: Record<string, string> = {
    facts: text.sections.facts,
    problem: text.sections.problem,
    targetGroup: text.sections.targetGroup,
    interventions: text.sections.intervention,
    outcomes: text.sections.outcomes,
    paymentModel: text.sections.paymentModel,
    evaluation: text.sections.evaluation,
  };
  return (section && sectionNames[section]) || oneLine(path, 200);
}

function isFinding(value: unknown): value is ExportedFinding {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Partial<ExportedFinding>;
  return (
    typeof f.rule === 'string' &&
    (f.severity === 'error' || f.severity === 'warning' || f.severity === 'info') &&
    typeof f.message?.da === 'string' &&
    typeof f.message?.en === 'string'
  );
}
