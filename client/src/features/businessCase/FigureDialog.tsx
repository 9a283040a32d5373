import {
  EXPLANATION_COLUMN_LABELS,
  type ExplainedFigure,
  type Explanation,
  explainFigure,
  type FigureKey,
  figureLabel,
  formatDanish,
  headlineFigureTexts,
  type Language,
  ruleWithName,
} from '@caseroom/shared';
import { ModalDialog } from '../../app/ModalDialog.tsx';
import { useLanguage, useMessages } from '../../i18n/messages.ts';
import { useBusinessCase } from './businessCaseContext.tsx';
import { amount, calendarYear } from './format.ts';
import { TableScroll } from './TableScroll.tsx';

/** Columns that are not summed in the total row (factors and running totals). */
const NOT_SUMMED = new Set<string>(['discountFactor', 'authorityCumulativeDiscounted']);

/**
 * How a headline figure was built, in a modal dialog: the rules, the formula in the reader's
 * language, the inputs and the figure year by year. It follows the live case while open.
 */
export function FigureDialog({
  figure,
  value,
  onClose,
}: {
  figure: ExplainedFigure;
  /** The figure as the panel shows it. */
  value: string;
  onClose: () => void;
}) {
  const m = useMessages();
  const t = m.businessCase.explanation;
  const lang = useLanguage();
  const { model, result } = useBusinessCase();

  const explanation = result.priced.ok ? explainFigure(figure, result.priced.pricing, result.priced.input) : undefined;
  return (
    <ModalDialog
      title={figureLabel(figure, lang)}
      subtitle={
        <>
          <p className="dialog-value">{value}</p>
          <p className="help" data-explanation>
            {headlineFigureTexts(figure, lang).explanation}
          </p>
        </>
      }
      closeLabel={t.close}
      className="figure-dialog"
      onClose={onClose}
    >
      {explanation ? (
        <ExplanationBody explanation={explanation} lang={lang} startYear={model.facts.startYear} />
      ) : (
        <p>{m.businessCase.notPriceable}</p>
      )}
    </ModalDialog>
  );
}

function ExplanationBody({
  explanation,
  lang,
  startYear,
}: {
  explanation: Explanation;
  lang: Language;
  startYear: number | undefined;
}) {
  const m = useMessages();
  const t = m.businessCase.explanation;
  const columnLabel = ({ key, label }: Explanation['columns'][number]) =>
    label
      ? label[lang]
      : key in EXPLANATION_COLUMN_LABELS
        ? EXPLANATION_COLUMN_LABELS[key as keyof typeof EXPLANATION_COLUMN_LABELS][lang === 'da' ? 0 : 1]
        : figureLabel(key as FigureKey, lang);
  const cell = (value: number, kind: string) =>
    kind === 'money'
      ? amount(value)
      : kind === 'decimal'
        ? factorFormat.format(value)
        : kind === 'percent'
          ? formatDanish(value, 'percent')
          : String(value);
  const totals = explanation.columns.map((column, index) =>
    column.kind === 'money' && !NOT_SUMMED.has(column.key)
      ? explanation.rows.reduce((sum, row) => sum + (row.values[index] ?? 0), 0)
      : undefined,
  );
  return (
    <div className="explanation" data-figure={explanation.figure}>
      <p className="explanation-formula">
        <strong>{t.formula}: </strong>
        <span data-formula>{explanation.formula[lang]}</span>
      </p>
      {/* Rule codes never stand bare: each is named in words (shared pricing/ruleNames.ts). */}
      <p className="explanation-rules" data-rules>
        {t.rules}: {explanation.rules.map((code) => ruleWithName(code, lang)).join(', ')}
      </p>
      {explanation.inputs.length > 0 && (
        <>
          <h3>{t.inputs}</h3>
          <dl className="explanation-inputs">
            {explanation.inputs.map((input) => (
              <div key={input.label.en}>
                <dt>{input.label[lang]}</dt>
                <dd>{formatDanish(input.value, input.kind, { years: m.units.years })}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <h3>{t.perYear}</h3>
      <p className="help">{t.moneyNote}</p>
      <TableScroll label={t.perYear}>
        <table className="data-table explanation-table">
          <thead>
            <tr>
              <th scope="col">{t.year}</th>
              {explanation.columns.map((column) => (
                <th key={column.key} scope="col">
                  {columnLabel(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {explanation.rows.map((row) => (
              <tr key={row.year}>
                <th scope="row">{calendarYear(row.year, startYear, m.businessCase.yearOffset)}</th>
                {row.values.map((value, index) => (
                  <td key={explanation.columns[index]?.key}>{cell(value, explanation.columns[index]?.kind ?? '')}</td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t.total}</th>
              {totals.map((total, index) => (
                <td key={explanation.columns[index]?.key}>{total === undefined ? '' : amount(total)}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </TableScroll>
    </div>
  );
}

const factorFormat = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 4, maximumFractionDigits: 4 });
