import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { DomainError } from '../../domain/domain-error.js';

const SCRYPT = { N: 16_384, r: 8, p: 1, keyLength: 32 } as const;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, SCRYPT.keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Passwords are low-entropy, so they get a slow, salted hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Tokens carry 256 random bits, so a fast hash is enough to make a stolen table useless; the
 * recognisable prefix lets secret scanners and operators tell them apart.
 */
export function generateToken(kind: 'scim' | 'api' | 'session'): { secret: string; prefix: string; hash: string } {
  const secret = `roster_${kind}_${randomBytes(32).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, kind.length + 12), hash: hashToken(secret) };
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time comparison of a presented secret against a stored hash. */
export function tokenMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashToken(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const MIN_PASSWORD_LENGTH = 12;

export function assertPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('INVALID_INPUT', `Passwords need at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
