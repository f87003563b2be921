import { createContext, useContext, useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  open: boolean;
  /** Called when the user dismisses the dialog (Escape or the back gesture); set open=false then. */
  onClose: () => void;
  /** Heading text; it also labels the dialog. */
  title: string;
  children: ReactNode;
  /** The dialog's buttons, shown last in reading order. */
  actions: ReactNode;
  /** Optional extra description (ids) announced with the title. */
  describedBy?: string;
}

/**
 * What every dialog shows first, above its title: the app puts its Quick exit here, because a
 * modal dialog makes the rest of the page (the header's Quick exit too) inert.
 */
export const DialogLead = createContext<ReactNode>(null);

/**
 * A modal built on the native <dialog> and showModal(): the browser traps focus, makes the
 * rest of the page inert, handles Escape and returns focus to the opener, all of which a
 * hand-made overlay tends to get wrong with screen readers on Android.
 */
export function Dialog({ open, onClose, title, children, actions, describedBy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const lead = useContext(DialogLead);
  // Remembers the requested state so closing on request does not report a second close.
  const openRef = useRef(open);
  openRef.current = open;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // 'close' fires for Escape and for dialog.close(); keep React state in step either way.
    const handleClose = () => {
      if (openRef.current) onClose();
    };
    dialog.addEventListener('close', handleClose);
    return () => {
      dialog.removeEventListener('close', handleClose);
    };
  }, [onClose]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} aria-describedby={describedBy}>
      {open ? (
        <>
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <div className="dialog__body">{children}</div>
          <div className="dialog__actions">{actions}</div>
          {/* Last in the DOM, so the dialog's own first control gets the initial focus (never
              Quick exit, one Enter away); drawn at the top (CSS order). */}
          {lead ? <div className="dialog__lead">{lead}</div> : null}
        </>
      ) : null}
    </dialog>
  );
}
