import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { makeFragmentData } from '../../gql/fragment-masking.js';
import { renderInConsole } from '../../testing/render-in-console.js';
import { ThrottledNotice, ThrottledNoticeFragment } from './throttled-notice.js';

function renderNotice(throttledLastHour: number, locale?: string) {
  const config = makeFragmentData({ throttledLastHour, rateLimit: { perSecond: 1000, burst: 3000 } }, ThrottledNoticeFragment);
  renderInConsole(<ThrottledNotice config={config} locale={locale} />);
}

describe('ThrottledNotice', () => {
  it('is not shown when nothing was throttled', () => {
    renderNotice(0);
    expect(screen.queryByTestId('notice-throttled')).toBeNull();
  });

  it('says how many requests were throttled, in the browser\'s number format', () => {
    renderNotice(12345);
    const expected = `${new Intl.NumberFormat().format(12345)} requests throttled in the last hour`;
    expect(screen.getByRole('heading', { name: expected })).toBeTruthy();
  });

  it('formats numbers for the locale it is given', () => {
    renderNotice(12345, 'de-DE');
    expect(screen.getByRole('heading').textContent).toBe('12.345 requests throttled in the last hour');
    expect(screen.getByTestId('notice-throttled').textContent).toContain('more than 1.000 requests per second (bursts of 3.000)');
  });

  it('says request for one', () => {
    renderNotice(1);
    expect(screen.getByRole('heading').textContent).toBe('1 request throttled in the last hour');
  });
});
