import { fireEvent, render, screen } from '@testing-library/preact';
import { useRef, useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { Dialog } from './dialog.js';

/** A page with a button that opens the dialog, as the screens use it. */
function Page({ busy = false, onClose = () => undefined, elsewhere = false }: { busy?: boolean; onClose?: () => void; elsewhere?: boolean }) {
  const [open, setOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const close = () => {
    onClose();
    setOpen(false);
  };
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Tokens
      </h1>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <Dialog title="Revoke token?" onClose={close} busy={busy} describedBy="consequence" returnFocus={elsewhere ? heading : undefined} testId="dialog">
          <p id="consequence">It cannot be undone.</p>
          <button type="button" onClick={close}>
            Cancel
          </button>
          <input aria-label="Reason" data-autofocus />
          <button type="button">Revoke</button>
        </Dialog>
      )}
    </>
  );
}

function open() {
  const opener = screen.getByRole('button', { name: 'Open' });
  opener.focus();
  fireEvent.click(opener);
  return { opener, dialog: screen.getByTestId('dialog') as HTMLDialogElement };
}

function press(key: string, init: KeyboardEventInit = {}) {
  fireEvent.keyDown(document.activeElement ?? document.body, { key, ...init });
}

describe('Dialog', () => {
  it('opens modal, named by its title and described by its consequence', () => {
    render(<Page />);
    const { dialog } = open();
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Revoke token?');
    expect(dialog.getAttribute('aria-describedby')).toBe('consequence');
  });

  it('puts focus on the [data-autofocus] element', () => {
    render(<Page />);
    open();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Reason' }));
  });

  it('keeps Tab and Shift+Tab inside, wrapping at both ends', () => {
    render(<Page />);
    open();
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const revoke = screen.getByRole('button', { name: 'Revoke' });
    press('Tab');
    expect(document.activeElement).toBe(revoke);
    press('Tab');
    expect(document.activeElement).toBe(cancel);
    press('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(revoke);
  });

  it('closes on Escape and gives focus back to the opener', () => {
    const onClose = vi.fn();
    render(<Page onClose={onClose} />);
    const { opener } = open();
    press('Escape');
    expect(onClose).toHaveBeenCalledOnce();
    expect(screen.queryByTestId('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('closes on a click on the backdrop, not on one inside', () => {
    const onClose = vi.fn();
    render(<Page onClose={onClose} />);
    const { dialog } = open();
    fireEvent.click(screen.getByText('It cannot be undone.'));
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(dialog);
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('ignores Escape and the backdrop while busy', () => {
    const onClose = vi.fn();
    render(<Page busy onClose={onClose} />);
    const { dialog } = open();
    press('Escape');
    fireEvent.click(dialog);
    expect(onClose).not.toHaveBeenCalled();
    expect(dialog.open).toBe(true);
  });

  it('sends focus to returnFocus when the opener is not the place to go back to', () => {
    render(<Page elsewhere />);
    open();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Tokens' }));
  });
});
