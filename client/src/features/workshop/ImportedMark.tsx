import { useLocale, useMessages } from '../../i18n/messages.ts';
import { useImportedHistory } from './importedHistory.ts';

/**
 * Beside the case title in the room: "Importeret kopi" when the case was made from an import
 * file (issue 13) — a copy, so nobody takes its sign-offs or decisions for this room's own.
 * Nothing for a case made here, or imported before the time was kept.
 */
export function ImportedMark() {
  const m = useMessages();
  const locale = useLocale();
  const { importedAt } = useImportedHistory();
  const at = importedAt === undefined ? undefined : new Date(importedAt);
  if (!at || Number.isNaN(at.getTime())) return null;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  return (
    <span className="imported-mark" data-imported-mark title={m.start.importedAt(when)}>
      {m.start.importedCopy}
      <span className="visually-hidden"> – {m.start.importedAt(when)}</span>
    </span>
  );
}
