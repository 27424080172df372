import { useMutation } from '@urql/preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { landingPath } from '../../routing/iam-screens.js';

const SignInMutation = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      id
      permissions
    }
  }
`);

/** `/login`: email and password; afterwards back to the page that sent the operator here. */
export function LoginScreen({ next }: { next: string | null }) {
  const [{ fetching }, signIn] = useMutation(SignInMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    document.title = 'Sign in · Roster';
    emailRef.current?.focus();
  }, []);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const result = await signIn({ email: String(form.get('email')), password: String(form.get('password')) });
    if (!result.data) {
      setProblem(errorMessage(result.error, 'Sign-in failed. Please try again.'));
      return;
    }
    // A full page load starts the console afresh as the new operator: new cache, new WebSocket.
    window.location.replace(landingPath(next, result.data.signIn.permissions));
  };

  return (
    <div class="centered-page">
      <main class="centered-page__panel">
        <div>
          <p class="muted">Roster</p>
          <h1>Sign in to the console</h1>
        </div>
        <form class="stack" onSubmit={onSubmit} aria-describedby={problem ? errorId : undefined}>
          <div class="field">
            <label for="login-email">Email</label>
            <input ref={emailRef} id="login-email" class="input" name="email" type="email" autoComplete="username" required />
          </div>
          <div class="field">
            <label for="login-password">Password</label>
            <input id="login-password" class="input" name="password" type="password" autoComplete="current-password" required />
          </div>
          <p id={errorId} class="field-error" role="alert">
            {problem ?? ''}
          </p>
          <button type="submit" class="button button--primary" disabled={fetching}>
            {fetching ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </main>
    </div>
  );
}
