import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../api/test/harness.js';
import { seedCompany, type SeededCompany } from '../../api/test/seed.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../api/test/webhook-receiver.js';
import { expectNoSeriousViolations } from './axe.js';
import { buildConsole, openBrowser, readClipboard, screenshot, signIn, type Browser } from './browser-harness.js';
import { expectPhoneFriendly, PHONE } from './layout-checks.js';
import { provisionUser } from './scim-api.js';

const WEBHOOKS = '/it-settings/iam/scim2/webhooks';
const DESKTOP = { width: 1280, height: 900 };

async function settle(ms: number) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

const deliveryRows = (page: Page) => page.getByTestId('webhook-delivery-row');

describe('Webhooks tab (real server, real browser, real receiver)', () => {
  let t: TestApp;
  let browser: Browser;
  let acme: SeededCompany;
  let receiver: WebhookReceiver;
  let secret = '';
  let oldSecret = '';

  beforeAll(async () => {
    const dist = await buildConsole();
    t = await startTestApp(
      {
        WEBHOOK_ALLOW_INSECURE: 'true',
        WEBHOOK_RETRY_BASE_MS: '50',
        WEBHOOK_RETRY_MAX_MS: '100',
        WEBHOOK_MAX_ATTEMPTS: '2',
        WEBHOOK_POLL_MS: '100',
        WEBHOOK_DISABLE_AFTER_FAILURES: '2',
      },
      { consoleDist: dist },
    );
    acme = await seedCompany(t);
    receiver = await startWebhookReceiver();
    browser = await openBrowser(t.baseUrl);
    await signIn(browser.page, t.baseUrl, acme.email, acme.password, '/it-settings/iam/scim2');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await t?.close();
  });

  it('adds an endpoint by keyboard from the Webhooks tab and shows its secret once, with a copy icon', async () => {
    const { page } = browser;
    await page.getByTestId('tab-webhooks').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${WEBHOOKS}`);
    expect(await page.getByTestId('tab-webhooks').getAttribute('aria-current')).toBe('page');
    await page.getByText('No endpoints yet').waitFor();

    await page.getByRole('button', { name: 'Add endpoint' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('add-webhook-dialog');
    await form.waitFor();
    await page.keyboard.press('Enter'); // submit empty: refused in place
    expect(await form.getByRole('alert').textContent()).toMatch(/Enter the URL/);
    await page.keyboard.type(receiver.url);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Host app directory sync');
    await form.getByLabel('Only the types chosen below').check();
    await form.getByLabel('user.created').check();
    await form.getByLabel('user.deleted').check();
    await expectNoSeriousViolations(page);
    await form.getByRole('button', { name: 'Add endpoint' }).click();

    const created = page.getByTestId('webhook-created-dialog');
    await created.waitFor();
    expect(await created.textContent()).toContain('It will not be shown again.');
    secret = (await created.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    await created.getByRole('button', { name: 'Copy signing secret' }).click();
    expect(await readClipboard(page)).toBe(secret);
    await screenshot(page, 'webhooks-secret-once');
    await created.getByRole('button', { name: 'Done' }).click();
    await created.waitFor({ state: 'detached' });
    expect(await page.getByText(secret).count()).toBe(0);

    const row = page.getByTestId('webhook-endpoint-row');
    await row.waitFor();
    expect(await row.textContent()).toContain('user.created, user.deleted');
    expect(await row.getByTestId('endpoint-status').getAttribute('data-enabled')).toBe('true');
  });

  it('sends a test event: the receiver verifies it and the delivery shows 200', async () => {
    const { page } = browser;
    await page.getByTestId('webhook-endpoint-row').getByRole('link').click();
    await page.getByTestId('webhook-endpoint').waitFor();
    await page.getByRole('button', { name: 'Send test event' }).click();
    const [test] = await receiver.waitFor(1);
    expect(receiver.verify(test!, secret)).toMatchObject({ type: 'webhook.test' });
    const row = deliveryRows(page).first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('SUCCEEDED');
    expect(await row.getAttribute('data-event-id')).toBe(test!.headers['webhook-id']);
    expect(await row.getByTestId('delivery-status').textContent()).toBe('Delivered · 200');
    expect(await row.locator('td[data-label="Attempts"]').textContent()).toBe('1');
    expect(await row.locator('td[data-label="Duration"]').textContent()).toMatch(/^\d+ ms$|^\d+\.\d s$/);
  });

  it('shows a delivery the receiver refused as failed, and redelivers it once the receiver is back', async () => {
    const { page } = browser;
    receiver.answerWith(() => ({ status: 500, body: 'receiver broke' }));
    await page.getByRole('button', { name: 'Send test event' }).click();
    const failed = deliveryRows(page).first();
    await expect.poll(() => failed.getAttribute('data-status'), { timeout: 15_000 }).toBe('FAILED');
    expect(await failed.getByTestId('delivery-status').textContent()).toBe('Failed · 500');
    expect(await failed.textContent()).toContain('receiver broke');
    expect(await failed.locator('td[data-label="Attempts"]').textContent()).toBe('2');
    const failedId = await failed.getAttribute('data-event-id');
    expect(receiver.received.slice(1).every((request) => request.headers['webhook-id'] === failedId)).toBe(true);

    await page.getByLabel('Failed only').check();
    await expect.poll(() => deliveryRows(page).count()).toBe(1);
    expect(await deliveryRows(page).first().getAttribute('data-event-id')).toBe(failedId);
    await screenshot(page, 'webhooks-failed-only');

    receiver.answerWith(() => ({ status: 200, body: 'ok' }));
    const before = receiver.received.length;
    await deliveryRows(page).first().getByRole('button', { name: /^Redeliver/ }).click();
    const received = await receiver.waitFor(before + 1);
    const again = received[before]!;
    expect(again.headers['webhook-id']).toBe(failedId);
    expect(receiver.verify(again, secret)).toMatchObject({ type: 'webhook.test' });
    await page.getByLabel('Failed only').uncheck();
    const newest = deliveryRows(page).first();
    await expect.poll(() => newest.getAttribute('data-status'), { timeout: 15_000 }).toBe('SUCCEEDED');
    expect(await newest.getAttribute('data-event-id')).toBe(failedId);
    expect(await newest.textContent()).toContain('Sent by hand');
  });

  it('rotates the secret: shown once, and the next delivery verifies with the new secret and the old', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const confirm = page.getByTestId('rotate-webhook-dialog');
    expect(await confirm.textContent()).toContain('keeps signing beside the new one for 24 hours');
    await confirm.getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = page.getByTestId('webhook-rotated-dialog');
    await rotated.waitFor();
    expect(await rotated.getByTestId('rotation-overlap').textContent()).toMatch(/for 24 hours \(until .+\)/);
    oldSecret = secret;
    secret = (await rotated.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(oldSecret);
    await rotated.getByRole('button', { name: 'Copy signing secret' }).click();
    expect(await readClipboard(page)).toBe(secret);
    await rotated.getByRole('button', { name: 'Done' }).click();
    await page.getByTestId('previous-secret').waitFor();

    const before = receiver.received.length;
    await page.getByRole('button', { name: 'Send test event' }).click();
    const request = (await receiver.waitFor(before + 1))[before]!;
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(receiver.verify(request, secret)).toMatchObject({ type: 'webhook.test' });
    expect(receiver.verify(request, oldSecret)).toMatchObject({ type: 'webhook.test' });
  });

  it('delivers a SCIM write as user.created, verified, and lists it', async () => {
    const { page } = browser;
    const before = receiver.received.length;
    expect((await provisionUser(acme, 'hooked@example.test')).status).toBe(201);
    const request = (await receiver.waitFor(before + 1))[before]!;
    expect(receiver.verify(request, secret)).toMatchObject({ type: 'user.created', data: { userName: 'hooked@example.test' } });
    await page.reload();
    const row = deliveryRows(page).filter({ hasText: 'user.created' });
    await expect.poll(() => row.first().getAttribute('data-status')).toBe('SUCCEEDED');
    expect(await row.first().getAttribute('data-event-id')).toBe(request.headers['webhook-id']);
  });

  it('works at 390 px without serious axe violations', async () => {
    const { page } = browser;
    await page.setViewportSize(PHONE);
    try {
      await page.reload();
      await deliveryRows(page).first().waitFor();
      await expectPhoneFriendly(page);
      await expectNoSeriousViolations(page);
      await screenshot(page, 'webhooks-endpoint-phone');
      await page.goto(`${t.baseUrl}${WEBHOOKS}`);
      await page.getByTestId('webhook-endpoint-row').waitFor();
      await expectPhoneFriendly(page);
      await expectNoSeriousViolations(page);
    } finally {
      await page.setViewportSize(DESKTOP);
    }
    await page.getByTestId('webhook-endpoint-row').getByRole('link').click();
    await page.getByTestId('webhook-endpoint').waitFor();
  });

  it('pages through deliveries past the first page', async () => {
    const { page } = browser;
    const before = receiver.received.length;
    for (let i = 0; i < 21; i += 1) expect((await provisionUser(acme, `page-${i}@example.test`)).status).toBe(201);
    await receiver.waitFor(before + 21);
    await page.reload();
    await expect.poll(() => deliveryRows(page).count()).toBe(20);
    const firstPage = await deliveryRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-event-id')));
    const deliveries = page.getByTestId('webhook-deliveries');
    await deliveries.getByRole('button', { name: 'Next' }).click();
    await expect.poll(async () => (await deliveryRows(page).first().getAttribute('data-event-id')) !== firstPage[0]).toBe(true);
    const secondPage = await deliveryRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-event-id')));
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    await deliveries.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => deliveryRows(page).first().getAttribute('data-event-id')).toBe(firstPage[0]);
  });

  it('disables after a confirmation (nothing is sent), and enabling sends what waited', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Disable' }).click();
    const dialog = page.getByTestId('disable-webhook-dialog');
    await dialog.getByRole('button', { name: 'Disable endpoint' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('webhook-endpoint').getByTestId('endpoint-status').getAttribute('data-enabled')).toBe('false');
    expect(await page.getByTestId('webhook-endpoint').getByTestId('endpoint-status').textContent()).toContain('Disabled by an operator');

    expect(await page.getByRole('button', { name: 'Send test event' }).isDisabled()).toBe(true);

    const before = receiver.received.length;
    expect((await provisionUser(acme, 'while-off@example.test')).status).toBe(201);
    await settle(1_500);
    expect(receiver.received.length).toBe(before);

    await page.getByRole('button', { name: 'Enable' }).click();
    const [resumed] = (await receiver.waitFor(before + 1)).slice(before);
    expect(receiver.verify(resumed!, secret)).toMatchObject({ type: 'user.created', data: { userName: 'while-off@example.test' } });
    await expect.poll(() => page.getByTestId('webhook-endpoint').getByTestId('endpoint-status').getAttribute('data-enabled')).toBe('true');
  });

  it('deletes the endpoint after a confirmation; nothing is sent to it afterwards', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByTestId('delete-webhook-dialog');
    expect(await dialog.textContent()).toContain('cannot be undone');
    await dialog.getByRole('button', { name: 'Delete endpoint' }).click();
    await page.waitForURL(`**${WEBHOOKS}`);
    await page.getByText('No endpoints yet').waitFor();
    const before = receiver.received.length;
    expect((await provisionUser(acme, 'after-delete@example.test')).status).toBe(201);
    await settle(1_000);
    expect(receiver.received.length).toBe(before);
  });

  it('says so when Roster disabled an endpoint after repeated failures', async () => {
    const other = await seedCompany(t);
    const refusing = await startWebhookReceiver();
    try {
      refusing.answerWith(() => ({ status: 503, body: 'down' }));
      const { endpoint } = await t.services().webhooks.createEndpoint(other.companyId, { url: refusing.url, eventTypes: ['user.created'] });
      for (const name of ['f1@example.test', 'f2@example.test']) expect((await provisionUser(other, name)).status).toBe(201);
      await refusing.waitFor(4);
      const { page } = browser;
      await signIn(page, t.baseUrl, other.email, other.password, `${WEBHOOKS}/${endpoint.id}`);
      const notice = page.getByTestId('disabled-after-failures');
      // isVisible() does not wait: each reload must first show the endpoint it loaded.
      await expect.poll(async () => {
        await page.reload();
        await page.getByTestId('webhook-endpoint').waitFor();
        return notice.isVisible();
      }, { timeout: 15_000 }).toBe(true);
      expect(await notice.textContent()).toMatch(/Roster disabled this endpoint: Disabled after 2 deliveries in a row failed every attempt/);
      expect(await page.getByTestId('webhook-endpoint').getByTestId('endpoint-status').textContent()).toContain('Disabled after failures');
      await page.goto(`${t.baseUrl}${WEBHOOKS}`);
      expect(await page.getByTestId('webhook-endpoint-row').getByTestId('endpoint-status').textContent()).toContain('Disabled after failures');
      await screenshot(page, 'webhooks-disabled-after-failures');
    } finally {
      await refusing.close();
    }
  });

  it('shows an iam:read operator no endpoints, only who manages them', async () => {
    const reader = await seedCompany(t, { permissions: ['iam:read'] });
    const { page } = browser;
    await signIn(page, t.baseUrl, reader.email, reader.password, WEBHOOKS);
    await page.getByTestId('webhooks-read-only').waitFor();
    expect(await page.getByRole('button', { name: 'Add endpoint' }).count()).toBe(0);
    await expectNoSeriousViolations(page);
  });
});
