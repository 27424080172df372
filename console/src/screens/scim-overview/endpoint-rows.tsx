import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import { CopyButton } from '../../ui/copy-button.js';
import { Skeleton } from '../../ui/skeleton.js';
import { ReachabilityWarning } from './reachability-warning.js';

export const EndpointRowsFragment = graphql(`
  fragment EndpointRows_ScimConfig on ScimConfig {
    baseUrl
    usersEndpoint
    groupsEndpoint
  }
`);

const ROWS = [
  { key: 'baseUrl', label: 'Base URL' },
  { key: 'usersEndpoint', label: 'Endpoint Info — Users' },
  { key: 'groupsEndpoint', label: 'Endpoint Info — Groups' },
] as const;

/** The three addresses to paste into the IdP (O15–O17), exactly as the server answers on them. */
export function EndpointRows(props: { config: FragmentType<typeof EndpointRowsFragment> }) {
  const config = useFragment(EndpointRowsFragment, props.config);
  return (
    <section class="card" aria-labelledby="endpoints-title">
      <div class="card__header">
        <h2 id="endpoints-title">Endpoints</h2>
        <p class="card__subtitle">Enter these in your identity provider's provisioning settings (Tenant URL or equivalent).</p>
      </div>
      <ul class="endpoints">
        {ROWS.map(({ key, label }) => {
          const value = config[key];
          return (
            <li class="endpoint" key={key} data-testid={`endpoint-${key}`}>
              <span class="endpoint__label">{label}</span>
              <code class="endpoint__value">{value}</code>
              {value && <CopyButton text={value} label={label} />}
            </li>
          );
        })}
      </ul>
      {config.baseUrl && <ReachabilityWarning baseUrl={config.baseUrl} />}
    </section>
  );
}

export function EndpointRowsSkeleton() {
  return (
    <section class="card" aria-hidden="true">
      <Skeleton width="120px" height="1.5rem" />
      <ul class="endpoints">
        {ROWS.map(({ key, label }) => (
          <li class="endpoint" key={key}>
            <span class="endpoint__label">{label}</span>
            <Skeleton width="70%" />
            <span style={{ width: '36px', height: '36px' }} />
          </li>
        ))}
      </ul>
    </section>
  );
}
