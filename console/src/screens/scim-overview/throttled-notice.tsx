import { graphql, useFragment, type FragmentType } from '../../gql/index.js';

export const ThrottledNoticeFragment = graphql(`
  fragment ThrottledNotice_ScimConfig on ScimConfig {
    throttledLastHour
    rateLimit {
      perSecond
      burst
    }
  }
`);

/**
 * Throttled requests are not failures (the IdP retries them after Retry-After), so they get their
 * own note instead of counting among errors; it shows only when there were some.
 */
export function ThrottledNotice(props: { config: FragmentType<typeof ThrottledNoticeFragment>; locale?: string }) {
  const { throttledLastHour: count, rateLimit } = useFragment(ThrottledNoticeFragment, props.config);
  if (count <= 0) return null;
  const format = new Intl.NumberFormat(props.locale);
  return (
    <section class="notice notice--info" data-testid="notice-throttled" aria-labelledby="throttled-title">
      <div>
        <h2 id="throttled-title">
          {format.format(count)} {count === 1 ? 'request' : 'requests'} throttled in the last hour
        </h2>
        <p>
          Your identity provider sent more than {format.format(rateLimit.perSecond)} requests per second (bursts of{' '}
          {format.format(rateLimit.burst)}). Roster asked it to retry later; nothing was lost and these are not
          counted as failures.
        </p>
      </div>
    </section>
  );
}
