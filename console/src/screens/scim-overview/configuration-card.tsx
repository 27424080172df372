import { useMutation } from '@urql/preact';
import { useRef, useState } from 'preact/hooks';
import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import { formatCount } from '../../lib/format-number.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { SpinnerIcon, TrashIcon } from '../../ui/icons.js';
import { useNotify } from '../../ui/notifications.js';
import { ProgressBar } from '../../ui/progress-bar.js';
import { Skeleton } from '../../ui/skeleton.js';
import { DeleteAllDialog } from './delete-all-dialog.js';
import { DeleteAllBulkDeleteJobFragment, useBulkDelete } from './use-bulk-delete.js';

export const ConfigurationCardConfigFragment = graphql(`
  fragment ConfigurationCard_ScimConfig on ScimConfig {
    status
    viewerCanManage
    viewerCanDeleteAllScimUsers
  }
`);

export const ConfigurationCardCountsFragment = graphql(`
  fragment ConfigurationCard_ScimCounts on ScimCounts {
    users
    groups
  }
`);

const DeactivateMutation = graphql(`
  mutation DeactivateScim {
    deactivateScim {
      ...ConfigurationCard_ScimConfig
    }
  }
`);

interface ConfigurationCardProps {
  config: FragmentType<typeof ConfigurationCardConfigFragment>;
  counts: FragmentType<typeof ConfigurationCardCountsFragment>;
  activeJob: FragmentType<typeof DeleteAllBulkDeleteJobFragment> | null | undefined;
  /** Re-reads the screen (counts) after a bulk delete ended. */
  onCountsChanged: () => void;
}

/** Status and counts (O7) with the actions inline right of the heading (O9, O10, O13). */
export function ConfigurationCard(props: ConfigurationCardProps) {
  const config = useFragment(ConfigurationCardConfigFragment, props.config);
  const counts = useFragment(ConfigurationCardCountsFragment, props.counts);
  const bulk = useBulkDelete(useFragment(DeleteAllBulkDeleteJobFragment, props.activeJob), props.onCountsChanged);
  const [confirming, setConfirming] = useState(false);
  // Confirming disables the opener at once, so focus lands on the card's heading instead.
  const heading = useRef<HTMLHeadingElement>(null);
  const afterClose = useRef<HTMLElement | null>(null);
  const active = config.status === 'ACTIVE';

  return (
    <section class="card" aria-labelledby="configuration-title" data-testid="configuration-card">
      <div class="card__header">
        <h2 id="configuration-title" ref={heading} tabIndex={-1}>
          Configuration
        </h2>
        <div class="card__actions">
          {active && config.viewerCanManage && <DeactivateButton onDeactivated={() => heading.current?.focus()} />}
          {config.viewerCanDeleteAllScimUsers && (
            <button
              type="button"
              class="button button--danger-outline"
              disabled={bulk.running}
              aria-busy={bulk.running}
              onClick={() => {
                afterClose.current = null;
                setConfirming(true);
              }}
            >
              {bulk.running ? <SpinnerIcon /> : <TrashIcon />}
              {bulk.running ? 'Deleting users…' : 'Delete All Users'}
            </button>
          )}
        </div>
      </div>
      <dl class="facts">
        <div class="fact">
          <dt>SCIM Status</dt>
          <dd data-testid="scim-status">
            <span class={`badge ${active ? 'badge--success' : 'badge--neutral'}`}>{active ? 'Active' : 'Inactive'}</span>
          </dd>
        </div>
        <div class="fact">
          <dt>SCIM Users</dt>
          <dd data-testid="scim-users">{formatCount(counts.users)}</dd>
        </div>
        <div class="fact">
          <dt>SCIM Groups</dt>
          <dd data-testid="scim-groups">{formatCount(counts.groups)}</dd>
        </div>
      </dl>
      {bulk.running && bulk.job && <ProgressBar done={bulk.job.deleted} total={bulk.job.total} label="Deleting SCIM users" />}
      {confirming && (
        <DeleteAllDialog
          count={counts.users}
          returnFocus={afterClose}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            afterClose.current = heading.current;
            setConfirming(false);
            void bulk.start();
          }}
        />
      )}
    </section>
  );
}

/** The button disappears on success, so `onDeactivated` moves focus somewhere that stays. */
function DeactivateButton({ onDeactivated }: { onDeactivated: () => void }) {
  const [{ fetching }, deactivate] = useMutation(DeactivateMutation);
  const notify = useNotify();
  const onClick = async () => {
    const result = await deactivate({});
    if (result.error || !result.data) {
      notify('error', errorMessage(result.error, 'SCIM could not be deactivated. Please try again.'));
      return;
    }
    notify('success', 'SCIM deactivated. Inbound SCIM requests are refused until it is activated again on the SAML/OAuth screen.');
    // After the re-render that removed the button: focusing earlier would be undone by its removal.
    requestAnimationFrame(onDeactivated);
  };
  return (
    <button type="button" class="button" onClick={onClick} disabled={fetching} aria-busy={fetching}>
      {fetching && <SpinnerIcon />}
      Deactivate
    </button>
  );
}

export function ConfigurationCardSkeleton() {
  return (
    <section class="card" aria-hidden="true">
      <div class="card__header">
        <h2>Configuration</h2>
      </div>
      <dl class="facts">
        {['SCIM Status', 'SCIM Users', 'SCIM Groups'].map((label) => (
          <div class="fact" key={label}>
            <dt>{label}</dt>
            <dd>
              <Skeleton width="64px" height="1.8rem" />
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
