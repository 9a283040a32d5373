import { type ActivityListing, SECTIONS, type SectionName } from '@caseroom/shared';
import { useEffect, useState } from 'react';
import { failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { useLocale, useMessages } from '../../../i18n/messages.ts';
import { useWorkshopCall } from '../useWorkshop.ts';
import { listActivity } from '../workshopApi.ts';

/**
 * Who changed what, when (W12), in the history: each party's stretches of changes per section,
 * newest first — "Jobcenter Holbæk · Resultatmål · 10.32–10.35 · 12 ændringer".
 */
export function ActivityList() {
  const m = useMessages();
  const t = m.workshop.history.activity;
  const locale = useLocale();
  const { caseId, token } = useWorkshopCall();
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<ActivityListing[] | ApiFailure | null>(null);
  // Read afresh each time the list is opened: it grows while the workshop runs.
  useEffect(() => {
    if (!open) return;
    let live = true;
    setEntries(null);
    void listActivity({ caseId, token }).then((result) => {
      if (live) setEntries(result.ok ? result.value : result);
    });
    return () => {
      live = false;
    };
  }, [open, caseId, token]);
  const time = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  const clock = (iso: string) => new Date(iso).toLocaleTimeString(locale, { timeStyle: 'short' });
  const section = (name: string) =>
    SECTIONS.includes(name as SectionName) ? m.sections[name as SectionName].title : name;
  return (
    <details className="activity" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t.heading}</summary>
      {entries === null && <p className="help">{t.loading}</p>}
      {entries && !Array.isArray(entries) && <p role="alert">{failureText(m, entries)}</p>}
      {Array.isArray(entries) && entries.length === 0 && <p className="help">{t.none}</p>}
      {Array.isArray(entries) && entries.length > 0 && (
        <ul className="activity-list">
          {entries.map((entry) => (
            <li key={`${entry.partyName}|${entry.section}|${entry.firstAt}`}>
              <strong>{entry.partyName || t.unknownParty}</strong> · {section(entry.section)} ·{' '}
              {entry.firstAt === entry.lastAt ? time(entry.lastAt) : `${time(entry.firstAt)}–${clock(entry.lastAt)}`} ·{' '}
              {t.edits(entry.edits)}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
