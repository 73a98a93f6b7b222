import { z } from 'zod';
import { isSafeHref } from './url.js';
import { referenceTypes } from './types.js';

/** URL-safe slug: lower-case letters and digits in hyphen-separated words. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const doiPattern = /^10\.\d{4,9}\/\S+$/;
export const pmidPattern = /^\d{1,9}$/;
export const referenceIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDateSchema = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .refine(isCalendarDate, { error: 'must be a real calendar date written YYYY-MM-DD' });

const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });
/** YAML turns `volume: 7` into a number; bibliographic fields are text. */
const textOrNumber = z
  .union([z.string(), z.number()], { error: 'must be text or a number' })
  .transform((value) => String(value).trim())
  .refine((value) => value !== '', { error: 'must not be empty' });

export const safeHrefSchema = z
  .string({ error: 'must be text' })
  .refine(isSafeHref, { error: 'must be an http(s), mailto: or tel: link, or a path on this site (/contact)' });

export const ctaSchema = z.strictObject({
  heading: text,
  body: text.optional(),
  href: safeHrefSchema,
  label: text,
});

const slugSchema = z.string({ error: 'must be text' }).regex(slugPattern, {
  error: 'must be URL-safe: lower-case letters, digits and single hyphens (e.g. "failed-back-surgery")',
});

/**
 * Frontmatter fields, validated one by one so a single bad field yields a precise diagnostic (and the
 * rest of the article still compiles). `references` is validated per entry by referenceFieldSchemas.
 */
export const metaFieldSchemas = {
  title: text,
  description: text,
  slug: slugSchema,
  /** Earlier URLs of the article (slugs), redirected to it with a 301: one slug or a list. */
  redirectFrom: z.union([slugSchema, z.array(slugSchema, { error: 'must be a slug or a list of slugs' })], { error: 'must be a slug or a list of slugs' }),
  category: text,
  tags: z.array(text, { error: 'must be a list of tags' }),
  published: isoDateSchema,
  updated: isoDateSchema,
  author: text,
  reviewedBy: text,
  lastReviewed: isoDateSchema,
  nextReviewDue: isoDateSchema,
  cta: ctaSchema,
  /** A conflict of interest in plain words (see disclosure-missing): shown by the byline, and in the JSON-LD. */
  disclosure: text,
  draft: z.boolean({ error: 'must be true or false' }),
  references: z.array(z.unknown(), { error: 'must be a list of references' }),
  bibliography: z.union([text, z.array(text)], { error: 'must be a file path or a list of file paths' }),
} as const;

export type MetaField = keyof typeof metaFieldSchemas;
export const requiredMetaFields = ['title', 'description', 'category', 'published'] as const satisfies readonly MetaField[];
export const dateMetaFields = new Set<MetaField>(['published', 'updated', 'lastReviewed', 'nextReviewDue']);

export const referenceFieldSchemas = {
  id: z.string({ error: 'must be text' }).regex(referenceIdPattern, {
    error: 'must start with a letter or digit and contain only letters, digits, ".", "_" or "-"',
  }),
  type: z.enum(referenceTypes, { error: `must be one of ${referenceTypes.join(', ')}` }),
  authors: z.array(text, { error: 'must be a list of "Family Initials" strings' }),
  title: text,
  journal: text,
  year: z.union([z.number().int().min(1000).max(9999), z.string().regex(/^\d{4}[a-z]?$/)], {
    error: 'must be a four-digit year',
  }),
  month: textOrNumber,
  volume: textOrNumber,
  issue: textOrNumber,
  pages: textOrNumber,
  doi: z.string({ error: 'must be text' }).trim().regex(doiPattern, {
    error: 'must look like 10.NNNN/suffix (without "https://doi.org/" or "doi:")',
  }),
  pmid: textOrNumber.refine((value) => pmidPattern.test(value), { error: 'must be digits only' }),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  /** Shown to readers after the reference. */
  note: text,
  /** For editors only: never rendered, never in the JSON-LD or the search index (dropped by the compile). */
  editorNote: text,
} as const;

export type ReferenceField = keyof typeof referenceFieldSchemas;
