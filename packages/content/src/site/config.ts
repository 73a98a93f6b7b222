import { z } from 'zod';
import { readYamlFile } from '../config/yaml.js';
import { contactSchema } from '../people/registry.js';
import { careLevels } from '../plugins/care.js';
import type { Diagnostic } from '../types.js';
import { taxonomySlug } from './taxonomy.js';

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
  /**
   * The number readers call in an emergency where the site's readers are ("911" in the US, "999" in
   * the UK): emergency care cards show it as a link. Absent: no number is shown, never a guessed one.
   */
  emergencyNumber: z
    .string({ error: 'must be text, e.g. "911" (quoted)' })
    .trim()
    .regex(/^\+?\d[\d ]{1,15}$/, { error: 'must be a telephone number such as "911" or "999"' })
    .optional(),
  /**
   * The site's categories: an article's `category` must be one of them (category-unknown), and a
   * category page shows its description. Absent: any category is accepted, as before.
   */
  categories: z
    .array(
      z
        .strictObject({
          name: text,
          /** The URL segment (`/category/<slug>`): the name in lower case with dashes, written out so editors see it. */
          slug: z.string({ error: 'must be text' }).optional(),
          description: text,
        })
        .check((context) => {
          const { name, slug } = context.value;
          if (slug !== undefined && slug !== taxonomySlug(name)) {
            context.issues.push({ code: 'custom', input: slug, path: ['slug'], message: `must be "${taxonomySlug(name)}", the URL segment of "${name}" (or leave it out)` });
          }
        }),
    )
    .check((context) => {
      const seen = new Map<string, number>();
      context.value.forEach((category, index) => {
        const slug = taxonomySlug(category.name);
        const first = seen.get(slug);
        if (first === undefined) seen.set(slug, index);
        else context.issues.push({ code: 'custom', input: category.name, path: [index, 'name'], message: `is the same category as entry ${first + 1} ("${context.value[first]?.name}")` });
      });
    })
    .optional(),
  /** Care cards the articles of some categories must have (care-card-missing). */
  careCards: z
    .strictObject({
      require: z.array(
        z.strictObject({
          /** Category names as written in the articles (case does not matter). */
          categories: z.array(text).min(1, { error: 'must name at least one category' }),
          /** Any card of one of these levels satisfies the rule. */
          level: z.union([z.enum(careLevels), z.array(z.enum(careLevels)).min(1)], {
            error: `must be ${careLevels.join(', ')} or a list of them`,
          }),
        }),
      ),
    })
    .optional(),
  /** `required: true`: an article without a medical reviewer is an error (reviewer-missing). */
  review: z.strictObject({ required: z.boolean({ error: 'must be true or false' }) }).optional(),
  readability: z
    .strictObject({
      /** Words the site cannot avoid (medical terms): never counted as hard words. */
      allow: z.array(text).optional(),
      /** Highest acceptable Flesch–Kincaid grade (default 8). */
      targetGrade: z.number({ error: 'must be a number' }).positive().optional(),
    })
    .optional(),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Reads site.yml. Every problem is a `site-config-invalid` error at its line and column. */
export function readSiteConfig(text: string, path: string): { config: SiteConfig | undefined; diagnostics: Diagnostic[] } {
  const { value, diagnostics } = readYamlFile(text, path, siteConfigSchema, 'site-config-invalid');
  return { config: value, diagnostics };
}
