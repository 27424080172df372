import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, host: '127.0.0.1', publicUrl: 'http://localhost:4000', scimEnabled: true });
    expect(config.databaseUrl).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every invalid variable in one message', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'x', SCIM_ENABLED: 'maybe', DATABASE_URL: 'mysql://h/db', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    for (const name of ['PORT', 'SCIM_ENABLED', 'DATABASE_URL', 'LOG_LEVEL']) expect(message).toContain(name);
  });

  it('strips a trailing slash from PUBLIC_URL and marks https as secure', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://roster.example.com/', SCIM_ENABLED: 'false' });
    expect(config.publicUrl).toBe('https://roster.example.com');
    expect(config.secureCookies).toBe(true);
    expect(config.scimEnabled).toBe(false);
  });

  it('keeps metrics on a loopback port of their own, and the access log on, by default', () => {
    expect(loadConfig({})).toMatchObject({ metricsPort: 9464, metricsHost: '127.0.0.1', metricsToken: undefined, accessLog: true });
    expect(loadConfig({ ACCESS_LOG: 'false', METRICS_PORT: '9100' })).toMatchObject({ accessLog: false, metricsPort: 9100 });
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('runs one process unless WORKERS asks for more; auto means one per core', async () => {
    const { availableParallelism } = await import('node:os');
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBe(availableParallelism());
    for (const bad of ['0', 'many', '1.5']) expect(() => loadConfig({ WORKERS: bad })).toThrow(/WORKERS/);
  });
});
