import {
  formatDanish,
  type LibraryEntry,
  type LinkStatus,
  outcomeLinkStatuses,
  parseDanishNumber,
  readLibraryLinks,
  sectionMap,
  takeLibraryValue,
  takenValue,
} from '@caseroom/shared';
import { useId, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useSession } from '../../caseState/sessionContext.ts';
import { useLanguage, useMessages } from '../../i18n/messages.ts';
import { useYSelect } from '../../ydoc/useY.ts';
import { useCanEdit } from '../access/useAccess.ts';
import { useDepartments } from '../sections/useSection.ts';
import { useCaseLibrary } from './caseLibrary.ts';

type Props = { item: Y.Map<unknown>; outcomeId: string };

/**
 * Issue 15 (docs/library.md): an outcome's values per department from the organisation's library —
 * where each linked value came from, "the library's value has changed since" with old → new and
 * the difference and a one-click update, and a form to take a value (with the price-year warning
 * and an optional index factor with its source). Each take or update is one change (one undo step).
 */
export function LibraryValues({ item, outcomeId }: Props) {
  const m = useMessages();
  const t = m.library;
  const library = useCaseLibrary();
  const lang = useLanguage();
  const session = useSession();
  const editable = useCanEdit();
  const departments = useDepartments();
  const linksJson = useYSelect(item, () => JSON.stringify(readLibraryLinks(item) ?? {}));
  const entries = library.kind === 'loaded' ? library.entries : [];
  const linked = library.kind === 'loaded' ? library.linked : [];
  const statuses = useMemo(
    () => outcomeLinkStatuses(outcomeId, JSON.parse(linksJson), entries, linked),
    [outcomeId, linksJson, entries, linked],
  );
  const departmentName = (id: string) => {
    const index = departments.findIndex((d) => d.id === id);
    return departments[index]?.name || t.unnamedDepartment(index + 1);
  };
  const money = (value: number) => formatDanish(value, 'money');
  const signed = (value: number) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${money(Math.abs(value))}`;

  return (
    // Not a region: every outcome has these, and a landmark per outcome would repeat one name
    // (axe: landmark-unique). Its lines and its summary say what they are.
    <div className="library-values">
      {statuses.map((status) => (
        <LinkLine
          key={status.departmentId}
          status={status}
          department={departmentName(status.departmentId)}
          money={money}
          signed={signed}
          onUpdate={
            editable && status.current
              ? () => {
                  const current = status.current as LibraryEntry;
                  session.writeStep(() => takeLibraryValue(item, status.departmentId, current, lang));
                }
              : undefined
          }
        />
      ))}
      {editable && (
        <details className="library-take">
          <summary>{t.heading}</summary>
          <p className="help">{t.intro}</p>
          {library.kind === 'loading' && <p role="status">{t.loading}</p>}
          {library.kind === 'failed' && (
            <p className="error" role="alert">
              {t.failed}{' '}
              <button type="button" onClick={library.reload}>
                {t.retry}
              </button>
            </p>
          )}
          {library.kind === 'loaded' &&
            (entries.length === 0 ? (
              <p className="empty">{t.empty}</p>
            ) : (
              <TakeForm item={item} entries={entries} departments={departments} departmentName={departmentName} />
            ))}
        </details>
      )}
    </div>
  );
}

function LinkLine({
  status,
  department,
  money,
  signed,
  onUpdate,
}: {
  status: LinkStatus;
  department: string;
  money: (value: number) => string;
  signed: (value: number) => string;
  onUpdate: (() => void) | undefined;
}) {
  const t = useMessages().library;
  if (status.state === 'missing') return <p className="library-link">{t.missing}</p>;
  if (status.state === 'current') {
    const entry = status.linked ?? status.current;
    return entry ? <p className="library-link">{`${department}: ${t.linkedFrom(entry.name, entry.version)}`}</p> : null;
  }
  const from = status.linked?.valuePerYear;
  const to = status.current?.valuePerYear ?? 0;
  return (
    <div className="library-outdated notice warning" role="status">
      <strong>{t.outdated}</strong>{' '}
      <span>{t.outdatedDetail(department, money(from ?? 0), money(to), signed(to - (from ?? 0)))}</span>
      {onUpdate && (
        <button type="button" onClick={onUpdate}>
          {t.update}
        </button>
      )}
    </div>
  );
}

function TakeForm({
  item,
  entries,
  departments,
  departmentName,
}: {
  item: Y.Map<unknown>;
  entries: LibraryEntry[];
  departments: { id: string; name: string }[];
  departmentName: (id: string) => string;
}) {
  const t = useMessages().library;
  const lang = useLanguage();
  const session = useSession();
  const ids = { department: useId(), entry: useId(), factor: useId(), factorSource: useId() };
  const [departmentId, setDepartmentId] = useState(departments[0]?.id ?? '');
  const [entryId, setEntryId] = useState('');
  const [factorText, setFactorText] = useState('');
  const [factorSource, setFactorSource] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | undefined>();
  const caseYear = useYSelect(sectionMap(session.doc, 'facts'), () => {
    const value = sectionMap(session.doc, 'facts')?.get('priceYear');
    return typeof value === 'number' ? value : undefined;
  });
  const entry = entries.find((e) => e.id === entryId);
  const mismatch = entry !== undefined && caseYear !== undefined && entry.priceYear !== caseYear;
  const department = departments.some((d) => d.id === departmentId) ? departmentId : (departments[0]?.id ?? '');

  const take = () => {
    if (!entry || !department) return;
    let conversion: { factor: number; source: string; toYear: number } | undefined;
    if (mismatch && factorText.trim() !== '') {
      const parsed = parseDanishNumber(factorText, 'decimal');
      if (!parsed.ok || parsed.value === undefined || parsed.value <= 0 || parsed.value > 100) {
        setMessage({ kind: 'error', text: t.factorInvalid });
        return;
      }
      if (factorSource.trim() === '') {
        setMessage({ kind: 'error', text: t.factorNeedsSource });
        return;
      }
      conversion = { factor: parsed.value, source: factorSource.trim(), toYear: caseYear as number };
    }
    session.writeStep(() => takeLibraryValue(item, department, entry, lang, conversion));
    setMessage({
      kind: 'done',
      text: t.taken(formatDanish(takenValue(entry, conversion?.factor), 'money'), departmentName(department)),
    });
  };

  return (
    <div className="library-form form-grid two">
      <div className="field">
        <label htmlFor={ids.department}>{t.department}</label>
        <select id={ids.department} value={department} onChange={(event) => setDepartmentId(event.target.value)}>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {departmentName(d.id)}
            </option>
          ))}
        </select>
      </div>
      <div className="field library-entry">
        <label htmlFor={ids.entry}>{t.entry}</label>
        <select
          id={ids.entry}
          value={entryId}
          onChange={(event) => {
            setEntryId(event.target.value);
            setMessage(undefined);
          }}
        >
          <option value="">{t.chooseEntry}</option>
          {entries.map((e) => (
            <option key={e.id} value={e.id}>
              {t.entryOption(e.name, formatDanish(e.valuePerYear, 'money'), e.unit, e.priceYear)}
            </option>
          ))}
        </select>
        {/* A select cuts its text at its width (a 1024 px projector): the chosen value in full, wrapped. */}
        {entry && (
          <p className="library-chosen" aria-hidden="true">
            {t.entryOption(entry.name, formatDanish(entry.valuePerYear, 'money'), entry.unit, entry.priceYear)}
          </p>
        )}
      </div>
      {mismatch && entry && caseYear !== undefined && (
        <>
          <p className="warning" role="note">
            {t.priceYearMismatch(entry.priceYear, caseYear)}
          </p>
          <div className="field">
            <label htmlFor={ids.factor}>{t.factor}</label>
            <input
              id={ids.factor}
              type="text"
              inputMode="decimal"
              value={factorText}
              onChange={(event) => setFactorText(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.factorSource}>{t.factorSource}</label>
            <input
              id={ids.factorSource}
              type="text"
              maxLength={300}
              value={factorSource}
              onChange={(event) => setFactorSource(event.target.value)}
            />
          </div>
        </>
      )}
      <div className="actions">
        <button type="button" disabled={!entry || !department} onClick={take}>
          {t.take}
        </button>
      </div>
      {message && (
        <p
          className={message.kind === 'error' ? 'error' : 'copy-status'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
