import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DeleteAllDialog, type DeletePolicy } from './delete-all-dialog.js';

function renderDialog(count: number, policy: DeletePolicy | null = { policy: 'HARD_DELETE', retentionDays: 30 }) {
  const onCancel = vi.fn();
  const onConfirm = vi.fn();
  render(<DeleteAllDialog count={count} policy={policy} onCancel={onCancel} onConfirm={onConfirm} />);
  const dialog = screen.getByRole('dialog', { name: 'Delete all SCIM users?' });
  return { dialog, onCancel, onConfirm };
}

describe('DeleteAllDialog', () => {
  it('states the count, what is lost and that it is final, as its description', () => {
    const { dialog } = renderDialog(42);
    const description = document.getElementById(dialog.getAttribute('aria-describedby')!)!;
    expect(description.textContent).toContain('This deletes 42 users provisioned through SCIM');
    expect(description.textContent).toContain('Users created manually are not affected.');
    expect(description.textContent).toContain('loses its assignee');
    expect(description.textContent).toContain('This cannot be undone in Roster.');
    expect(screen.getByRole('button', { name: 'Delete 42 users' })).toBeTruthy();
  });

  it('says the users stay restorable under SOFT_DELETE, and nothing about finality', () => {
    const { dialog } = renderDialog(42, { policy: 'SOFT_DELETE', retentionDays: 14 });
    const description = document.getElementById(dialog.getAttribute('aria-describedby')!)!;
    expect(description.textContent).toContain('The users stay restorable for 14 days');
    expect(description.textContent).not.toContain('cannot be undone');
  });

  it('says it cannot be undone when the policy could not be read', () => {
    const { dialog } = renderDialog(42, null);
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).toContain('This cannot be undone in Roster.');
  });

  it('says "1 user", not "1 users"', () => {
    renderDialog(1);
    expect(screen.getByRole('button', { name: 'Delete 1 user' })).toBeTruthy();
  });

  it('starts on Cancel, the safe choice, and cancels without confirming', () => {
    const { onCancel, onConfirm } = renderDialog(42);
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.click(cancel);
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('confirms with the danger button', () => {
    const { onConfirm } = renderDialog(42);
    fireEvent.click(screen.getByRole('button', { name: 'Delete 42 users' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('has nothing to confirm when there are no SCIM users', () => {
    const { onConfirm } = renderDialog(0);
    expect(screen.getByText('There are no SCIM-provisioned users to delete.')).toBeTruthy();
    const confirm = screen.getByRole('button', { name: 'Delete 0 users' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
