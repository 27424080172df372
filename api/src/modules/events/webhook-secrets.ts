import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Endpoint secrets must be usable (they sign every request), so they cannot be hashed: they are
 * encrypted with AES-256-GCM under a key that never enters the database. A dump of the database
 * alone therefore cannot forge a signature; the key and the dump together can.
 */
export interface SecretBox {
  seal(secret: string): string;
  open(sealed: string): string;
}

const VERSION = 'v1';

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('WEBHOOK_SECRET_KEY must be 32 bytes (base64)');
  return {
    seal(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || !body) throw new Error('unreadable webhook secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export const generateWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

const KEY_FILE = 'webhook-secret.key';

/**
 * The configured key, else one generated once into the data directory (mode 0600) the way the
 * embedded database keeps its files there. Replicas sharing a database must share the key.
 */
export function loadSecretKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'base64');
  const path = join(dataDir, KEY_FILE);
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64');
  try {
    writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    throw error;
  }
  return Buffer.from(key, 'base64');
}

const boxes = new Map<string, SecretBox>();

/**
 * The deployment's secret box, built once per key source (services are built per request). The
 * key is read or generated on first use, so a deployment without webhooks never writes one.
 */
export function secretBoxFor(config: { events: { secretKey: string | undefined }; dataDir: string }): SecretBox {
  const source = config.events.secretKey ?? `file:${config.dataDir}`;
  let box = boxes.get(source);
  if (!box) {
    let inner: SecretBox | undefined;
    const load = () => (inner ??= createSecretBox(loadSecretKey(config.events.secretKey, config.dataDir)));
    box = { seal: (secret) => load().seal(secret), open: (sealed) => load().open(sealed) };
    boxes.set(source, box);
  }
  return box;
}
