// Instructor passwords, hashed with scrypt (a standard memory-hard KDF, in Node's crypto): a random salt per
// password, the cost parameters stored beside the hash so they can be raised later without breaking old ones.
import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

/** OWASP's recommended minimum for scrypt: N=2^17, r=8, p=1 (128 MiB, a few hundred ms). */
const COST = { log2N: 17, r: 8, p: 1 };
const KEY_BYTES = 32;
export const PASSWORD_MIN_LENGTH = 10;

const options = (log2N: number, r: number, p: number): crypto.ScryptOptions => ({
  N: 2 ** log2N,
  r,
  p,
  maxmem: 2 * 128 * 2 ** log2N * r,
});

/** `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const { log2N, r, p } = COST;
  const hash = await scrypt(password, salt, KEY_BYTES, options(log2N, r, p));
  return ['scrypt', log2N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, options(Number(log2N), Number(r), Number(p)));
  return crypto.timingSafeEqual(actual, expected);
}
