// `npm run preview-link -w @cited/blog -- <slug> [days]`: prints a signed preview link to a draft or
// scheduled article, valid for `days` (default 7), for a reviewer to read it on the live site.
// Needs the same CITED_PREVIEW_SECRET as the server (and SITE_URL for a full address).
import { defaultPreviewDays, previewSecret, previewToken } from '../server/preview-token.js';

const [slug, daysArg] = process.argv.slice(2);
const days = daysArg === undefined ? defaultPreviewDays : Number(daysArg);
if (!slug || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || !(days > 0 && days <= 90)) {
  console.error('Usage: npm run preview-link -w @cited/blog -- <slug> [days, 1-90, default 7]');
  process.exit(2);
}
const configured = previewSecret();
if ('off' in configured) {
  console.error(`Preview links are off: ${configured.off}. Set it to a long random value (e.g. \`openssl rand -hex 32\`) here and on the server.`);
  process.exit(1);
}
const expiresAt = new Date(Date.now() + days * 86_400_000);
const origin = (process.env.SITE_URL ?? '').replace(/\/+$/, '');
console.log(`${origin}/articles/${slug}?preview=${previewToken({ secret: configured.secret, slug, expiresAt })}`);
console.error(`Valid until ${expiresAt.toISOString()} for whoever has the link; not indexed, not cached by shared caches.`);
