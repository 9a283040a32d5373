import type { PhaseReadiness } from '@caseroom/shared';
import { useMessages } from '../../i18n/messages.ts';

/** Whether the case's current phase can be closed, or how many errors block it. */
export function ReadinessSummary({ readiness, phase }: { readiness: PhaseReadiness[]; phase: 1 | 2 | 3 }) {
  const m = useMessages();
  const t = m.businessCase.readiness;
  const current = readiness.find((entry) => entry.phase === phase);
  if (!current) return null;
  return (
    <p className={`readiness ${current.ready ? 'ready' : 'blocked'}`} data-ready={current.ready}>
      <span className="readiness-icon" aria-hidden="true">
        {current.ready ? '✓' : '✖'}
      </span>
      {current.ready ? t.ready(phase) : t.blocked(phase, current.blocking.length)}
    </p>
  );
}
