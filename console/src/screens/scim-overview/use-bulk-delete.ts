import { useMutation, useQuery, useSubscription } from '@urql/preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { graphql } from '../../gql/index.js';
import type { DeleteAll_BulkDeleteJobFragment } from '../../gql/graphql.js';
import { usePollingFallback } from '../../graphql/use-live-status.js';
import { formatCount } from '../../lib/format-number.js';
import { errorMessage } from '../../lib/graphql-errors.js';
import { useNotify } from '../../ui/notifications.js';

export const DeleteAllBulkDeleteJobFragment = graphql(`
  fragment DeleteAll_BulkDeleteJob on BulkDeleteJob {
    id
    status
    total
    deleted
  }
`);

const DeleteAllMutation = graphql(`
  mutation DeleteAllScimUsers {
    deleteAllScimUsers {
      id
      status
      total
      deleted
    }
  }
`);

const ProgressSubscription = graphql(`
  subscription BulkDeleteProgress($jobId: ID!) {
    bulkDeleteProgress(jobId: $jobId) {
      id
      status
      total
      deleted
    }
  }
`);

// Only used when the WebSocket is down: the same job read over HTTP every second.
const JobQuery = graphql(`
  query BulkDeleteJobPoll($id: ID!) {
    bulkDeleteJob(id: $id) {
      id
      status
      total
      deleted
    }
  }
`);

export type Job = DeleteAll_BulkDeleteJobFragment;

export function isJobRunning(job: Job | null | undefined): boolean {
  return job?.status === 'QUEUED' || job?.status === 'RUNNING';
}

/**
 * Follows a "Delete All Users" job from the click (or from a reload that finds one running) to
 * its end: progress from the subscription, or from polling without a WebSocket; announces the
 * outcome once and lets the screen refetch its counts.
 */
export function useBulkDelete(activeJob: Job | null | undefined, onFinished: () => void) {
  const notify = useNotify();
  const [job, setJob] = useState<Job | null>(activeJob ?? null);
  const announced = useRef(new Set<string>());
  const [{ fetching: starting }, deleteAll] = useMutation(DeleteAllMutation);
  const jobId = isJobRunning(job) ? job?.id : undefined;

  useEffect(() => {
    if (activeJob && isJobRunning(activeJob)) setJob((current) => (isJobRunning(current) ? current : activeJob));
  }, [activeJob]);

  const [progress] = useSubscription({ query: ProgressSubscription, variables: { jobId: jobId ?? '' }, pause: !jobId });
  const [polled, poll] = useQuery({ query: JobQuery, variables: { id: jobId ?? '' }, pause: !jobId, requestPolicy: 'network-only' });
  const refresh = useCallback(() => poll({ requestPolicy: 'network-only' }), [poll]);
  usePollingFallback(refresh, 1_000, Boolean(jobId));

  const latest: Job | null | undefined = progress.data?.bulkDeleteProgress ?? polled.data?.bulkDeleteJob;
  useEffect(() => {
    if (latest && latest.id === job?.id && (latest.deleted !== job.deleted || latest.status !== job.status)) setJob(latest);
  }, [latest, job]);

  useEffect(() => {
    if (!job || isJobRunning(job) || announced.current.has(job.id)) return;
    announced.current.add(job.id);
    if (job.status === 'SUCCEEDED') notify('success', `${formatCount(job.deleted)} users deleted in total.`);
    else notify('error', `Deleting the SCIM users stopped after ${formatCount(job.deleted)} of ${formatCount(job.total)}. Try again to delete the rest.`);
    onFinished();
  }, [job, notify, onFinished]);

  const start = async () => {
    const result = await deleteAll({});
    if (!result.data) {
      notify('error', errorMessage(result.error, 'Deleting the SCIM users could not start. Please try again.'));
      return;
    }
    setJob(result.data.deleteAllScimUsers);
  };

  return { job, running: starting || isJobRunning(job), start };
}
