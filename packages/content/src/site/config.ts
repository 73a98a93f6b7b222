import { z } from 'zod';
import { readYamlFile } from '../config/yaml.js';
import { contactSchema } from '../people/registry.js';
import type { Diagnostic } from '../types.js';

const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });

/**
 * The site's identity (site.yml): what the header, footer, feed, sitemap, JSON-LD and /contact
 * say about who publishes. Optional fields stay absent rather than guessed.
 */
export const siteConfigSchema = z.strictObject({
  name: text,
  tagline: text,
  description: text,
  /** Canonical origin, e.g. https://blog.example.org (the blog's SITE_URL overrides it). */
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).transform((url) => url.replace(/\/+$/, '')),
  /** BCP 47 language tag of the articles. */
  locale: z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, { error: 'must be a language tag such as "en" or "en-US"' }),
  publisher: z.strictObject({
    name: text,
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    /** The people-registry id of the same organization, so its page and JSON-LD are one entity. */
    id: z.string().optional(),
  }),
  contact: contactSchema.extend({
    /** One sentence shown above the details (who answers, what about). */
    intro: text.optional(),
  }),
  footer: text,
  disclaimer: text,
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Reads site.yml. Every problem is a `site-config-invalid` error at its line and column. */
export function readSiteConfig(text: string, path: string): { config: SiteConfig | undefined; diagnostics: Diagnostic[] } {
  const { value, diagnostics } = readYamlFile(text, path, siteConfigSchema, 'site-config-invalid');
  return { config: value, diagnostics };
}
