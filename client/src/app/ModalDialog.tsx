import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * The app's one modal dialog pattern (workshop tools, invitations, figure explanations): a
 * title with an optional line under it, a close button, Escape closes, focus returns to what
 * opened it. Dialogs opened from a dialog close on their own: React hands a nested dialog's
 * close and cancel events on to its parent (they do not bubble in the DOM), so each dialog
 * reacts only to its own.
 */
export function ModalDialog({
  title,
  subtitle,
  closeLabel,
  className,
  onClose,
  children,
}: {
  title: ReactNode;
  /** Shown under the title (an introduction, a figure's value). */
  subtitle?: ReactNode;
  closeLabel: string;
  className: string;
  onClose: () => void;
  children: ReactNode;
}) {
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
      className={className}
      aria-labelledby={titleId}
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
          {subtitle}
        </div>
        <button type="button" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
      {children}
    </dialog>
  );
}
