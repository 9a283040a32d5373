import {
  DEPARTMENT_LEVEL_NAMES,
  DEPARTMENT_LEVELS,
  type DepartmentLevel,
  formatDanish,
  LIBRARY_BOUNDS,
  type LibraryEntry,
  type LibraryEntryFields,
} from '@caseroom/shared';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { ApiResult } from '../../api/request.ts';
import { ModalDialog } from '../../app/ModalDialog.tsx';
import { type Messages, useLanguage, useMessages } from '../../i18n/messages.ts';
import {
  blankDraft,
  draftOf,
  type EntryDraft,
  type EntryField,
  type EntryFieldError,
  type EntryFieldErrors,
  entryBody,
  fieldOfServerMessage,
} from './entryForm.ts';

/** What saving answered, for the form to explain: saved, refused by the server, or changed by someone else meanwhile. */
export type SaveOutcome =
  | { kind: 'saved'; entry: LibraryEntry }
  | { kind: 'failed'; result: Exclude<ApiResult<unknown>, { ok: true }> }
  | { kind: 'changedMeanwhile'; latest: LibraryEntry };

type Props = {
  /** The entry to change (its current version), or undefined for a new one. */
  entry: LibraryEntry | undefined;
  /** Sends the body; `baseVersion` is the version the person saw when they opened the form. */
  onSave: (body: LibraryEntryFields, baseVersion: number | undefined) => Promise<SaveOutcome>;
  onClose: () => void;
  /** Words for a failed request (the page's: links gone, unreachable, the server's code). */
  failureText: (failure: Exclude<ApiResult<unknown>, { ok: true }>, fallback: string) => string;
};

/** Which number kind each field is read as, shown with its unit; the rest are text. */
const NUMBER_FIELDS: Partial<Record<EntryField, true>> = { valuePerYear: true, priceYear: true };

/** The text of one field's refusal, with the bound it broke in Danish format. */
export function fieldErrorText(m: Messages, field: EntryField, error: EntryFieldError): string {
  const e = m.libraryAdmin.errors;
  switch (error) {
    case 'notANumber':
    case 'notWhole':
    case 'negative':
    case 'tooLarge':
    case 'percentRange':
      return m.numberErrors[error];
    case 'tooLong': {
      const max = {
        name: LIBRARY_BOUNDS.nameChars,
        unit: LIBRARY_BOUNDS.unitChars,
        sourceLink: LIBRARY_BOUNDS.sourceLinkChars,
      }[field as string];
      return e.tooLong(formatDanish(max ?? LIBRARY_BOUNDS.sourceTextChars, 'count'));
    }
    case 'valueTooLarge':
      return e.valueTooLarge(formatDanish(LIBRARY_BOUNDS.maxValue, 'money'));
    case 'yearRange':
      return e.yearRange(LIBRARY_BOUNDS.minPriceYear, LIBRARY_BOUNDS.maxPriceYear);
    default:
      return e[error];
  }
}

/**
 * The form that adds an entry or saves a change as its next version (issue 15): every field with
 * its label, help and unit; Danish numbers and dates; the same checks as the server before
 * sending; a refusal from the server shown at the field it names and at the top of the form; a
 * change someone else saved meanwhile explained. Closes once saved (the page confirms).
 */
export function EntryFormDialog({ entry, onSave, onClose, failureText }: Props) {
  const m = useMessages();
  const t = m.libraryAdmin;
  const lang = useLanguage();
  const [draft, setDraft] = useState<EntryDraft>(() => (entry ? draftOf(entry) : blankDraft()));
  const [baseVersion, setBaseVersion] = useState(entry?.version);
  const [errors, setErrors] = useState<EntryFieldErrors>({});
  const [serverError, setServerError] = useState<{ field?: EntryField; text: string } | undefined>();
  const [saving, setSaving] = useState(false);
  const id = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // The dialog moves focus to its first control as it opens; the person starts at the name.
  useEffect(() => {
    const frame = requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[name="name"]')?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);

  const set = (field: EntryField, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _, ...rest }) => rest);
  };

  const focusFirstProblem = (field: EntryField | undefined) => {
    // After React has drawn the messages: the first refused field, else the summary.
    requestAnimationFrame(() => {
      const input = field ? formRef.current?.querySelector<HTMLElement>(`[name="${field}"]`) : undefined;
      (input ?? summaryRef.current)?.focus();
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setServerError(undefined);
    const checked = entryBody(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstProblem(Object.keys(checked.errors)[0] as EntryField);
      return;
    }
    setErrors({});
    setSaving(true);
    const outcome = await onSave(checked.body, baseVersion);
    setSaving(false);
    if (outcome.kind === 'saved') return;
    if (outcome.kind === 'changedMeanwhile') {
      const { latest } = outcome;
      setBaseVersion(latest.version);
      setServerError({
        text: t.changedMeanwhile(latest.changedBy, latest.version, formatDanish(latest.valuePerYear, 'money')),
      });
      focusFirstProblem(undefined);
      return;
    }
    const { result } = outcome;
    const field = result.status === 400 ? fieldOfServerMessage(result.message) : undefined;
    const text =
      result.status === 400
        ? `${field ? t.refusedField(t.fields[field].label) : t.refused} ${result.message ?? m.apiErrors.badRequest}`
        : result.code === 'libraryConflict'
          ? t.conflict
          : result.code === 'libraryEntryNotFound'
            ? t.notFound
            : failureText(result, t.saveFailed);
    setServerError(field ? { field, text } : { text });
    focusFirstProblem(undefined);
  };

  const errorCount = Object.keys(errors).length;
  const fieldError = (field: EntryField) =>
    errors[field]
      ? fieldErrorText(m, field, errors[field])
      : serverError?.field === field
        ? serverError.text
        : undefined;

  const renderField = (field: Exclude<EntryField, 'level'>, options: { optional?: boolean; wide?: boolean } = {}) => {
    const spec = t.fields[field];
    const inputId = `${id}-${field}`;
    const error = fieldError(field);
    const unit = NUMBER_FIELDS[field] && 'unit' in spec ? spec.unit : undefined;
    const describedBy = [unit && `${inputId}-unit`, `${inputId}-help`, error && `${inputId}-error`]
      .filter(Boolean)
      .join(' ');
    const input = (
      <input
        id={inputId}
        name={field}
        type="text"
        inputMode={
          field === 'sourceLink'
            ? 'url'
            : NUMBER_FIELDS[field]
              ? field === 'priceYear'
                ? 'numeric'
                : 'decimal'
              : undefined
        }
        autoComplete="off"
        value={draft[field]}
        aria-required={options.optional ? undefined : true}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => set(field, event.target.value)}
      />
    );
    return (
      <div className={`field${options.wide ? ' wide' : ''}`} key={field}>
        <label htmlFor={inputId}>
          {spec.label}
          {options.optional && <span className="optional"> {t.form.optional}</span>}
        </label>
        {unit ? (
          <div className="input-with-unit">
            {input}
            <span className="unit" id={`${inputId}-unit`}>
              {unit}
            </span>
          </div>
        ) : (
          input
        )}
        <div className="field-notes">
          {error && (
            <p className="error" id={`${inputId}-error`}>
              {error}
            </p>
          )}
          <p className="help" id={`${inputId}-help`}>
            {spec.help}
          </p>
        </div>
      </div>
    );
  };

  const levelId = `${id}-level`;
  return (
    <ModalDialog
      title={entry ? t.form.editHeading(entry.name) : t.form.addHeading}
      subtitle={entry && <p className="lead">{t.form.editIntro(baseVersion ?? entry.version)}</p>}
      closeLabel={t.form.cancel}
      className="library-entry-dialog"
      onClose={onClose}
    >
      <form ref={formRef} noValidate onSubmit={(event) => void submit(event)} aria-busy={saving}>
        <div ref={summaryRef} tabIndex={-1} className="library-form-summary">
          {serverError && (
            <div className="error-box" role="alert">
              <p>{serverError.text}</p>
            </div>
          )}
          {errorCount > 0 && (
            <p className="error" role="alert">
              {t.form.hasErrors(errorCount)}
            </p>
          )}
        </div>
        {/* Three columns, four rows: what the value is, the value, its source, its link and validity. */}
        <div className="form-grid three">
          {renderField('name', { wide: true })}
          <div className="field">
            <label htmlFor={levelId}>{t.fields.level.label}</label>
            <select
              id={levelId}
              name="level"
              value={draft.level}
              aria-describedby={`${levelId}-help`}
              onChange={(event) => set('level', event.target.value as DepartmentLevel)}
            >
              {DEPARTMENT_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {DEPARTMENT_LEVEL_NAMES[level][lang]}
                </option>
              ))}
            </select>
            <div className="field-notes">
              <p className="help" id={`${levelId}-help`}>
                {t.fields.level.help}
              </p>
            </div>
          </div>
          {renderField('valuePerYear')}
          {renderField('unit')}
          {renderField('priceYear')}
          {renderField('sourceText', { wide: true })}
          {renderField('sourceDate')}
          {renderField('sourceLink', { optional: true, wide: true })}
          {renderField('validFrom')}
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t.form.saving : entry ? t.form.saveVersion : t.form.save}
          </button>
          <button type="button" onClick={onClose}>
            {t.form.cancel}
          </button>
          <span className="visually-hidden" role="status">
            {saving ? t.form.saving : ''}
          </span>
        </div>
      </form>
    </ModalDialog>
  );
}
