import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { graphql, useFragment, type FragmentType } from '../../gql/index.js';
import { absoluteTime, relativeTime } from '../../lib/format-time.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { WarningIcon } from '../../ui/icons.js';
import { useNotify } from '../../ui/notifications.js';

export const GuardPanelFragment = graphql(`
  fragment GuardPanel_DeprovisioningGuard on DeprovisioningGuard {
    state
    trippedAt
    trippedByTokenLabel
    heldBack
    heldBackByToken {
      tokenLabel
      count
    }
    lastRefused {
      id
      occurredAt
      operation
      resourceId
      activityId
    }
    settings {
      thresholdPercent
      thresholdMinimum
      windowMinutes
    }
    viewerCanManage
  }
`);

const ReleaseMutation = graphql(`
  mutation ReleaseDeprovisioningGuard($minutes: Int) {
    releaseDeprovisioningGuard(minutes: $minutes) {
      state
      releasedUntil
    }
  }
`);

const UpdateMutation = graphql(`
  mutation UpdateDeprovisioningGuard($thresholdPercent: Int, $thresholdMinimum: Int) {
    updateDeprovisioningGuard(thresholdPercent: $thresholdPercent, thresholdMinimum: $thresholdMinimum) {
      settings {
        thresholdPercent
        thresholdMinimum
      }
    }
  }
`);

const RELEASE_CHOICES = [15, 60, 240, 1440];

/** Red while the mass-deprovisioning guard holds deactivations and deletions back; nothing otherwise. */
export function DeprovisioningGuardPanel(props: { guard: FragmentType<typeof GuardPanelFragment>; onChanged: () => void }) {
  const guard = useFragment(GuardPanelFragment, props.guard);
  if (guard.state !== 'TRIPPED') return null;
  const format = new Intl.NumberFormat();
  return (
    <section class="notice notice--danger guard-panel" data-testid="guard-panel" aria-labelledby="guard-title">
      <WarningIcon />
      <div class="stack">
        <h2 id="guard-title">Mass deprovisioning stopped: {format.format(guard.heldBack)} operations held back</h2>
        <p>
          More than {guard.settings.thresholdPercent} % of your SCIM users (and at least {format.format(guard.settings.thresholdMinimum)})
          were deactivated or deleted within {guard.settings.windowMinutes} minutes
          {guard.trippedByTokenLabel && <> by the token “{guard.trippedByTokenLabel}”</>}
          {guard.trippedAt && <>, so since <time dateTime={guard.trippedAt} title={absoluteTime(guard.trippedAt)}>{relativeTime(guard.trippedAt)}</time></>}{' '}
          Roster refuses further deactivations and deletions. Creates and updates go on. Refused requests are never applied later:
          once released, the identity provider&apos;s retries go through.
        </p>
        <ul data-testid="guard-by-token">
          {guard.heldBackByToken.map((entry) => (
            <li key={entry.tokenLabel}>{entry.tokenLabel ?? 'Unknown token'}: {format.format(entry.count)} held back</li>
          ))}
        </ul>
        <details>
          <summary>Last refused requests</summary>
          <ul data-testid="guard-last-refused">
            {guard.lastRefused.map((refused) => (
              <li key={refused.id}>
                {refused.activityId ? (
                  <a href={`/it-settings/iam/scim2/activity/${refused.activityId}`}>{refused.operation} {refused.resourceId}</a>
                ) : (
                  <span>{refused.operation} {refused.resourceId}</span>
                )}{' '}
                <span class="muted">{relativeTime(refused.occurredAt)}</span>
              </li>
            ))}
          </ul>
        </details>
        {guard.viewerCanManage ? <GuardControls threshold={guard.settings} onChanged={props.onChanged} /> : (
          <p class="muted">Releasing the guard needs the iam:manage permission.</p>
        )}
      </div>
    </section>
  );
}

function GuardControls(props: { threshold: { thresholdPercent: number; thresholdMinimum: number }; onChanged: () => void }) {
  const [releasing, release] = useMutation(ReleaseMutation);
  const [updating, update] = useMutation(UpdateMutation);
  const [minutes, setMinutes] = useState(60);
  const notify = useNotify();

  const onRelease = async () => {
    const result = await release({ minutes });
    if (!result.data) return notify('error', errorMessage(result.error, 'The guard could not be released. Please try again.'));
    notify('success', `Guard released for ${minutes} minutes: deactivations and deletions are accepted again.`);
    props.onChanged();
  };
  const onThreshold = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const result = await update({ thresholdPercent: Number(form.get('percent')), thresholdMinimum: Number(form.get('minimum')) });
    if (!result.data) return notify('error', errorMessage(result.error, 'The threshold could not be changed.'));
    notify('success', 'Threshold changed.');
    props.onChanged();
  };

  return (
    <div class="guard-controls">
      <div class="field">
        <label for="guard-release-minutes">Release for</label>
        <select id="guard-release-minutes" class="input" value={minutes} onChange={(e) => setMinutes(Number((e.target as HTMLSelectElement).value))}>
          {RELEASE_CHOICES.map((choice) => <option key={choice} value={choice}>{choice < 60 ? `${choice} minutes` : `${choice / 60} hours`}</option>)}
        </select>
        <button type="button" class="button button--primary" onClick={onRelease} disabled={releasing.fetching}>Release</button>
      </div>
      <form class="field" onSubmit={onThreshold}>
        <label for="guard-percent">Threshold (% of SCIM users)</label>
        <input id="guard-percent" class="input" name="percent" type="number" min={1} max={100} defaultValue={String(props.threshold.thresholdPercent)} />
        <label for="guard-minimum">and at least (users)</label>
        <input id="guard-minimum" class="input" name="minimum" type="number" min={1} defaultValue={String(props.threshold.thresholdMinimum)} />
        <button type="submit" class="button" disabled={updating.fetching}>Change threshold</button>
      </form>
    </div>
  );
}
