import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../gql/fragment-masking.js';
import { renderInConsole } from '../../testing/render-in-console.js';
import { EndpointStatus, EndpointStatusFragment } from './endpoint-status.js';
import { describeEventTypes } from './event-types.js';

function renderStatus(fields: { enabled: boolean; disabledReason: string | null; disabledAfterFailures: boolean; failedDeliveries: number }) {
  renderInConsole(<EndpointStatus endpoint={makeFragmentData(fields, EndpointStatusFragment)} />);
  return screen.getByTestId('endpoint-status');
}

describe('EndpointStatus', () => {
  it('says enabled', () => {
    expect(renderStatus({ enabled: true, disabledReason: null, disabledAfterFailures: false, failedDeliveries: 0 }).textContent).toBe('Enabled');
  });

  it('counts the deliveries that failed in a row', () => {
    expect(renderStatus({ enabled: true, disabledReason: null, disabledAfterFailures: false, failedDeliveries: 2 }).textContent)
      .toBe('Enabled2 failed deliveries in a row');
  });

  it('tells an operator\'s disabling from Roster\'s, and gives Roster\'s reason', () => {
    const byOperator = renderStatus({ enabled: false, disabledReason: 'Disabled by an operator', disabledAfterFailures: false, failedDeliveries: 0 });
    expect(byOperator.querySelector('.badge')!.textContent).toBe('Disabled');
    byOperator.remove();
    const reason = 'Disabled after 3 deliveries in a row failed every attempt';
    const byRoster = renderStatus({ enabled: false, disabledReason: reason, disabledAfterFailures: true, failedDeliveries: 3 });
    expect(byRoster.querySelector('.badge')!.textContent).toBe('Disabled after failures');
    expect(byRoster.textContent).toContain(reason);
  });
});

describe('describeEventTypes', () => {
  it('names all events, or the chosen ones by their wire names', () => {
    expect(describeEventTypes(null)).toBe('All events');
    expect(describeEventTypes([])).toBe('All events');
    expect(describeEventTypes(['USER_CREATED', 'GROUP_MEMBER_ADDED'])).toBe('user.created, group.member_added');
  });
});
