import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useMessages } from '../../i18n/messages.ts';

/**
 * A modal dialog of the workshop (agenda, vote, decisions, sign-off, history): a title, a
 * close button, Escape closes, focus returns to the button that opened it.
 */
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
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const opener = document.activeElement;
    ref.current?.showModal();
    return () => {
      if (opener instanceof HTMLElement) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className="workshop-dialog"
      aria-labelledby={titleId}
      // React passes a nested dialog's close and cancel events on to this one (they do not
      // bubble in the DOM): only this dialog's own events close it, so Escape in an export
      // dialog opened from the history closes the export dialog alone.
      onClose={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      onCancel={(event) => {
        if (event.target !== event.currentTarget) return;
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog-header">
        <div>
          <h2 id={titleId}>{title}</h2>
          {intro && <p className="help">{intro}</p>}
        </div>
        <button type="button" onClick={onClose}>
          {m.workshop.close}
        </button>
      </div>
      {children}
    </dialog>
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
