import {
  type BuiltCaseExport,
  byMonths,
  fieldHidden,
  fieldSpec,
  fieldsOf,
  figureFormat,
  headlineCards,
  type MeasurementPointDraft,
  PAYMENT_BASIS_NAMES,
  type RegisteredField,
  type RichText,
  richTextToPlain,
  signerNames,
} from '@caseroom/shared';
import {
  exportFields,
  fieldRowLabel,
  recordValue,
  VALUE_WORDS,
  type ValueContext,
  valueIn,
  valueText,
} from '../fieldRows.ts';
import { reportText } from '../pdf/reportText.ts';
import { type AnnexBlock, annexPlain, type ContractAnnex } from './annexBlocks.ts';
import { type AnnexText, annexText } from './annexText.ts';

type Lang = 'da' | 'en';
type Context = ValueContext & { t: AnnexText };

/**
 * The contract annex of an exported version (issue 15), pure: parties and signatories (with the
 * name of the person who signed for each party), term and early stop, target group and intake,
 * the chosen intervention, each outcome's definition, data source and rate card, the payment
 * model (payer shares, cap, return cap, guarantee and guarantor), the evaluation design, and the
 * headline figures with the content hash. Labels and values come from the field registry and the
 * headline-figure registry; the DOCX and the PDF draw the same blocks.
 */
export function contractAnnex(exported: BuiltCaseExport, lang: Lang): ContractAnnex {
  const t = annexText(lang);
  const ctx: Context = { model: exported.model, lang, t };
  const blocks: AnnexBlock[] = [
    { kind: 'paragraph', text: t.intro },
    versionRows(exported, ctx),
    ...partiesSection(exported, ctx),
    ...termSection(ctx),
    ...targetGroupSection(ctx),
    ...interventionSection(ctx),
    ...outcomesSection(ctx),
    ...paymentSection(ctx),
    ...evaluationSection(ctx),
    ...figuresSection(exported, ctx),
  ];
  const title = annexPlain(exported.case.title).replace(/\s*\n\s*/g, ' ') || reportText(lang).untitled;
  return { title: t.title(title), lang, blocks };
}

function versionRows(exported: BuiltCaseExport, { t, lang }: Context): AnnexBlock {
  const { version } = exported;
  const source =
    version.source === 'current'
      ? t.version.current
      : t.version.snapshot(annexPlain(version.sourceName?.name ?? version.source));
  return {
    kind: 'fields',
    rows: [
      { label: t.version.hash, value: version.contentHash },
      { label: t.version.state, value: version.agreed ? t.version.agreed : t.version.notAgreed },
      { label: t.version.source, value: source },
      { label: t.version.exportedAt, value: reportText(lang).dateTime(exported.exportedAt) },
    ],
  };
}

function partiesSection(exported: BuiltCaseExport, ctx: Context): AnnexBlock[] {
  const { t, model, lang } = ctx;
  const p = t.parties;
  const blocks: AnnexBlock[] = [heading(t.sections.parties, 1)];
  blocks.push(
    ...fieldBlocks(
      [field('facts.municipality'), ...fieldsOf('facts.partners'), field('evaluation.contractParties')],
      ctx,
      (f) => (f.container === 'facts.partners' ? valueIn(model.facts.partners, f) : recordValue(model, f)),
    ),
  );
  const signatoryFields = fieldsOf('signatory');
  if (model.evaluation.signatories.length > 0) {
    blocks.push(heading(p.signatories, 3), {
      kind: 'table',
      columns: signatoryFields.map((f) => ({ header: fieldRowLabel(f, lang), width: 1 })),
      rows: model.evaluation.signatories.map((s) => signatoryFields.map((f) => textOf(f, valueIn(s, f), ctx))),
    });
  }
  blocks.push(heading(p.signoffs, 3));
  // The case's own sign-offs; those an import brought along are history of another case.
  const own = exported.signoffs.filter((s) => !s.imported);
  if (own.length === 0) blocks.push({ kind: 'paragraph', text: p.noSignoffs });
  else {
    const when = reportText(lang).dateTime;
    blocks.push({
      kind: 'table',
      columns: [
        { header: p.party, width: 2 },
        { header: p.signer, width: 2 },
        { header: p.when, width: 1.6 },
        { header: p.status, width: 1.6 },
      ],
      rows: own.map((s) => [
        oneLine(s.partyName) || '–',
        signerNames(s).map(oneLine).filter(Boolean).join(', ') || p.noName,
        when(s.at),
        s.hash === exported.version.contentHash ? p.thisVersion : p.otherVersion(oneLine(s.hash).slice(0, 8)),
      ]),
    });
  }
  return blocks;
}

function termSection(ctx: Context): AnnexBlock[] {
  const { model } = ctx;
  const fields = [field('evaluation.contractYears'), field('facts.startYear'), field('evaluation.earlyStop')];
  return [heading(ctx.t.sections.term, 1), ...fieldBlocks(fields, ctx, (f) => recordValue(model, f))];
}

function targetGroupSection(ctx: Context): AnnexBlock[] {
  const fields = exportFields({ pdf: 'case' }, ['targetGroup']);
  return [heading(ctx.t.sections.targetGroup, 1), ...fieldBlocks(fields, ctx, (f) => recordValue(ctx.model, f))];
}

function interventionSection(ctx: Context): AnnexBlock[] {
  const { model, t } = ctx;
  const blocks: AnnexBlock[] = [heading(t.sections.intervention, 1)];
  const chosen = model.interventions.candidates.find((c) => c.id === model.interventions.chosenId);
  if (!chosen) return [...blocks, { kind: 'paragraph', text: t.intervention.noneChosen }];
  blocks.push(heading(oneLine(chosen.name) || '–', 2));
  // The candidate's expected rates are the outcomes' (P19): the outcome section names them.
  const fields = exportFields({ pdf: 'case' }, ['intervention']).filter(
    (f) => f.key !== 'name' && f.kind !== 'numberRecord',
  );
  blocks.push(...fieldBlocks(fields, ctx, (f) => valueIn(chosen, f)));
  const rationale = exportFields({ pdf: 'case' }, ['interventions']).filter((f) => f.kind === 'richText');
  blocks.push(...fieldBlocks(rationale, ctx, (f) => recordValue(model, f)));
  return blocks;
}

/** Each outcome: what counts (definition, direction, data source, method), then its rate card. */
function outcomesSection(ctx: Context): AnnexBlock[] {
  const { model, t, lang } = ctx;
  const o = t.outcomes;
  const blocks: AnnexBlock[] = [heading(t.sections.outcomes, 1)];
  if (model.outcomes.length === 0) return [...blocks, { kind: 'paragraph', text: o.none }];
  const fields = fieldsOf('outcome').filter((f) => f.kind === 'shortText' || f.kind === 'choice');
  const definitions = fields.filter((f) => f.key !== 'name');
  for (const outcome of model.outcomes) {
    blocks.push(heading(oneLine(outcome.name) || '–', 2));
    blocks.push(...fieldBlocks(definitions, ctx, (f) => valueIn(outcome, f)));
    blocks.push(heading(o.rateCard, 3));
    const points = [...outcome.points].sort(byMonths);
    if (points.length === 0) {
      blocks.push({ kind: 'paragraph', text: o.noPoints });
      continue;
    }
    blocks.push({
      kind: 'table',
      columns: [
        { header: o.months, width: 1.2, align: 'right' },
        { header: o.year, width: 0.7, align: 'right' },
        { header: o.price, width: 1.5, align: 'right' },
        { header: o.basis, width: 2.6 },
      ],
      rows: points.map((point) => rateCardRow(point, lang)),
    });
  }
  return blocks;
}

function rateCardRow(point: MeasurementPointDraft, lang: Lang): string[] {
  const none = VALUE_WORDS[lang].none;
  return [
    point.months === undefined ? none : figureFormat.count(point.months),
    point.months === undefined ? none : String(Math.floor(point.months / 12) + 1),
    point.price === undefined ? none : figureFormat.money(point.price),
    point.basis === undefined ? none : PAYMENT_BASIS_NAMES[point.basis][lang],
  ];
}

/** Payer shares per department (with their total), then the cap, return cap, guarantee and guarantor. */
function paymentSection(ctx: Context): AnnexBlock[] {
  const { model, t, lang } = ctx;
  const pay = t.payment;
  const shares = model.paymentModel.payerShares;
  const blocks: AnnexBlock[] = [heading(t.sections.payment, 1), heading(pay.payerShares, 3)];
  const known = new Set(model.facts.departments.map((d) => d.id));
  const unknown = Object.keys(shares).filter((id) => !known.has(id));
  if (model.facts.departments.length === 0 && unknown.length === 0)
    blocks.push({ kind: 'paragraph', text: pay.noPayers });
  else {
    const share = (id: string) => (Object.hasOwn(shares, id) ? figureFormat.percent(shares[id] as number) : '–');
    const total = Object.values(shares).reduce((sum, value) => sum + value, 0);
    const level = field('department.level');
    blocks.push({
      kind: 'table',
      columns: [
        { header: pay.department, width: 3 },
        { header: fieldRowLabel(level, lang), width: 1.6 },
        { header: pay.share, width: 1, align: 'right' },
      ],
      rows: [
        ...model.facts.departments.map((d) => [oneLine(d.name) || d.id, textOf(level, d.level, ctx), share(d.id)]),
        ...unknown.map((id) => [oneLine(id), '–', share(id)]),
        [pay.total, '', figureFormat.percent(total)],
      ],
      totalRow: true,
    });
  }
  blocks.push(heading(pay.limits, 3));
  const limits = exportFields({ pdf: 'paymentModel' }, ['paymentModel']).filter((f) => f.kind !== 'numberRecord');
  blocks.push(...fieldBlocks(limits, ctx, (f) => recordValue(model, f)));
  const guarantor = ['facts.partners.guarantor', 'facts.partners.guarantorLevel'].map(field);
  blocks.push(...fieldBlocks(guarantor, ctx, (f) => valueIn(model.facts.partners, f)));
  return blocks;
}

/** The evaluation design (the contract terms stand in sections 1 and 2). */
function evaluationSection(ctx: Context): AnnexBlock[] {
  const contract = new Set(['contractYears', 'contractParties', 'earlyStop']);
  const fields = exportFields({ pdf: 'evaluation' }, ['evaluation']).filter((f) => !contract.has(f.key));
  return [heading(ctx.t.sections.evaluation, 1), ...fieldBlocks(fields, ctx, (f) => recordValue(ctx.model, f))];
}

/** The panel's headline figures (shared's registry) and the version's content hash. */
function figuresSection(exported: BuiltCaseExport, ctx: Context): AnnexBlock[] {
  const { t, lang, model } = ctx;
  const blocks: AnnexBlock[] = [heading(t.sections.figures, 1)];
  const { pricing } = exported;
  if (pricing.ok) {
    const cards = headlineCards(pricing.pricing, pricing.risk.monteCarlo, { lang, startYear: model.facts.startYear });
    blocks.push({
      kind: 'table',
      columns: [
        { header: t.figures.figure, width: 2.4 },
        { header: t.figures.value, width: 1.4, align: 'right' },
        { header: t.figures.note, width: 2.4 },
      ],
      rows: cards.map((card) => [card.name, card.value, card.note ?? '']),
    });
  } else {
    const report = reportText(lang);
    blocks.push({ kind: 'paragraph', text: `${report.cover.notPriceable} ${report.reasons[pricing.reason]}` });
  }
  blocks.push({ kind: 'fields', rows: [{ label: t.version.hash, value: exported.version.contentHash }] });
  return blocks;
}

/**
 * Registered fields as annex blocks, in the order given: runs of short values as label–value
 * rows, prose under its label (one paragraph per line), yearly intake as a table; fields the
 * registry hides beside a sibling's value are left out, as in the form.
 */
function fieldBlocks(
  fields: readonly RegisteredField[],
  ctx: Context,
  read: (f: RegisteredField) => unknown,
): AnnexBlock[] {
  const blocks: AnnexBlock[] = [];
  let rows: { label: string; value: string }[] = [];
  const flush = () => {
    if (rows.length > 0) blocks.push({ kind: 'fields', rows });
    rows = [];
  };
  const byKey = new Map<string, RegisteredField>(fields.map((f) => [f.labelKey, f]));
  for (const f of fields) {
    const sibling = (key: string) => {
      const other = byKey.get(`${f.container}.${key}`);
      return other ? read(other) : undefined;
    };
    if (fieldHidden(f, sibling)) continue;
    const label = fieldRowLabel(f, ctx.lang);
    const value = read(f);
    if (f.kind === 'richText') {
      flush();
      blocks.push(heading(label, 3));
      const text = value === undefined ? '' : annexPlain(richTextToPlain(value as RichText));
      const lines = text.split('\n').filter((line) => line.trim() !== '');
      if (lines.length === 0) blocks.push({ kind: 'paragraph', text: ctx.t.empty, note: true });
      for (const line of lines) blocks.push({ kind: 'paragraph', text: line });
    } else if (f.kind === 'cohorts') {
      flush();
      blocks.push(heading(label, 3), cohortTable(value, ctx));
    } else {
      rows.push({ label, value: textOf(f, value, ctx) });
    }
  }
  flush();
  return blocks;
}

function cohortTable(value: unknown, ctx: Context): AnnexBlock {
  const report = reportText(ctx.lang);
  const start = ctx.model.facts.startYear;
  const cohorts = (value ?? []) as { year: number; participants: number }[];
  return {
    kind: 'table',
    columns: [
      { header: report.targetGroup.year, width: 1 },
      { header: report.targetGroup.participants, width: 1, align: 'right' },
    ],
    rows: cohorts.map((c) => [
      start === undefined ? report.yearOffset(c.year + 1) : String(start + c.year),
      figureFormat.count(c.participants),
    ]),
  };
}

/** A field's value as annex text ("–" when empty). */
function textOf(f: RegisteredField, value: unknown, ctx: Context): string {
  return annexPlain(valueText(f, value, ctx)) || VALUE_WORDS[ctx.lang].none;
}

/** The registered field with this label key; a missing one is a programming error. */
function field(labelKey: string): RegisteredField {
  const found = fieldSpec(labelKey);
  if (!found) throw new Error(`contractAnnex: no field ${labelKey} in the registry`);
  return found;
}

function heading(text: string, level: 1 | 2 | 3): AnnexBlock {
  return { kind: 'heading', level, text };
}

function oneLine(value: string | undefined): string {
  return annexPlain(value)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}
