import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { trapTab } from './focus-trap.js';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** Optional id of an element describing the dialog (announced after the title). */
  describedBy?: string;
  /** While true, Escape and the backdrop do nothing (e.g. while a request runs). */
  busy?: boolean;
  /** Where focus goes on close when not back to the opener (read at close time). */
  returnFocus?: { current: HTMLElement | null };
  testId?: string;
}

/**
 * A modal on the native <dialog> (the page behind becomes inert) with a Tab trap on top, Escape
 * to close, and focus returned to whatever opened it. Mount it to open it; unmount to close.
 */
export function Dialog({ title, onClose, children, describedBy, busy = false, testId, returnFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const busyRef = useRef(busy);
  busyRef.current = busy;
  const returnRef = useRef(returnFocus);
  returnRef.current = returnFocus;

  // A layout effect opens the modal in the commit that mounts it, so no frame shows the page
  // still clickable behind a dialog that is in the DOM but closed.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>('input,button');
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const target = returnRef.current?.current ?? opener;
      if (target?.isConnected) target.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!busyRef.current) onClose();
      return;
    }
    if (ref.current) trapTab(event, ref.current);
  };

  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      aria-modal="true"
      data-testid={testId}
      onKeyDown={onKeyDown}
      onCancel={(event) => event.preventDefault()}
      onClick={(event) => {
        if (event.target === ref.current && !busyRef.current) onClose();
      }}
    >
      <div class="dialog__body">
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </dialog>
  );
}
