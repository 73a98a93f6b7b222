export { readPeopleRegistry, peopleRegistrySchema, personSchema, organizationSchema, contactSchema } from './registry.js';
export type { Contact, Organization, PeopleRegistry, Person, PersonRecord } from './registry.js';
export { checkPersonIds, personFields } from './check.js';
