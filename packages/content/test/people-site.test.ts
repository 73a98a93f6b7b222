import { describe, expect, it } from 'vitest';
import { checkPersonIds, readPeopleRegistry, readSiteConfig } from '../src/index.js';
import { article } from './helpers.js';

const peopleYaml = `clinic:
  type: organization
  name: Example Clinic
jane-doe:
  type: person
  name: Jane Doe
  credentials: MD
  role: Medical reviewer
`;

describe('people registry', () => {
  it('reads people and organizations with their ids', () => {
    const { registry, diagnostics } = readPeopleRegistry(peopleYaml, 'people.yml');
    expect(diagnostics).toEqual([]);
    expect(registry?.get('clinic')).toEqual({ id: 'clinic', type: 'organization', name: 'Example Clinic' });
    expect(registry?.get('jane-doe')).toMatchObject({ type: 'person', credentials: 'MD' });
  });

  it('reports a bad entry at its line and column', () => {
    const { registry, diagnostics } = readPeopleRegistry('clinic:\n  type: organization\n  name: X\nbob:\n  type: robot\n  name: Bob\n', 'people.yml');
    expect(registry).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'people-invalid', severity: 'error', file: 'people.yml', line: 5, column: 9 })]);
    expect(readPeopleRegistry('a:\n  type: person\n  name: A\n  phone: 1\n', 'p.yml').diagnostics[0]).toMatchObject({ line: 2, message: expect.stringContaining('phone') });
    expect(readPeopleRegistry('a: [', 'p.yml').diagnostics[0]?.message).toMatch(/Invalid YAML/);
    // In plain words and at the mistake, as for an article's frontmatter: not the parser's "Nested mappings are not allowed in compact mappings".
    const colon = readPeopleRegistry('jane-roe:\n  type: person\n  name: Dr: Jane Roe\n', 'p.yml').diagnostics;
    expect(colon).toHaveLength(1);
    expect(colon[0]).toMatchObject({ line: 3, ruleId: 'people-invalid' });
    expect(colon[0]?.message).not.toContain('compact mappings');
    expect(colon[0]?.message).toMatch(/^Invalid YAML: .*quotes/);
    // Free text in a block scalar (a bio) is no mistake: the error is the bracket left open below it.
    const text = 'jane-roe:\n  type: person\n  name: Jane Roe\n  bio: >-\n    Note: see: below.\n       An indented line.\n  sameAs: [https://example.org\n';
    const [open] = readPeopleRegistry(text, 'p.yml').diagnostics;
    expect(open).toMatchObject({ line: 7, column: 11 });
    expect(open?.message).toContain('is opened here but never closed');
  });

  it('person-unknown: an author id not in the registry is an error at the value', () => {
    const { registry } = readPeopleRegistry(peopleYaml, 'people.yml');
    const source = article('Text.:cite[a2020]', 'author: clinc\nreviewedBy: jane-doe\n');
    const diagnostics = checkPersonIds(source, 'a.md', registry!);
    expect(diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'person-unknown', severity: 'error', file: 'a.md', line: 6, column: 9 }),
    ]);
    expect(diagnostics[0]?.message).toContain('"clinc"');
    expect(diagnostics[0]?.message).toContain('clinic, jane-doe');
    expect(checkPersonIds(article('x', 'author: clinic\n'), 'a.md', registry!)).toEqual([]);
    expect(checkPersonIds('no frontmatter', 'a.md', registry!)).toEqual([]);
  });
});

const siteYaml = `name: Example
tagline: Evidence, plainly
description: Articles.
url: https://example.org/
locale: en-US
publisher:
  name: Example Clinic
contact:
  email: hello@example.org
footer: About us.
disclaimer: Not advice.
`;

describe('site config', () => {
  it('reads a valid config, trimming the URL', () => {
    const { config, diagnostics } = readSiteConfig(siteYaml, 'site.yml');
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({ url: 'https://example.org', contact: { email: 'hello@example.org' } });
  });

  it('site-config-invalid: missing or wrong fields at their position', () => {
    const { config, diagnostics } = readSiteConfig(siteYaml.replace('hello@example.org', 'not-an-email').replace('name: Example\n', ''), 'site.yml');
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => [d.ruleId, d.line])).toEqual(
      expect.arrayContaining([
        ['site-config-invalid', 1],
        ['site-config-invalid', 8],
      ]),
    );
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/`name`[\s\S]*`contact.email`/);
  });
});
