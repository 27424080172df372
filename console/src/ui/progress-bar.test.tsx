import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress-bar.js';

describe('ProgressBar', () => {
  it('is a named progressbar with its values for assistive technology', () => {
    render(<ProgressBar done={250} total={1000} label="Deleting SCIM users" />);
    const bar = screen.getByRole('progressbar', { name: 'Deleting SCIM users' });
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('1000');
    expect(bar.getAttribute('aria-valuenow')).toBe('250');
    expect(bar.getAttribute('aria-valuetext')).toBe(`250 of ${(1000).toLocaleString()}`);
  });

  it('fills to the share done and says it in words', () => {
    const { container } = render(<ProgressBar done={1} total={3} label="Deleting SCIM users" />);
    expect(container.querySelector<HTMLElement>('.progress__bar')?.style.width).toBe('33%');
    expect(container.textContent).toContain('1 of 3 deleted (33%)');
  });

  it('never shows a full bar or 100% before the last user is gone', () => {
    const { container } = render(<ProgressBar done={1999} total={2000} label="Deleting SCIM users" />);
    expect(container.querySelector<HTMLElement>('.progress__bar')?.style.width).toBe('99%');
    expect(container.textContent).toContain('(99%)');
  });

  it('reads 0% for an empty job rather than dividing by zero', () => {
    const { container } = render(<ProgressBar done={0} total={0} label="Deleting SCIM users" />);
    expect(container.querySelector<HTMLElement>('.progress__bar')?.style.width).toBe('0%');
  });
});
