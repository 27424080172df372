import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const PHONE = { width: 390, height: 844 };

/**
 * At phone width: nothing wider than the screen (no sideways scrolling of the page), and no label,
 * heading, button or cell squeezed so narrow that it wraps word by word (as many lines as words).
 */
export async function expectPhoneFriendly(page: Page): Promise<void> {
  const overflowing = await page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    // The outermost elements that stick out, to name what to fix.
    return [...document.querySelectorAll<HTMLElement>('main *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((element) => !element.parentElement || element.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
  });
  expect(overflowing, 'elements wider than the viewport').toEqual([]);
  const squeezed = await page.evaluate(() => {
    const selector = 'h1, h2, p, .button, .badge, .tabs__link, th, td, dt, dd, label, li';
    return [...document.querySelectorAll<HTMLElement>(selector)].flatMap((element) => {
      if (element.closest('[aria-hidden="true"], .visually-hidden') || element.offsetParent === null) return [];
      const words = (element.innerText ?? '').trim().split(/\s+/).filter(Boolean);
      if (words.length < 3) return [];
      const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 20;
      const lines = Math.round(element.getBoundingClientRect().height / lineHeight);
      return lines >= words.length ? [`${element.tagName.toLowerCase()}: “${words.join(' ').slice(0, 60)}” (${lines} lines)`] : [];
    });
  });
  expect(squeezed, 'elements wrapping word by word').toEqual([]);
}

/** Every form control inside its own field's box: none drawn over its neighbour or past the card. */
export async function expectControlsInsideFields(page: Page): Promise<void> {
  const spilling = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main .field .input')].flatMap((input) => {
      const field = input.closest('.field')!.getBoundingClientRect();
      const box = input.getBoundingClientRect();
      return box.right > field.right + 0.5 || box.left < field.left - 0.5 ? [`${input.id || input.tagName}: ${Math.round(box.width)} px in a ${Math.round(field.width)} px field`] : [];
    }));
  expect(spilling, 'controls wider than their field').toEqual([]);
}
