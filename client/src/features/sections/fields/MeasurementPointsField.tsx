import {
  addMeasurementPoint,
  formatForInput,
  MAX_MEASUREMENT_MONTHS,
  MAX_MEASUREMENT_POINTS,
  type NumberError,
  PAYMENT_BASES,
  PAYMENT_BASIS_NAMES,
  parseDanishNumber,
  readMeasurementPoints,
  removeMeasurementPoint,
  setField,
} from '@caseroom/shared';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import * as Y from 'yjs';
import { useSession } from '../../../caseState/sessionContext.ts';
import { useLanguage, useMessages } from '../../../i18n/messages.ts';
import { useYNumber, useYSelect } from '../../../ydoc/useY.ts';
import { useCanEdit } from '../../access/useAccess.ts';
import { TableScroll } from '../../businessCase/TableScroll.tsx';
import { useSection } from '../useSection.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { useListItemHeading } from './listItemContext.ts';
import { NumberField } from './NumberField.tsx';
import { SourceNote } from './SourceNote.tsx';
import './measurementPoints.css';

type Props = {
  /** The outcome's rate card: point id → map of `months`, `price`, `basis` (ydoc/measurementPoints.ts). */
  points: Y.Map<unknown> | undefined;
  /** The outcome's source notes; the rate card's note is kept under `sourceKey`. */
  sources: Y.Map<unknown> | undefined;
  sourceKey: string;
  label: string;
  help?: string | undefined;
  /** The field's finding path; a point's inputs are `<path>/<point id>/months|price|basis`. */
  path: string;
};

/**
 * P7: an outcome's rate card as a compact table — one row per measurement point in months
 * order (months after intake with the year it falls in, the price per outcome, the basis), a
 * remove button per row and an add button that stops at twelve points. Each value is its own
 * entry of the point's map, so two people editing one point keep both edits. An observer (or
 * anyone in a locked section) sees the table read-only, without add and remove. Where the
 * column is too narrow for three columns each point is a block (measurementPoints.css).
 */
export function MeasurementPointsField({ points, sources, sourceKey, label, help, path }: Props) {
  const m = useMessages();
  const t = m.measurementPoints;
  const session = useSession();
  const editable = useCanEdit();
  const ids = usePointIds(points);
  const horizon = useYNumber(useSection('facts').map, 'horizonYears');
  const id = useId();
  // Every outcome has a rate card: its scroll region is named with the outcome's heading.
  const owner = useListItemHeading();
  const regionLabel = owner ? t.regionLabel(label, owner) : label;
  // Where focus goes after the table changed: the new row's months, or "add" after a removal.
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    const element = document.getElementById(target);
    if (element instanceof HTMLButtonElement && element.disabled) return;
    element?.focus();
  });

  const full = ids.length >= MAX_MEASUREMENT_POINTS;
  const addId = `${id}-add`;
  const add = () => {
    if (!points || full) return;
    const pointId = crypto.randomUUID();
    pendingFocus.current = monthsInputId(id, pointId);
    session.writeStep(() => addMeasurementPoint(points, pointId));
  };
  const remove = (pointId: string) => {
    if (!points) return;
    pendingFocus.current = addId;
    session.writeStep(() => removeMeasurementPoint(points, pointId));
  };

  return (
    <fieldset className="group measurement-points" data-path={path}>
      <legend className="label">{label}</legend>
      {help && <p className="help">{help}</p>}
      {ids.length === 0 ? (
        <p className="empty">{t.none}</p>
      ) : (
        <TableScroll label={regionLabel}>
          <table className="data-table measurement-points-table">
            <thead>
              <tr>
                <th scope="col">{t.monthsColumn}</th>
                <th scope="col">{t.priceColumn}</th>
                <th scope="col">{t.basisColumn}</th>
              </tr>
            </thead>
            <tbody>
              {ids.map((pointId, index) => {
                const point = points?.get(pointId);
                if (!(point instanceof Y.Map)) return null;
                return (
                  <PointRow
                    key={pointId}
                    point={point}
                    row={index + 1}
                    path={`${path}/${pointId}`}
                    monthsId={monthsInputId(id, pointId)}
                    horizon={horizon}
                    editable={editable}
                    onRemove={() => remove(pointId)}
                  />
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {editable && points && (
        <div className="measurement-points-add">
          <button
            type="button"
            className="add"
            id={addId}
            disabled={full}
            aria-describedby={full ? `${id}-full` : undefined}
            onClick={add}
          >
            <span aria-hidden="true">+</span> {t.add}
          </button>
          {full && (
            <p className="help" id={`${id}-full`}>
              {t.full(MAX_MEASUREMENT_POINTS)}
            </p>
          )}
        </div>
      )}
      {sources && <SourceNote sources={sources} field={sourceKey} fieldLabel={label} />}
    </fieldset>
  );
}

/** The points' ids in reading order (by months, missing last); a new array only when it changes. */
function usePointIds(points: Y.Map<unknown> | undefined): string[] {
  const joined = useYSelect(points, () =>
    readMeasurementPoints(points)
      .map((point) => point.id)
      .join('\n'),
  );
  return joined === '' ? [] : joined.split('\n');
}

function monthsInputId(fieldId: string, pointId: string): string {
  return `${fieldId}-${pointId}-months`;
}

type RowProps = {
  point: Y.Map<unknown>;
  /** The row's position, naming a point whose months are not entered yet. */
  row: number;
  /** The point's finding path (`<field path>/<point id>`). */
  path: string;
  monthsId: string;
  /** The case's horizon in years, when entered: a point past it is not paid (P7, P20). */
  horizon: number | undefined;
  editable: boolean;
  onRemove: () => void;
};

/** One measurement point: months (with its year after intake), price, basis with its remove button. */
function PointRow({ point, row, path, monthsId, horizon, editable, onRemove }: RowProps) {
  const m = useMessages();
  const lang = useLanguage();
  const t = m.measurementPoints;
  const months = useYNumber(point, 'months');
  const name = t.pointName(months, row);
  return (
    <tr data-path={path}>
      <td data-label={t.monthsColumn}>
        <MonthsInput point={point} id={monthsId} path={`${path}/months`} label={t.monthsLabel(row)} horizon={horizon} />
      </td>
      <td data-label={t.priceColumn}>
        <NumberField map={point} field="price" kind="money" compact path={`${path}/price`} label={t.priceLabel(name)} />
      </td>
      <td className="point-basis" data-label={t.basisColumn}>
        <ChoiceField
          map={point}
          field="basis"
          as="select"
          path={`${path}/basis`}
          label={t.basisLabel(name)}
          options={PAYMENT_BASES.map((value) => ({ value, label: PAYMENT_BASIS_NAMES[value][lang] }))}
        />
        {/* In the basis cell, so the rate card fits the editor column at 1280×800 (issue 13). */}
        {editable && (
          <button type="button" className="danger point-remove" aria-label={t.remove(name)} onClick={onRemove}>
            {t.removeShort}
          </button>
        )}
      </td>
    </tr>
  );
}

/**
 * A typed number of months: whole, not negative, at most MAX_MEASUREMENT_MONTHS (so the form
 * never writes a point the model refuses); empty clears it.
 */
export function readMonths(
  input: string,
): { ok: true; value: number | undefined } | { ok: false; error: NumberError | 'tooManyMonths' } {
  const parsed = parseDanishNumber(input, 'count');
  if (parsed.ok && parsed.value !== undefined && parsed.value > MAX_MEASUREMENT_MONTHS) {
    return { ok: false, error: 'tooManyMonths' };
  }
  return parsed;
}

type MonthsProps = {
  point: Y.Map<unknown>;
  id: string;
  path: string;
  label: string;
  horizon: number | undefined;
};

/**
 * Whole months after intake, 0–600, with the year after intake it falls in ("= år 2") and,
 * for a point past the case's horizon, that even the first year's participants are not paid
 * for it within the horizon (P7: a point at or past H is not paid). Like
 * NumberField a local draft until Enter or leaving the field, but bounded: a point past 600
 * months is never written. Enter keeps focus on the input when its row moves to its new place.
 */
function MonthsInput({ point, id, path, label, horizon }: MonthsProps) {
  const m = useMessages();
  const t = m.measurementPoints;
  const session = useSession();
  const editable = useCanEdit();
  const value = useYNumber(point, 'months');
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const keepFocus = useRef(false);
  useEffect(() => {
    if (!keepFocus.current) return;
    keepFocus.current = false;
    if (document.activeElement !== input.current) input.current?.focus();
  });

  const commit = () => {
    if (draft === null) return;
    const parsed = readMonths(draft);
    if (!parsed.ok) {
      setError(
        parsed.error === 'tooManyMonths' ? t.tooManyMonths(MAX_MEASUREMENT_MONTHS) : m.numberErrors[parsed.error],
      );
      return;
    }
    setError(null);
    setDraft(null);
    session.writeStep(() => setField(point, 'months', parsed.value));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      keepFocus.current = true;
      commit();
    } else if (event.key === 'Escape' && draft !== null) {
      event.preventDefault();
      setDraft(null);
      setError(null);
    }
  };
  const year = value === undefined ? undefined : Math.floor(value / 12) + 1;
  const pastHorizon = year !== undefined && horizon !== undefined && year > horizon;
  const describedBy = [`${id}-unit`, year !== undefined && `${id}-year`, error && `${id}-error`]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="field months-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <div className="months-input">
        <div className="input-with-unit">
          <input
            ref={input}
            id={id}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={draft ?? formatForInput(value, 'count')}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            readOnly={!editable}
            data-dirty={draft !== null ? 'true' : undefined}
            data-path={path}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={commit}
            onKeyDown={onKeyDown}
          />
          <span className="unit" id={`${id}-unit`}>
            {t.monthsUnit}
          </span>
        </div>
        {year !== undefined && (
          <span className={`year-hint${pastHorizon ? ' past-horizon' : ''}`} id={`${id}-year`}>
            {t.yearHint(year)}
            {pastHorizon && <> – {t.pastHorizon(horizon)}</>}
          </span>
        )}
      </div>
      {error && (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
