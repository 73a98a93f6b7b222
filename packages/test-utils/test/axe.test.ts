// @vitest-environment jsdom
/** The one axe helper must report what axe finds, in words that say what and where. */
import { describe, expect, it } from 'vitest';
import { axeViolations, describeViolations } from '../src/axe.js';

describe('axeViolations', () => {
  it('reports an image without a text alternative, naming the rule, the element and the fix', async () => {
    document.body.innerHTML = '<main><img src="/x.png"><p>Text</p></main>';
    const found = await axeViolations(document.body);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^image-alt \(critical\): Images must have alternative text — img\n/);
    expect(found[0]).toContain('<img src="/x.png">');
  });

  it('finds nothing in a clean fragment', async () => {
    document.body.innerHTML = '<main><img src="/x.png" alt="A spine"><p>Text</p></main>';
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('describeViolations', () => {
  it('writes one entry per failing node, for results that crossed from a browser page as plain data', () => {
    const lines = describeViolations([
      {
        id: 'link-name',
        impact: 'serious',
        help: 'Links must have discernible text',
        helpUrl: 'https://dequeuniversity.com/rules/axe/4.11/link-name',
        nodes: [{ target: ['a.first'] }, { target: ['a.second'], failureSummary: 'Fix any of the following:\n  Element is in tab order' }],
      },
    ]);
    expect(lines).toEqual([
      'link-name (serious): Links must have discernible text — a.first\n    https://dequeuniversity.com/rules/axe/4.11/link-name',
      'link-name (serious): Links must have discernible text — a.second\n    Fix any of the following:\n      Element is in tab order\n    https://dequeuniversity.com/rules/axe/4.11/link-name',
    ]);
  });
});
