import { CombinedError } from '@urql/core';
import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { never } from 'wonka';
import { CreateScimTokenDocument, type CreateScimTokenMutation } from '../../gql/graphql.js';
import { fakeClient, on, type Reply } from '../../testing/fake-client.js';
import { renderInConsole, settle } from '../../testing/render-in-console.js';
import { CreateTokenDialog } from './create-token-dialog.js';

const SECRET = 'rst_3f9a1c0d5e7b2a4c6e8f0a1b3c5d7e9f';

function renderDialog(reply: (label: string) => Reply<CreateScimTokenMutation> | typeof never) {
  const onClose = vi.fn();
  const fake = fakeClient(on(CreateScimTokenDocument, ({ label }) => reply(label)));
  renderInConsole(<CreateTokenDialog onClose={onClose} />, { client: fake.client });
  return { onClose, fake };
}

const created = (label: string): Reply<CreateScimTokenMutation> => ({
  data: { createScimToken: { token: { id: 'token-1', label }, secret: SECRET } },
});

async function submit(label: string) {
  fireEvent.input(screen.getByRole('textbox', { name: 'Label' }), { target: { value: label } });
  fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
  await settle();
}

describe('CreateTokenDialog', () => {
  it('asks for a label, with focus already in the field', () => {
    renderDialog(created);
    expect(screen.getByRole('dialog', { name: 'Create SCIM token' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Label' }));
  });

  it('refuses a blank label without asking the server', async () => {
    const { fake } = renderDialog(created);
    await submit('   ');
    const field = screen.getByRole('textbox', { name: 'Label' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Enter a label, for example the name of the identity provider.');
    expect(fake.calls('CreateScimToken')).toEqual([]);
  });

  it('shows the secret once, with the warning as the dialog description and a copy button', async () => {
    const { fake } = renderDialog(created);
    await submit('  Okta ');
    expect(fake.calls('CreateScimToken')).toEqual([{ label: 'Okta', expiresIn: 'NEVER' }]);

    const dialog = screen.getByRole('dialog', { name: 'Token “Okta” created' });
    expect(screen.getByTestId('token-secret').textContent).toBe(SECRET);
    const warning = document.getElementById(dialog.getAttribute('aria-describedby')!)!;
    expect(warning.textContent).toContain('Copy this token now');
    expect(warning.textContent).toContain('It will not be shown again.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy token' }));
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('closes with Done; the secret is gone with it', async () => {
    const { onClose } = renderDialog(created);
    await submit('Okta');
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('cannot be cancelled or escaped while the token is being created', async () => {
    const { onClose } = renderDialog(() => never);
    await submit('Okta');
    expect((screen.getByRole('button', { name: 'Create token' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
  });

  it("shows the server's reason in the form when creating fails", async () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'A token with this label exists.', extensions: { code: 'CONFLICT' } }] });
    renderDialog(() => ({ error }));
    await submit('Okta');
    expect(screen.getByRole('alert').textContent).toBe('A token with this label exists.');
    expect(screen.queryByTestId('token-secret')).toBeNull();
  });
});
