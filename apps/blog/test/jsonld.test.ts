import { describe, expect, it } from 'vitest';
import { compileArticle } from '@cited/content';
import { medicalWebPageJsonLd, serializeJsonLd } from '../app/lib/jsonld';

describe('serializeJsonLd', () => {
  it('cannot close the script element or open a comment, and stays the same JSON value', () => {
    const value = { name: 'Pain </script><script>alert(1)</script> <!-- & \u2028 done' };
    const serialized = serializeJsonLd(value);
    expect(serialized).not.toMatch(/<|>|&|\u2028/);
    expect(JSON.parse(serialized)).toEqual(value);
  });
});

describe('medicalWebPageJsonLd', () => {
  const source = `---
title: Injections for back pain
description: What the studies say.
category: Back pain
published: 2026-01-01
disclosure: The clinic that wrote this article sells prolotherapy.
references:
  - id: a2020
    authors: [Doe J]
    title: A study of backs
    year: 2020
    note: Shown to readers.
    editorNote: Probable match only, for editors.
---

Prolotherapy helped some.:cite[a2020]
`;
  const article = compileArticle(source, { path: 'a.md' });
  const ld = medicalWebPageJsonLd(article, 'https://example.org/articles/a', { publisher: { name: 'The Clinic' } }, { locale: 'en-US' });

  it('gives the disclosure as the page’s publishingPrinciples, a CreativeWork with its text', () => {
    expect(article.ok).toBe(true);
    expect(ld.publishingPrinciples).toEqual({ '@type': 'CreativeWork', name: 'Disclosure', text: 'The clinic that wrote this article sells prolotherapy.' });
    const without = compileArticle(source.replace(/^disclosure:.*\n/m, ''), { path: 'a.md' });
    expect(medicalWebPageJsonLd(without, 'https://example.org/articles/a', { publisher: { name: 'The Clinic' } }, { locale: 'en-US' })).not.toHaveProperty('publishingPrinciples');
  });

  it('never carries a reference’s editorNote', () => {
    expect(serializeJsonLd(ld)).not.toContain('Probable match');
    expect(ld.citation).toEqual([expect.objectContaining({ name: 'A study of backs' })]);
  });
});
