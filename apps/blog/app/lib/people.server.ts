import { readPeopleRegistry, type PeopleRegistry, type PersonRecord } from '@cited/content';
import { watchedConfig } from './config-file.server';

/** people.yml (CITED_PEOPLE_FILE overrides the path): authors and reviewers by id. */
export const peopleRegistry: () => PeopleRegistry = watchedConfig((files) => files.peopleFile, 'people.yml', (text, file) => {
  const { registry, diagnostics } = readPeopleRegistry(text, file);
  return { value: registry, diagnostics };
});

export function personById(id: string | undefined): PersonRecord | undefined {
  return id ? peopleRegistry().get(id) : undefined;
}

/** What a byline needs: the name to show and where it links. */
export interface Byline {
  id: string;
  name: string;
  credentials?: string;
  href: string;
}

export function bylineFor(id: string | undefined): Byline | undefined {
  const person = personById(id);
  if (!person) return undefined;
  return {
    id: person.id,
    name: person.name,
    ...(person.type === 'person' && person.credentials ? { credentials: person.credentials } : {}),
    href: `/authors/${person.id}`,
  };
}
