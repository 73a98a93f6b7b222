/**
 * Malformed article files, built in code because some are too big (10 MB) or not text at all
 * (invalid UTF-8, zero bytes) to keep as fixtures. Each is reported by `content:check` with a
 * position, and takes down nothing but its own URL.
 */
const VALID_META = [
  'title: "Malformed fixture"',
  'description: "A fixture for the malformed-article tests."',
  'category: "Malformed"',
  'published: 2024-05-01',
];

/** @param {string[]} frontmatter @param {string} [body] @returns {string} */
function doc(frontmatter, body = 'A paragraph.\n') {
  return ['---', ...frontmatter, '---', '', body].join('\n');
}

/**
 * @typedef {object} MalformedCase
 * @property {string} name File name without .md; also the URL slug the blog falls back to.
 * @property {string} description
 * @property {() => Buffer} bytes
 * @property {number} [errorLine] Line the first error diagnostic must point at, when it is knowable.
 * @property {boolean} [mayPass] A case that may legitimately be published (e.g. deep nesting rendered flat); otherwise it must be reported.
 */

/** @param {string} value */
const text = (value) => () => Buffer.from(value, 'utf8');
/** @param {string} name @param {string[]} [extra] */
const withSlug = (name, extra = []) => [...VALID_META, `slug: ${name}`, ...extra];

/** @type {MalformedCase[]} */
export const malformedCases = [
  { name: 'yaml-unclosed-flow', description: 'broken YAML: unclosed [', bytes: text(doc(['title: [unclosed', ...VALID_META.slice(1), 'slug: yaml-unclosed-flow'])), errorLine: 2 },
  {
    name: 'yaml-bad-indentation',
    description: 'broken YAML: bad indentation',
    bytes: text(doc([...withSlug('yaml-bad-indentation'), 'tags:', '  - a', ' - b'])),
  },
  { name: 'yaml-tab-indent', description: 'broken YAML: tab indentation', bytes: text(doc([...withSlug('yaml-tab-indent'), 'cta:', '\theading: x'])) },
  { name: 'yaml-duplicate-key', description: 'duplicate YAML key', bytes: text(doc([...withSlug('yaml-duplicate-key'), 'title: "again"'])), errorLine: 7 },
  { name: 'yaml-sequence', description: 'frontmatter that is a list, not a mapping', bytes: text(doc(['- a', '- b'])), errorLine: 2 },
  {
    name: 'yaml-alias-bomb',
    description: 'billion-laughs YAML aliases',
    bytes: text(
      doc([
        ...withSlug('yaml-alias-bomb'),
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
        'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
        'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
        'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
        'tags: *g',
      ]),
    ),
  },
  { name: 'yaml-custom-tag', description: 'YAML with a JS-type tag', bytes: text(doc([...withSlug('yaml-custom-tag'), 'tags: !!js/function "function(){ return 1 }"'])) },
  { name: 'unterminated-frontmatter', description: 'frontmatter never closed', bytes: text(['---', ...withSlug('unterminated-frontmatter'), '', 'Body.'].join('\n')), errorLine: 1 },
  { name: 'no-frontmatter', description: 'no frontmatter at all', bytes: text('# Just markdown\n\nNo metadata.\n'), errorLine: 1 },
  { name: 'wrong-type-title', description: 'title is a number', bytes: text(doc(['title: 42', ...VALID_META.slice(1), 'slug: wrong-type-title'])), errorLine: 2 },
  { name: 'wrong-type-tags', description: 'tags is a mapping', bytes: text(doc([...withSlug('wrong-type-tags'), 'tags: {a: 1}'])), errorLine: 7 },
  { name: 'wrong-type-published', description: 'published is not a date', bytes: text(doc([...VALID_META.slice(0, 3), 'published: next tuesday', 'slug: wrong-type-published'])), errorLine: 5 },
  { name: 'impossible-date', description: 'published is 2024-13-45', bytes: text(doc([...VALID_META.slice(0, 3), 'published: 2024-13-45', 'slug: impossible-date'])), errorLine: 5 },
  { name: 'wrong-type-references', description: 'references is a string', bytes: text(doc([...withSlug('wrong-type-references'), 'references: "see below"'])), errorLine: 7 },
  { name: 'wrong-type-reference-entry', description: 'a reference that is a number', bytes: text(doc([...withSlug('wrong-type-reference-entry'), 'references:', '  - 42'])) },
  { name: 'wrong-type-cta', description: 'cta is a string', bytes: text(doc([...withSlug('wrong-type-cta'), 'cta: "click here"'])), errorLine: 7 },
  { name: 'missing-title', description: 'no title', bytes: text(doc([...VALID_META.slice(1), 'slug: missing-title'])) },
  { name: 'missing-everything', description: 'empty frontmatter', bytes: text(doc([])) },
  { name: 'missing-published', description: 'no published date', bytes: text(doc([...VALID_META.slice(0, 3), 'slug: missing-published'])) },
  { name: 'empty', description: '0 bytes', bytes: () => Buffer.alloc(0), errorLine: 1 },
  { name: 'only-bom', description: 'a UTF-8 byte-order mark and nothing else', bytes: () => Buffer.from([0xef, 0xbb, 0xbf]), errorLine: 1 },
  {
    name: 'invalid-utf8-title',
    description: 'invalid UTF-8 bytes in the title',
    bytes: () =>
      Buffer.concat([
        Buffer.from('---\ntitle: "Broken '),
        Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xa0, 0xa1]),
        Buffer.from(`"\n${VALID_META.slice(1).join('\n')}\nslug: invalid-utf8-title\n---\n\nBody.\n`),
      ]),
    errorLine: 2,
  },
  {
    name: 'invalid-utf8-body',
    description: 'invalid UTF-8 bytes in the body',
    bytes: () =>
      Buffer.concat([
        Buffer.from(doc(withSlug('invalid-utf8-body'), 'First paragraph.\n\nSecond ')),
        Buffer.from([0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80]),
        Buffer.from(' paragraph.\n'),
      ]),
    errorLine: 11,
  },
  { name: 'utf16-file', description: 'a UTF-16LE file', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc(withSlug('utf16-file')), 'utf16le')]), errorLine: 1 },
  {
    name: 'nul-bytes',
    description: 'NUL bytes in the body',
    bytes: () => Buffer.concat([Buffer.from(doc(withSlug('nul-bytes'), 'Before ')), Buffer.alloc(64), Buffer.from(' after.\n')]),
    mayPass: true,
  },
  { name: 'binary', description: 'random binary (a PNG header and noise)', bytes: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))]), errorLine: 1 },
  {
    name: 'ten-megabytes',
    description: '10 MB of markdown',
    bytes: () => {
      const paragraph = 'Staying active helps more than bed rest, and most people improve within weeks. '.repeat(12) + '\n\n';
      const head = doc(withSlug('ten-megabytes'), '');
      const count = Math.ceil((10 * 1024 * 1024 - head.length) / paragraph.length);
      return Buffer.from(head + paragraph.repeat(count));
    },
    errorLine: 1,
  },
  { name: 'deep-blockquotes', description: '10,000 nested blockquotes', bytes: text(doc(withSlug('deep-blockquotes'), '> '.repeat(10_000) + 'deep\n')), errorLine: 9 },
  {
    name: 'deep-lists',
    description: '10,000 nested list items',
    bytes: text(doc(withSlug('deep-lists'), Array.from({ length: 10_000 }, (_, i) => '  '.repeat(i) + '- x').join('\n') + '\n')),
    errorLine: 1,
  },
  { name: 'deep-list-markers', description: '10,000 list markers on one line', bytes: text(doc(withSlug('deep-list-markers'), '- '.repeat(10_000) + 'x\n')), errorLine: 9 },
  { name: 'deep-emphasis', description: '10,000 nested emphasis', bytes: text(doc(withSlug('deep-emphasis'), '*a '.repeat(10_000) + 'x' + ' a*'.repeat(10_000) + '\n')), errorLine: 9 },
  { name: 'deep-links', description: '10,000 nested link brackets', bytes: text(doc(withSlug('deep-links'), '['.repeat(10_000) + 'x' + '](/)'.repeat(10_000) + '\n')), errorLine: 9 },
  {
    name: 'deep-directives',
    description: '10,000 nested container directives',
    bytes: text(doc(withSlug('deep-directives'), ':::pullquote\n'.repeat(10_000) + 'x\n' + ':::\n'.repeat(10_000))),
    errorLine: 13,
  },
  { name: 'deep-html', description: '10,000 nested raw <div>s', bytes: text(doc(withSlug('deep-html'), '<div>'.repeat(10_000) + 'x' + '</div>'.repeat(10_000) + '\n')), mayPass: true },
  { name: 'deep-yaml', description: '10,000 nested YAML flow sequences', bytes: text(doc([...withSlug('deep-yaml'), `tags: ${'['.repeat(10_000)}${']'.repeat(10_000)}`])) },
  { name: 'megabyte-title', description: 'a 1 MB title on one line', bytes: text(doc([`title: "${'T'.repeat(1024 * 1024)}"`, ...VALID_META.slice(1), 'slug: megabyte-title'])), errorLine: 1 },
];

/** A known-good article, in the same directory as the malformed ones. */
/** @param {string} slug @param {string} marker @returns {string} */
export function goodArticle(slug, marker) {
  return doc(
    [`title: "Good article ${slug}"`, 'description: "A known-good neighbour of the malformed files."', 'category: "Neighbours"', 'published: 2024-04-01', `slug: ${slug}`],
    `${marker}: this article must keep rendering.\n\n## A section\n\nMore text.\n`,
  );
}
