import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Skeleton } from './skeleton.js';

const bar = (container: Element) => container.querySelector<HTMLElement>('.skeleton')!;

describe('Skeleton', () => {
  it('takes the size the real text will have', () => {
    const { container } = render(<Skeleton width="120px" height="2rem" />);
    expect(bar(container).style.width).toBe('120px');
    expect(bar(container).style.height).toBe('2rem');
  });

  it('defaults to a full-width line of text', () => {
    const { container } = render(<Skeleton />);
    expect(bar(container).style.width).toBe('100%');
    expect(bar(container).style.height).toBe('1em');
  });

  it('is hidden from assistive technology and carries no text', () => {
    const { container } = render(<Skeleton />);
    expect(bar(container).getAttribute('aria-hidden')).toBe('true');
    expect(container.textContent).toBe('');
  });
});
