import { DialogButton } from '../../../app/WorkshopDialog.tsx';
import { useMessages } from '../../../i18n/messages.ts';
import { useWorkshop } from '../useWorkshop.ts';
import { AgendaDialog } from './AgendaDialog.tsx';

/**
 * The current phase in the top bar (from `workshop.phase`, W1) as three steps, the current one
 * filled; a button that opens the agenda with each phase's checklist.
 */
export function PhaseAgenda() {
  const m = useMessages();
  const { phase } = useWorkshop();
  return (
    <DialogButton
      className="phase-badge"
      label={
        <>
          <span className="phase-steps" aria-hidden="true">
            {[1, 2, 3].map((n) => (
              <span key={n} className="phase-step" data-state={n < phase ? 'done' : n === phase ? 'current' : 'next'} />
            ))}
          </span>
          <span title={`${m.room.phase(phase)}: ${m.phases[phase]}`}>
            {m.room.phase(phase)}
            {/* Below 1600 px only "Fase 2" shows, so the case's title keeps its room (issue 13); the name stays for screen readers. */}
            <span className="phase-name">: {m.phases[phase]}</span>
          </span>
          <span className="visually-hidden"> – {m.workshop.agenda.open}</span>
        </>
      }
    >
      {(close) => <AgendaDialog onClose={close} />}
    </DialogButton>
  );
}
