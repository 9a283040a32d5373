import { type ReactNode, useState } from 'react';
import { useMessages } from '../i18n/messages.ts';
import { ModalDialog } from './ModalDialog.tsx';

/** A modal dialog of the workshop (agenda, vote, decisions, sign-off, history, export). */
export function WorkshopDialog({
  title,
  intro,
  onClose,
  children,
}: {
  title: string;
  intro?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const m = useMessages();
  return (
    <ModalDialog
      title={title}
      subtitle={intro && <p className="help">{intro}</p>}
      closeLabel={m.workshop.close}
      className="workshop-dialog"
      onClose={onClose}
    >
      {children}
    </ModalDialog>
  );
}

/** A button that opens one of the workshop's dialogs, and the dialog while it is open. */
export function DialogButton({
  label,
  className,
  children,
}: {
  label: ReactNode;
  className?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={`workshop-button ${className ?? ''}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      {open && children(() => setOpen(false))}
    </>
  );
}
