import { changelogPackage, parseChangeset } from './changelog';

describe('parseChangeset', () => {
  it('reads the bumps and the summary', () => {
    const change = parseChangeset('a.md', "---\n'@cited/ui': patch\n\"@cited/content\": minor\n---\n\nFixed a gap.\n");
    expect(change).toEqual({ file: 'a.md', bumps: { '@cited/ui': 'patch', '@cited/content': 'minor' }, summary: 'Fixed a gap.' });
  });

  it('says what it cannot read', () => {
    expect(() => parseChangeset('b.md', 'no frontmatter')).toThrow(/b\.md is not a changeset/);
    expect(() => parseChangeset('c.md', "---\n'@cited/ui': huge\n---\nx")).toThrow(/c\.md: cannot read/);
  });
});

describe('changelogPackage', () => {
  it('takes the package name from the first heading', () => {
    expect(changelogPackage('# @cited/ui\n\n## 0.1.0\n')).toBe('@cited/ui');
  });
});
