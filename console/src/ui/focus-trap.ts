/** Elements a keyboard user can Tab to, in document order. */
const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

export function focusableIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
}

/**
 * Where Tab (or Shift+Tab) should go from `current` inside a trap of `count` elements: wraps at
 * both ends; -1 for "focus is outside the trap" enters at the first (or last) element.
 */
export function nextTrapIndex(current: number, count: number, backwards: boolean): number {
  if (count === 0) return -1;
  if (current < 0) return backwards ? count - 1 : 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}

/** Keeps Tab inside `container`; call from its keydown handler. */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const items = focusableIn(container);
  const current = items.indexOf(document.activeElement as HTMLElement);
  const next = nextTrapIndex(current, items.length, event.shiftKey);
  event.preventDefault();
  if (next >= 0) items[next]?.focus();
}
