import { useEffect, useRef, useState } from 'preact/hooks';
import { CheckIcon, CopyIcon } from './icons.js';
import { useNotify } from './notifications.js';

const CONFIRM_MS = 2_000;

/** Clipboard API where the page is a secure context; the selection fallback elsewhere (plain http). */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy refused');
}

/**
 * A copy icon that turns into a green checkmark for a moment (O16). Each instance keeps its own
 * state, so copying one value never resets another's confirmation.
 */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const notify = useNotify();
  useEffect(() => () => clearTimeout(timer.current), []);

  const onClick = async () => {
    try {
      await copyText(text);
      setCopied(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), CONFIRM_MS);
    } catch {
      notify('error', `Could not copy the ${label} — select the text and copy it by hand.`);
    }
  };

  return (
    <button
      type="button"
      class={`icon-button ${copied ? 'icon-button--done' : ''}`}
      aria-label={`Copy ${label}`}
      data-copied={copied ? 'true' : 'false'}
      onClick={onClick}
    >
      {copied ? <CheckIcon /> : <CopyIcon />}
      <span class="visually-hidden" aria-live="polite">
        {copied ? `${label} copied` : ''}
      </span>
    </button>
  );
}
