// @vitest-environment jsdom
import { ReferenceList, certaintyStatement } from '@cited/ui';
import { screen, within } from '@testing-library/react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { compileArticle } from '../src/index.js';
import { ArticleBody, toReferenceListData } from '../src/react/index.js';
import { article, now, seedSource } from './helpers.js';

const seed = compileArticle(seedSource(), { path: 'failed-back-surgery-syndrome.md', now });

function renderSeed(): string {
  const markup = renderToStaticMarkup(
    <>
      <main>
        <ArticleBody article={seed} />
      </main>
      <ReferenceList references={toReferenceListData(seed)} />
    </>,
  );
  document.body.innerHTML = markup;
  return markup;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ArticleBody with the seed article', () => {
  it('links every citation to an existing reference entry, and every backlink to an existing marker', () => {
    renderSeed();
    const main = screen.getByRole('main');
    const citationLinks = within(main)
      .getAllByRole('link')
      .filter((link) => /^#ref-\d+$/.test(link.getAttribute('href') ?? ''));
    // 17 markers: 8 inline citations (2 in the care cards), plus the sources of 6 study callouts and 3 pull quotes.
    const markerIds = seed.references.flatMap((reference) => reference.backlinks ?? []);
    expect(new Set(markerIds).size).toBe(17);
    expect(citationLinks.length).toBeGreaterThanOrEqual(17);
    for (const link of citationLinks) {
      const target = document.getElementById((link.getAttribute('href') ?? '').slice(1));
      expect(target, link.getAttribute('href') ?? '').not.toBeNull();
      expect(main.contains(target)).toBe(false); // the entry is in the reference list, not the body
    }
    for (const id of markerIds) {
      const marker = document.getElementById(id);
      expect(marker, id).not.toBeNull();
      expect(marker?.tagName).toBe('SUP');
      expect(main.contains(marker)).toBe(true);
    }
    // Backlinks in the list point at those markers.
    const backlinks = [...document.querySelectorAll('a[href^="#cite-"]')].map((link) => link.getAttribute('href')?.slice(1));
    expect(new Set(backlinks)).toEqual(new Set(markerIds));
    expect(document.body.innerHTML).not.toContain('user-content-');
  });

  it('renders the study callouts, pull quotes and call to action from @cited/ui', () => {
    renderSeed();
    const main = screen.getByRole('main');
    const callouts = within(main).getAllByRole('complementary');
    expect(callouts).toHaveLength(6);
    expect(within(callouts[1] as HTMLElement).getByText('44.5%')).toBeTruthy();
    expect(callouts[1]?.textContent).toContain('155');
    expect(main.querySelectorAll('figure blockquote')).toHaveLength(3);
    expect(within(main).getByRole('link', { name: 'Contact us' }).getAttribute('href')).toBe('/contact');
    expect(within(main).getByRole('heading', { name: 'Do you have questions about this article?' })).toBeTruthy();
    expect(within(main).getByRole('heading', { level: 2, name: 'Unnecessary surgery because of MRI?' }).id).toBe(
      'unnecessary-surgery-because-of-mri',
    );
  });

  it('shows each study’s certainty in words and its design, and a dose as a detail rather than the headline', () => {
    renderSeed();
    const callouts = within(screen.getByRole('main')).getAllByRole('complementary');
    expect(callouts[0]?.textContent).toContain(certaintyStatement('very-low'));
    expect(callouts[0]?.textContent).toContain('Case series');
    const dose = callouts.find((callout) => callout.textContent?.includes('Bone marrow concentrate')) as HTMLElement;
    // Not the large figure paragraph: a term and its value in the study's facts.
    expect(within(dose).getByText('2 ml').tagName).toBe('DD');
    expect(callouts.find((callout) => callout.textContent?.includes('Difficult cases'))?.textContent).toContain(certaintyStatement('low'));
  });

  it('renders the care cards as sections with their ids, level and the site’s emergency number', () => {
    const markup = renderToStaticMarkup(<ArticleBody article={seed} emergencyNumber="911" />);
    document.body.innerHTML = markup;
    const [emergency, urgent] = seed.careCards;
    const card = document.getElementById(emergency?.id ?? '') as HTMLElement;
    expect(card.tagName).toBe('SECTION');
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('Immediate action required: Get emergency help now if, after back surgery, you have');
    expect(within(card).getByRole('link', { name: /911/ }).getAttribute('href')).toBe('tel:911');
    const second = document.getElementById(urgent?.id ?? '') as HTMLElement;
    expect(within(second).getByRole('heading', { level: 2 }).textContent).toMatch(/^Urgent advice: Contact your surgeon/);
    expect(second.querySelector('a[href^="tel:"]')).toBeNull();
    // Without a configured number, none is shown: it is never guessed.
    document.body.innerHTML = renderToStaticMarkup(<ArticleBody article={seed} />);
    expect(document.querySelector('a[href^="tel:"]')).toBeNull();
  });

  it('gives citations a Vancouver preview of the reference', () => {
    const markup = renderSeed();
    expect(markup).toContain('Bodiu A. Diagnosis and operatory treatment');
  });

  it('contains no script, event handler or javascript: URL', () => {
    const markup = renderSeed();
    expect(markup).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
  });
});

describe('ArticleBody with hostile input', () => {
  it('escapes directive attribute values and drops raw HTML', () => {
    const hostile = compileArticle(
      article(
        `:::study{cite=a2020 figure='<img src=x onerror=alert(1)>' n=3 title="<script>alert(1)</script>"}\nA finding.\n:::\n\n<script>alert(2)</script>\n\n[x](javascript:alert(3))`,
      ),
      { path: 'hostile.md' },
    );
    const markup = renderToStaticMarkup(<ArticleBody article={hostile} />);
    document.body.innerHTML = markup;
    expect(document.querySelectorAll('script, img, iframe, style')).toHaveLength(0);
    for (const element of document.body.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name).not.toMatch(/^on/i);
        expect(attribute.value).not.toMatch(/^\s*javascript:/i);
      }
    }
    // The values survive as text, escaped by React.
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
