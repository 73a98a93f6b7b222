import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitIntoChunks } from '../src/chunks.js';
import { parseMarkdown } from '../src/markdown-tree.js';
import { seedPath } from './helpers.js';

const seed = readFileSync(seedPath, 'utf8');
const body = seed.slice(seed.indexOf('\n---\n', 4) + 5);
const long = `${seed}\n${Array.from({ length: 9 }, () => body).join('\n')}`;

describe('chunked parsing', () => {
  it('splits a long article before headings, outside the frontmatter and containers', () => {
    const chunks = splitIntoChunks(long, 16 * 1024);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(long);
    expect(chunks[0]?.text.startsWith('---\n')).toBe(true);
    for (const chunk of chunks.slice(1)) {
      expect(chunk.text).toMatch(/^## /);
      expect(long.slice(chunk.offset, chunk.offset + 20)).toBe(chunk.text.slice(0, 20));
      expect(long.split('\n')[chunk.line - 1]).toBe(chunk.text.split('\n')[0]);
    }
  });

  it('gives exactly the same tree, positions included, as parsing the whole document', () => {
    expect(parseMarkdown(long, 16 * 1024)).toEqual(parseMarkdown(long, Number.POSITIVE_INFINITY));
    const crlf = long.replace(/\n/g, '\r\n');
    expect(parseMarkdown(crlf, 16 * 1024)).toEqual(parseMarkdown(crlf, Number.POSITIVE_INFINITY));
  });

  it('does not split documents whose parse depends on the whole text', () => {
    const withDefinition = `${long}\n[ref]: https://example.org\n`;
    expect(splitIntoChunks(withDefinition, 16 * 1024)).toHaveLength(1);
    const withHtml = `<!--\n\n## Hidden heading\n\n-->\n${long}`;
    expect(splitIntoChunks(withHtml, 16 * 1024)).toHaveLength(1);
    const fenced = `${'Text.\n\n'.repeat(5000)}\`\`\`\n\n## Not a heading\n\n\`\`\`\n`;
    expect(splitIntoChunks(fenced, 16 * 1024).map((chunk) => chunk.text).some((text) => text.startsWith('## Not'))).toBe(false);
  });
});
