import { CombinedError } from '@urql/core';
import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { never } from 'wonka';
import { SignInDocument, type SignInMutation } from '../../gql/graphql.js';
import { fakeClient, on, type Reply } from '../../testing/fake-client.js';
import { renderInConsole, settle } from '../../testing/render-in-console.js';
import { LoginScreen } from './login-screen.js';

function renderLogin(reply: () => Reply<SignInMutation> | typeof never) {
  const fake = fakeClient(on(SignInDocument, reply));
  renderInConsole(<LoginScreen next={null} />, { client: fake.client });
  return fake;
}

function fillIn(email: string, password: string) {
  fireEvent.input(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
}

describe('LoginScreen', () => {
  it('starts in the email field', () => {
    renderLogin(() => never);
    expect(document.title).toBe('Sign in · Roster');
    expect(document.activeElement).toBe(screen.getByLabelText('Email'));
  });

  it('sends what was typed and waits with the button disabled', () => {
    const fake = renderLogin(() => never);
    fillIn('ada@acme.test', 'correct horse');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(fake.calls('SignIn')).toEqual([{ email: 'ada@acme.test', password: 'correct horse' }]);
    const button = screen.getByRole('button', { name: 'Signing in…' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });

  it("announces the server's reason and ties it to the form", async () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'Email or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } }] });
    renderLogin(() => ({ error }));
    fillIn('ada@acme.test', 'wrong');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await settle();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Email or password is wrong.');
    expect(document.querySelector('form')?.getAttribute('aria-describedby')).toBe(alert.id);
  });
});
