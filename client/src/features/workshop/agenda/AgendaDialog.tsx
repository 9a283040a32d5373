import { type Phase, renderFinding } from '@caseroom/shared';
import { useState } from 'react';
import { failureOf, failureText } from '../../../api/failureText.ts';
import type { ApiFailure } from '../../../api/request.ts';
import { WorkshopDialog } from '../../../app/WorkshopDialog.tsx';
import { useMessages } from '../../../i18n/messages.ts';
import { useUiStore } from '../../../store.ts';
import { useBusinessCase } from '../../businessCase/businessCaseContext.tsx';
import { useGoToField } from '../../businessCase/goToField.ts';
import { ActionButton } from '../ActionButton.tsx';
import { useWorkshop } from '../useWorkshop.ts';

const PHASES: Phase[] = [1, 2, 3];

/**
 * The agenda (docs/workshop.md W3): the three phases, the current one marked, each with its
 * readiness checklist — the errors that block it, each leading to its field. The facilitator
 * moves the workshop to a phase; for everyone else the phase is read-only.
 */
export function AgendaDialog({ onClose }: { onClose: () => void }) {
  const m = useMessages();
  const goToField = useGoToField();
  const t = m.workshop.agenda;
  const lang = useUiStore((state) => state.language);
  const { phase } = useWorkshop();
  const readiness = useBusinessCase().result.readiness;
  const [failure, setFailure] = useState<ApiFailure>();
  return (
    <WorkshopDialog title={t.title} intro={t.intro} onClose={onClose}>
      <ol className="agenda">
        {PHASES.map((n) => {
          const entry = readiness.find((r) => r.phase === n);
          const current = n === phase;
          return (
            <li key={n} className="agenda-phase" aria-current={current ? 'step' : undefined}>
              <div className="agenda-phase-head">
                <h3>
                  {t.phase(n)}: {m.phases[n]}
                </h3>
                {current ? (
                  <span className="agenda-current">{t.current}</span>
                ) : (
                  <ActionButton
                    name="phase.move"
                    args={{ phase: n }}
                    onResult={(result) => setFailure(failureOf(result))}
                  />
                )}
              </div>
              {!entry || entry.ready ? (
                <p className="agenda-ready">
                  <span aria-hidden="true">✓ </span>
                  {t.ready}
                </p>
              ) : (
                <>
                  <p>{t.blocking(entry.blocking.length)}</p>
                  <ul className="finding-list">
                    {entry.blocking.map((finding) => (
                      <li key={`${finding.rule}:${finding.path.join('/')}`}>
                        <button
                          type="button"
                          className="finding finding-error"
                          onClick={() => {
                            onClose();
                            goToField(finding);
                          }}
                        >
                          <span className="severity-icon severity-error" aria-hidden="true">
                            ✖
                          </span>
                          <span className="finding-text">{renderFinding(finding, lang)}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          );
        })}
      </ol>
      {failure && <p role="alert">{failureText(m, failure)}</p>}
    </WorkshopDialog>
  );
}
