import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { IAM_SCREENS, visibleIamScreens } from '../routing/iam-screens.js';
import { BreadcrumbBar } from './breadcrumb-bar.js';

const saml = IAM_SCREENS[0]!;
const scim = IAM_SCREENS[1]!;
const visible = visibleIamScreens(['IAM_READ']);
const arrow = (direction: 'previous' | 'next') => screen.getByTestId(`breadcrumb-${direction}`) as HTMLButtonElement;

beforeEach(() => window.history.replaceState(null, '', scim.path));

describe('BreadcrumbBar', () => {
  it('reads IT Settings › IAM Settings › the current screen', () => {
    render(<BreadcrumbBar current={scim} visible={visible} />);
    const nav = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(nav.textContent).toMatch(/IT Settings.*IAM Settings.*SCIM2/);
    expect(screen.getByText('SCIM2').getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'IAM Settings' }).getAttribute('href')).toBe(saml.path);
  });

  it('steps back to the previous screen; the next arrow is shown but disabled at the end', () => {
    render(<BreadcrumbBar current={scim} visible={visible} />);
    expect(arrow('previous').getAttribute('aria-label')).toBe('Previous IAM screen: SAML/OAuth');
    expect(arrow('next').disabled).toBe(true);
    expect(arrow('next').getAttribute('aria-label')).toBe('No next IAM screen');

    fireEvent.click(arrow('previous'));
    expect(window.location.pathname).toBe(saml.path);
  });

  it('steps forward from the first screen, no wrap-around backwards', () => {
    window.history.replaceState(null, '', saml.path);
    render(<BreadcrumbBar current={saml} visible={visible} />);
    expect(arrow('previous').disabled).toBe(true);
    expect(arrow('next').getAttribute('aria-label')).toBe('Next IAM screen: SCIM2');

    fireEvent.click(arrow('next'));
    expect(window.location.pathname).toBe(scim.path);
  });

  it('offers no arrow to a screen the operator may not open', () => {
    render(<BreadcrumbBar current={scim} visible={[scim]} />);
    expect(arrow('previous').disabled).toBe(true);
    expect(arrow('next').disabled).toBe(true);
    fireEvent.click(arrow('previous'));
    expect(window.location.pathname).toBe(scim.path);
  });
});
