import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import { Link } from '../../routing/router.js';
import { CheckIcon } from '../../ui/icons.js';

export const SetupChecklistFragment = graphql(`
  fragment SetupChecklist_ScimSetup on ScimSetup {
    tokenCreated
    requestReceived
    connectionTested
  }
`);

interface Step {
  done: boolean;
  title: string;
  body: ComponentChildren;
}

/**
 * The first connection in three steps, each ticked from what the server has seen (a token, a
 * request with it, a successful one). Shown until the connection works; once it has been shown
 * on this visit it stays, all ticked, so the operator sees the last step turn green.
 */
export function SetupChecklist(props: { setup: FragmentType<typeof SetupChecklistFragment> }) {
  const setup = useFragment(SetupChecklistFragment, props.setup);
  const shown = useRef(false);
  if (setup.connectionTested && !shown.current) return null;
  shown.current = true;
  const steps: Step[] = [
    {
      done: setup.tokenCreated,
      title: 'Create a SCIM token',
      body: (
        <>
          On the <Link href="/it-settings/iam/saml-oauth">SAML/OAuth</Link> screen, create a token labelled after your identity provider.
        </>
      ),
    },
    { done: setup.requestReceived, title: 'Paste the Base URL and the token into your identity provider', body: 'In its provisioning settings (Tenant URL and Secret Token, or equivalent); the Base URL is below.' },
    { done: setup.connectionTested, title: 'Run its Test Connection', body: 'Your identity provider reads /Users or /ServiceProviderConfig; this step ticks when that succeeds.' },
  ];
  const remaining = steps.filter((step) => !step.done).length;
  return (
    <section class="card" aria-labelledby="setup-title" data-testid="setup-checklist">
      <div class="card__header">
        <h2 id="setup-title">Connect your identity provider</h2>
        <p class="card__subtitle" aria-live="polite">
          {remaining === 0 ? 'All set: your identity provider reached Roster.' : `${remaining} of 3 steps to go.`}
        </p>
      </div>
      <ol class="checklist">
        {steps.map((step, index) => (
          <li key={step.title} class={step.done ? 'checklist__step checklist__step--done' : 'checklist__step'} data-testid={`setup-step-${index + 1}`} data-done={String(step.done)}>
            <span class="checklist__mark" aria-hidden="true">
              {step.done ? <CheckIcon /> : index + 1}
            </span>
            <div>
              <strong>{step.title}</strong> <span class="checklist__state">{step.done ? '(done)' : '(to do)'}</span>
              <p class="muted">{step.body}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
