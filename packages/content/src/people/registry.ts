import { z } from 'zod';
import { readYamlFile } from '../config/yaml.js';
import { slugPattern } from '../schema.js';
import type { Diagnostic } from '../types.js';

const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/**
 * Contact details an organization publishes. Every field is optional: the registry holds what is
 * known and pages show only that, never a made-up address.
 */
export const contactSchema = z.strictObject({
  email: z.email({ error: 'must be an email address' }).optional(),
  telephone: text.optional(),
  address: text.optional(),
  url: httpUrl.optional(),
});

export const personSchema = z.strictObject({
  type: z.literal('person'),
  name: text,
  /** Post-nominal letters as the person writes them ("MD", "PT, DPT"). */
  credentials: text.optional(),
  /** What they do for the articles ("Physiatrist, medical reviewer"). */
  role: text.optional(),
  bio: text.optional(),
  url: httpUrl.optional(),
  /** Treatments or services they sell: an article discussing one needs a disclosure (disclosure-missing). */
  offers: z.array(text, { error: 'must be a list of treatments or services' }).optional(),
});

export const organizationSchema = z.strictObject({
  type: z.literal('organization'),
  name: text,
  description: text.optional(),
  url: httpUrl.optional(),
  contact: contactSchema.optional(),
  /** Treatments or services it sells: an article discussing one needs a disclosure (disclosure-missing). */
  offers: z.array(text, { error: 'must be a list of treatments or services' }).optional(),
});

export const peopleRegistrySchema = z.record(
  z.string().regex(slugPattern, { error: 'ids must be lower-case letters, digits and single hyphens' }),
  z.discriminatedUnion('type', [personSchema, organizationSchema], {
    error: 'must have `type: person` or `type: organization`',
  }),
);

export type Person = z.infer<typeof personSchema>;
export type Organization = z.infer<typeof organizationSchema>;
export type Contact = z.infer<typeof contactSchema>;
/** A registry entry with its id. */
export type PersonRecord = (Person | Organization) & { id: string };
export type PeopleRegistry = ReadonlyMap<string, PersonRecord>;

/** Reads people.yml (id → person or organization). Invalid entries are `people-invalid` errors. */
export function readPeopleRegistry(
  text: string,
  path: string,
): { registry: PeopleRegistry | undefined; diagnostics: Diagnostic[] } {
  const { value, diagnostics } = readYamlFile(text, path, peopleRegistrySchema, 'people-invalid');
  if (!value) return { registry: undefined, diagnostics };
  const registry = new Map<string, PersonRecord>();
  for (const [id, record] of Object.entries(value)) registry.set(id, { ...record, id });
  return { registry, diagnostics };
}
