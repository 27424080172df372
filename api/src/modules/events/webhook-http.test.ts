import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isPublicAddress, publicOnlyLookup } from './webhook-address.js';
import { MAX_RESPONSE_BYTES, postWebhook, refusedUrl } from './webhook-http.js';

describe('webhook URLs', () => {
  it.each([
    ['http://example.com/hook', 'must use https'],
    ['https://127.0.0.1/hook', 'loopback'],
    ['https://localhost/hook', 'loopback'],
    ['https://10.1.2.3/hook', 'private'],
    ['https://192.168.0.10/hook', 'private'],
    ['https://172.20.0.1/hook', 'private'],
    ['https://169.254.169.254/latest/meta-data', 'link-local'],
    ['https://[::1]/hook', 'loopback'],
    ['https://[fe80::1]/hook', 'link-local'],
    ['https://[::ffff:127.0.0.1]/hook', 'loopback'],
    ['https://user:pw@example.com/hook', 'credentials'],
    ['ftp://example.com/hook', 'https'],
    ['not a url', 'not a URL'],
  ])('refuses %s', (url, reason) => {
    expect(refusedUrl(url, false)).toMatch(new RegExp(reason.split(' ')[0]!));
  });

  it('accepts public https URLs, and loopback http only when insecure targets are allowed', () => {
    expect(refusedUrl('https://hooks.example.com/roster', false)).toBeUndefined();
    expect(refusedUrl('https://93.184.216.34/roster', false)).toBeUndefined();
    expect(refusedUrl('http://127.0.0.1:8080/hook', true)).toBeUndefined();
  });

  it('judges addresses, IPv4-mapped IPv6 included', () => {
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('2606:4700::1111')).toBe(true);
    for (const address of ['127.0.0.1', '10.0.0.1', '100.64.0.1', '::1', 'fc00::1', '::ffff:10.0.0.1', '0.0.0.0']) {
      expect(isPublicAddress(address)).toBe(false);
    }
  });

  it('refuses at lookup time a name that resolves to a loopback address', async () => {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => publicOnlyLookup('localhost', {}, (e) => resolve(e)));
    expect(error?.code).toBe('EADDRNOTPUBLIC');
  });
});

describe('postWebhook', () => {
  async function withServer(handler: Parameters<typeof createServer>[1], work: (url: string, hits: () => number) => Promise<void>) {
    let hits = 0;
    const server = createServer((req, res) => {
      hits += 1;
      handler!(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await work(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, () => hits);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('does not follow a redirect', async () => {
    await withServer((_req, res) => res.writeHead(302, { location: '/elsewhere' }).end(), async (url, hits) => {
      const attempt = await postWebhook(url, {}, '{}', true);
      expect(attempt.statusCode).toBe(302);
      expect(hits()).toBe(1);
    });
  });

  it('reads at most 64 KB of an answer and keeps the start of it', async () => {
    await withServer((_req, res) => {
      res.writeHead(200);
      res.write('a'.repeat(MAX_RESPONSE_BYTES));
      // A receiver that never ends its body: the read stops at the limit anyway.
    }, async (url) => {
      const attempt = await postWebhook(url, {}, '{}', true);
      expect(attempt.statusCode).toBe(200);
      expect(attempt.responseBody).toHaveLength(2048);
    });
  });

  it('refuses a loopback target when insecure targets are not allowed, without connecting', async () => {
    await withServer((_req, res) => res.end(), async (url, hits) => {
      const attempt = await postWebhook(url, {}, '{}', false);
      expect(attempt).toMatchObject({ statusCode: null, error: 'URL must use https' });
      expect(hits()).toBe(0);
    });
  });
});
