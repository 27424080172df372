import { CombinedError } from '@urql/core';
import { fireEvent, screen } from '@testing-library/preact';
import { useRef, useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { RevokeScimTokenDocument, type RevokeScimTokenMutation } from '../../gql/graphql.js';
import { fakeClient, on, type Reply } from '../../testing/fake-client.js';
import { renderInConsole, settle } from '../../testing/render-in-console.js';
import { RevokeTokenDialog } from './revoke-token-dialog.js';

/** The tokens card around the dialog: a heading to land on, a row button that opened it. */
function Card() {
  const heading = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <h2 ref={heading} tabIndex={-1}>
        SCIM tokens
      </h2>
      <button type="button" onClick={() => setOpen(true)}>
        Revoke
      </button>
      {open && <RevokeTokenDialog token={{ id: 'token-7', label: 'Okta' }} onClose={() => setOpen(false)} afterRevoke={heading} />}
    </>
  );
}

function renderCard(reply: Reply<RevokeScimTokenMutation>) {
  const fake = fakeClient(on(RevokeScimTokenDocument, () => reply));
  renderInConsole(<Card />, { client: fake.client });
  const opener = screen.getByRole('button', { name: 'Revoke' });
  opener.focus();
  fireEvent.click(opener);
  return { fake, opener };
}

const revoked: Reply<RevokeScimTokenMutation> = { data: { revokeScimToken: { id: 'token-7', revokedAt: '2026-11-28T12:00:00.000Z' } } };

describe('RevokeTokenDialog', () => {
  it('names the token and says what breaks, starting on Cancel', () => {
    renderCard(revoked);
    const dialog = screen.getByRole('dialog', { name: 'Revoke token “Okta”?' });
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toContain('This cannot be undone');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('revokes that token, confirms it, and puts focus on the heading (the row button is gone)', async () => {
    const { fake } = renderCard(revoked);
    fireEvent.click(screen.getByRole('button', { name: 'Revoke token' }));
    await settle();
    expect(fake.calls('RevokeScimToken')).toEqual([{ id: 'token-7' }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('toast-success').textContent).toContain('Token “Okta” revoked.');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'SCIM tokens' }));
  });

  it('returns focus to the row button when cancelled', () => {
    const { opener } = renderCard(revoked);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('stays open and says why when revoking fails', async () => {
    renderCard({ error: new CombinedError({ networkError: new Error('Failed to fetch') }) });
    fireEvent.click(screen.getByRole('button', { name: 'Revoke token' }));
    await settle();
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.getByTestId('toast-error').textContent).toContain('The server could not be reached.');
  });
});
