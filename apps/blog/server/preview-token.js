// @ts-check
// Signed, expiring preview links for drafts and scheduled articles: `?preview=<expiry>.<signature>`,
// the signature an HMAC-SHA256 of the slug and the expiry with CITED_PREVIEW_SECRET. Whoever has the
// link can read that one article until it expires; nobody can make one without the secret. Used by
// the app (app/lib/preview.server.ts) and by `npm run preview-link` (scripts/preview-link.js).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** A secret shorter than this is refused (preview links stay off): it could be guessed. */
export const minimumSecretLength = 32;
export const defaultPreviewDays = 7;

/**
 * The preview secret from the environment, or why preview links are off.
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ secret: string } | { off: string }}
 */
export function previewSecret(env = process.env) {
  const secret = env.CITED_PREVIEW_SECRET;
  if (!secret) return { off: 'CITED_PREVIEW_SECRET is not set' };
  if (secret.length < minimumSecretLength) return { off: `CITED_PREVIEW_SECRET is shorter than ${minimumSecretLength} characters` };
  return { secret };
}

/** @param {string} secret @param {string} slug @param {number} expires seconds since the epoch */
function sign(secret, slug, expires) {
  return createHmac('sha256', secret).update(`cited-preview\n${slug}\n${expires}`).digest('base64url');
}

/**
 * The token for one article, valid until `expiresAt`.
 * @param {{ secret: string; slug: string; expiresAt: Date }} options
 */
export function previewToken({ secret, slug, expiresAt }) {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${expires}.${sign(secret, slug, expires)}`;
}

/**
 * Whether a token opens this article now: well formed, signed with the secret for this slug, not expired.
 * @param {{ secret: string; slug: string; token: string; now: Date }} options
 */
export function previewTokenValid({ secret, slug, token, now }) {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(sign(secret, slug, expires));
  const given = Buffer.from(match[2] ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
