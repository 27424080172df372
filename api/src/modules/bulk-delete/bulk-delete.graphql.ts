import { builder } from '../../graphql/builder.js';
import { DomainError } from '../../domain/domain-error.js';
import { BULK_DELETE_STATUSES } from './bulk-delete-job.entity.js';
import type { BulkDeleteJobView } from './bulk-delete-job.view.js';
import { watchBulkDeleteJob, watchCompanyJobs } from './bulk-delete.progress.js';

const BulkDeleteStatusEnum = builder.enumType('BulkDeleteStatus', {
  description: 'QUEUED (waiting for a replica), RUNNING, SUCCEEDED or FAILED.',
  values: BULK_DELETE_STATUSES,
});

// The fields are readable by whoever reached the job: the root field decides who that is
// (users:delete may start a job and must see what it started).
const signedIn = { authenticated: true } as const;

export const BulkDeleteJobRef = builder.objectRef<BulkDeleteJobView>('BulkDeleteJob').implement({
  description: '"Delete All Users": deletes the company\'s SCIM-provisioned users in batches, across replicas and restarts.',
  authScopes: signedIn,
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Identifies the job; pass it to bulkDeleteJob and bulkDeleteProgress.', authScopes: signedIn }),
    status: t.field({
      type: BulkDeleteStatusEnum,
      description: 'Where the job is: queued, running, or ended (succeeded or failed).',
      authScopes: signedIn,
      resolve: (job) => job.status,
    }),
    total: t.exposeInt('total', {
      description: 'SCIM users the job set out to delete (counted when it was requested).',
      authScopes: signedIn,
    }),
    deleted: t.exposeInt('deleted', { description: 'Users deleted so far; exact when the job has ended.', authScopes: signedIn }),
    requestedBy: t.exposeString('requestedBy', {
      nullable: true,
      description: 'The operator\'s email or the API token\'s label.',
      authScopes: signedIn,
    }),
    startedAt: t.expose('startedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the job was requested, set as it is queued; also its cutoff: SCIM users created after it are kept.',
      authScopes: signedIn,
    }),
    finishedAt: t.expose('finishedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the job ended; null until then.',
      authScopes: signedIn,
    }),
  }),
});

builder.queryFields((t) => ({
  bulkDeleteJob: t.withAuth({ permission: 'iam:read' }).field({
    type: BulkDeleteJobRef,
    nullable: true,
    description: 'A bulk-delete job of the caller\'s company; null when there is none with this id.',
    args: { id: t.arg.id({ required: true, description: 'The id deleteAllScimUsers returned.' }) },
    resolve: (_root, args, ctx) => ctx.services.bulkDelete.findJob(ctx.principal.companyId, String(args.id)),
  }),
  activeBulkDeleteJob: t.withAuth({ permission: 'iam:read' }).field({
    type: BulkDeleteJobRef,
    nullable: true,
    description: 'The job queued or running for the caller\'s company, so a reloaded console can follow it.',
    resolve: (_root, _args, ctx) => ctx.services.bulkDelete.findActive(ctx.principal.companyId),
  }),
}));

builder.mutationField('deleteAllScimUsers', (t) =>
  t.withAuth({ permission: 'users:delete' }).field({
    type: BulkDeleteJobRef,
    description:
      'Deletes every SCIM-provisioned user of the company (manual users stay) as a background job, and returns it '
      + 'at once. While a job runs, every call returns that same job.',
    resolve: (_root, _args, ctx) => ctx.services.bulkDelete.start(ctx.principal.companyId, ctx.principal),
  }),
);

builder.subscriptionField('bulkDeleteProgress', (t) =>
  t.withAuth({ permission: 'iam:read' }).field({
    type: BulkDeleteJobRef,
    description: 'The job\'s current state at once, then each change; completes when the job has ended.',
    args: { jobId: t.arg.id({ required: true, description: 'The id deleteAllScimUsers returned.' }) },
    subscribe: async (_root, args, ctx) => {
      const jobId = String(args.jobId);
      const load = () => ctx.services.bulkDelete.findJob(ctx.principal.companyId, jobId);
      if (!(await load())) throw new DomainError('JOB_NOT_FOUND', 'No bulk-delete job with this id');
      return watchBulkDeleteJob({ events: ctx.events, jobId, load });
    },
    resolve: (job) => job,
  }),
);

builder.subscriptionField('bulkDeleteStarted', (t) =>
  t.withAuth({ permission: 'iam:read' }).field({
    type: BulkDeleteJobRef,
    description: 'Each Delete All Users job, or restore of one (kind RESTORE), queued for the caller\'s company from now on, by anyone (operator, tab or API token); follow one with bulkDeleteProgress.',
    subscribe: (_root, _args, ctx) => watchCompanyJobs({
      events: ctx.events,
      companyId: ctx.principal.companyId,
      loadActive: () => ctx.services.bulkDelete.findActive(ctx.principal.companyId),
    }),
    resolve: (job) => job,
  }),
);
