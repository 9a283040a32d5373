import { describeChange } from '@caseroom/shared';
import { useMemo } from 'react';
import { useCaseStore } from '../../../caseState/caseStore.ts';
import { useMessages } from '../../../i18n/messages.ts';
import { useUiStore } from '../../../store.ts';
import { explainRefusal, isOutdated, keptTexts } from './refusedMessage.ts';

/** How many lost changes the notice lists at most. */
const MAX_LINES = 6;
/** A line is cut here: a refused change may be a text far over its bound. */
const MAX_LINE_CHARS = 240;

function shorten(line: string): string {
  return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1)}…` : line;
}

/**
 * The server refused one of this browser's changes (W2, bounds of issue 9), or the offline
 * copy's replay of older ones: why, what was not kept — the field and the bound, the sections and,
 * where it can be told, the changes themselves — until the person dismisses it. The changes are
 * the ones settled from the refusal when it arrived (caseState/refusalSnapshot.ts), never the
 * live case against it: what the person saves afterwards does not show up as lost. A change
 * written for an older Caseroom (`schemaOutdated`, issue 11) says "reload" with a button, and
 * shows the person's own texts whole in read-only boxes, to copy and paste in again.
 */
export function RefusedNotice() {
  const m = useMessages();
  const t = m.workshop.refused;
  const lang = useUiStore((state) => state.language);
  const notice = useCaseStore((state) => state.refused);
  const dismiss = useCaseStore((state) => state.setRefused);
  const lost = useMemo(() => {
    try {
      return (notice?.lost ?? []).map((change) => shorten(describeChange(change, lang)));
    } catch {
      return [];
    }
  }, [notice, lang]);
  const texts = useMemo(() => keptTexts(notice?.lost ?? []), [notice]);
  if (!notice) return null;
  const { title, reason, sectionNames } = explainRefusal(notice, m, lang);
  const outdated = isOutdated(notice);
  return (
    <div className="room-notice refused-notice" role="alert">
      <p>
        <strong>{title}.</strong> {reason} {sectionNames && t.sections(sectionNames)}
      </p>
      {lost.length > 0 && (
        <>
          <p>{t.changes}</p>
          <ul>
            {lost.slice(0, MAX_LINES).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {outdated &&
        texts.map((text) => (
          <label key={text} className="refused-text">
            {t.yourText}
            <textarea readOnly value={text} rows={Math.min(6, 1 + Math.ceil(text.length / 80))} />
          </label>
        ))}
      <p>{t.reset}</p>
      {outdated && (
        <button type="button" onClick={() => window.location.reload()}>
          {t.reload}
        </button>
      )}
      <button type="button" onClick={() => dismiss(null)}>
        {t.dismiss}
      </button>
    </div>
  );
}
