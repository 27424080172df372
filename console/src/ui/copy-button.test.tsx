import { fireEvent, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { advance, renderInConsole, settle } from '../testing/render-in-console.js';
import { CopyButton } from './copy-button.js';

const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined);
  vi.stubGlobal('isSecureContext', true);
  vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
});

async function click(name: string) {
  fireEvent.click(screen.getByRole('button', { name }));
  await settle();
}

describe('CopyButton', () => {
  it('copies its text and confirms with a checkmark, announced politely', async () => {
    renderInConsole(<CopyButton text="https://roster.test/pp/scim/v2/acme" label="Base URL" />);
    const button = screen.getByRole('button', { name: 'Copy Base URL' });
    expect(button.dataset['copied']).toBe('false');

    await click('Copy Base URL');

    expect(writeText).toHaveBeenCalledWith('https://roster.test/pp/scim/v2/acme');
    expect(button.dataset['copied']).toBe('true');
    expect(button.classList.contains('icon-button--done')).toBe(true);
    expect(button.querySelector('[aria-live="polite"]')?.textContent).toBe('Base URL copied');
  });

  it('turns back into a copy icon after two seconds', async () => {
    vi.useFakeTimers();
    renderInConsole(<CopyButton text="secret" label="token" />);
    await click('Copy token');
    const button = screen.getByRole('button', { name: 'Copy token' });

    await advance(1_900);
    expect(button.dataset['copied']).toBe('true');
    await advance(200);
    expect(button.dataset['copied']).toBe('false');
    expect(button.querySelector('[aria-live="polite"]')?.textContent).toBe('');
  });

  it('restarts the two seconds when clicked again', async () => {
    vi.useFakeTimers();
    renderInConsole(<CopyButton text="secret" label="token" />);
    await click('Copy token');
    await advance(1_500);
    await click('Copy token');
    await advance(1_500);
    expect(screen.getByRole('button', { name: 'Copy token' }).dataset['copied']).toBe('true');
  });

  it('keeps each instance to itself', async () => {
    renderInConsole(
      <>
        <CopyButton text="/Users" label="Users endpoint" />
        <CopyButton text="/Groups" label="Groups endpoint" />
      </>,
    );
    await click('Copy Users endpoint');
    await click('Copy Groups endpoint');

    expect(screen.getByRole('button', { name: 'Copy Users endpoint' }).dataset['copied']).toBe('true');
    expect(screen.getByRole('button', { name: 'Copy Groups endpoint' }).dataset['copied']).toBe('true');
    expect(writeText.mock.calls).toEqual([['/Users'], ['/Groups']]);
  });

  it('says so in an error notification when the clipboard refuses', async () => {
    writeText.mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    renderInConsole(<CopyButton text="secret" label="token" />);
    await click('Copy token');

    expect(screen.getByRole('button', { name: 'Copy token' }).dataset['copied']).toBe('false');
    expect(screen.getByTestId('toast-error').textContent).toContain('Could not copy the token — select the text and copy it by hand.');
  });

  it('falls back to a hidden textarea on plain http', async () => {
    vi.stubGlobal('isSecureContext', false);
    const execCommand = vi.fn((command: string) => {
      expect(command).toBe('copy');
      expect(document.querySelector('textarea')?.value).toBe('secret');
      return true;
    });
    Object.assign(document, { execCommand });
    onTestFinished(() => void delete (document as Partial<Document>).execCommand);
    renderInConsole(<CopyButton text="secret" label="token" />);
    await click('Copy token');

    expect(execCommand).toHaveBeenCalledOnce();
    expect(writeText).not.toHaveBeenCalled();
    expect(document.querySelector('textarea')).toBeNull();
    expect(screen.getByRole('button', { name: 'Copy token' }).dataset['copied']).toBe('true');
  });
});
