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
          <span>
            {m.room.phase(phase)}: {m.phases[phase]}
          </span>
          <span className="visually-hidden"> – {m.workshop.agenda.open}</span>
        </>
      }
    >
      {(close) => <AgendaDialog onClose={close} />}
    </DialogButton>
  );
}
