import { composeStories } from '@storybook/react-vite';
import { render, screen, within } from '@testing-library/react';
import { declaredStyle } from '@cited/test-utils/dom';
import { createRef } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { backlinkLetter, ReferenceList } from './ReferenceList';
import * as stories from './ReferenceList.stories';
import { seedReference, seedReferences } from './seedReferences';
import { formatVancouver, type ReferenceData } from './vancouver';

const { MultipleBacklinks, MissingOptionalFields, ThirtyReferences, SeedArticle } = composeStories(stories);

const entry = (id: string) => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`No element #${id}`);
  return element;
};

describe('ReferenceList', () => {
  it('is a region labelled by its heading, "References" at level 2 by default', () => {
    render(<ReferenceList references={seedReferences} />);
    const region = screen.getByRole('region', { name: 'References' });
    const heading = within(region).getByRole('heading', { level: 2, name: 'References' });
    expect(region.tagName).toBe('SECTION');
    expect(region).toHaveAttribute('aria-labelledby', heading.id);
  });

  it("isolates each reference's direction, so an English reference keeps its punctuation in a right-to-left page", () => {
    render(
      <div dir="rtl">
        <ReferenceList references={[seedReference(1)]} />
      </div>,
    );
    const item = screen.getByRole('listitem');
    const isolated = item.querySelector('bdi');
    expect(isolated?.textContent).toContain(String(seedReference(1).title));
    expect(isolated?.hasAttribute('dir')).toBe(false);
  });

  it('renders nothing at all for an article without references', () => {
    const { container } = render(<ReferenceList references={[]} />);
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByRole('heading', { name: 'References' })).not.toBeInTheDocument();
  });

  it('takes a custom heading and heading level', () => {
    render(<ReferenceList references={seedReferences.slice(0, 1)} heading="Sources" headingLevel={3} />);
    expect(screen.getByRole('region', { name: 'Sources' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: 'Sources' })).toBeInTheDocument();
  });

  it('derives the heading id from the section id, and forwards its ref to the <section>', () => {
    const ref = createRef<HTMLElement>();
    render(<ReferenceList ref={ref} id="references" references={seedReferences} />);
    expect(ref.current?.tagName).toBe('SECTION');
    expect(ref.current).toHaveAttribute('id', 'references');
    expect(ref.current).toHaveAttribute('aria-labelledby', 'references-heading');
    expect(screen.getByRole('heading', { name: 'References' })).toHaveAttribute('id', 'references-heading');
    expect(ReferenceList.displayName).toBe('ReferenceList');
  });

  it('renders an ordered list whose items have id ref-N and value N', () => {
    render(<ReferenceList references={seedReferences} />);
    const list = screen.getByRole('list');
    expect(list.tagName).toBe('OL');
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(9);
    items.forEach((item, index) => {
      expect(item).toHaveAttribute('id', `ref-${index + 1}`);
      expect(item).toHaveAttribute('value', String(index + 1));
    });
  });

  it('keeps the given numbers, even when they do not start at 1, and honours the id prefix', () => {
    render(<ReferenceList references={[{ ...seedReference(1), number: 12 }]} referenceIdPrefix="source-" />);
    const item = screen.getByRole('listitem');
    expect(item).toHaveAttribute('id', 'source-12');
    expect(item).toHaveAttribute('value', '12');
  });

  it('shows each entry in Vancouver style, the same text formatVancouver gives', () => {
    render(<ReferenceList references={seedReferences.slice(0, 6)} />);
    for (const ref of seedReferences.slice(0, 6)) {
      expect(entry(`ref-${ref.number}`).textContent).toBe(formatVancouver(ref));
    }
    expect(entry('ref-4')).toHaveTextContent(/El Barzouhi A, et al\. Diagnostic accuracy/);
    expect(entry('ref-4')).not.toHaveTextContent('Luijsterburg');
  });

  it('links the DOI to doi.org, the PMID to PubMed and the URL to itself', () => {
    const ref: ReferenceData = {
      id: 'linked',
      number: 1,
      authors: ['Patel R'],
      title: 'A linked reference',
      journal: 'J',
      year: 2020,
      doi: '10.1000/xyz.123',
      pmid: '31234567',
      url: 'https://example.org/article',
    };
    render(<ReferenceList references={[ref]} />);
    expect(screen.getByRole('link', { name: '10.1000/xyz.123' })).toHaveAttribute('href', 'https://doi.org/10.1000/xyz.123');
    expect(screen.getByRole('link', { name: '31234567' })).toHaveAttribute(
      'href',
      'https://pubmed.ncbi.nlm.nih.gov/31234567/',
    );
    expect(screen.getByRole('link', { name: 'https://example.org/article' })).toHaveAttribute(
      'href',
      'https://example.org/article',
    );
    expect(entry('ref-1').textContent).toBe(
      'Patel R. A linked reference. J. 2020. doi: 10.1000/xyz.123. PMID: 31234567. Available from: https://example.org/article',
    );
  });

  it('links the seed DOI of reference 3', () => {
    render(<SeedArticle />);
    expect(screen.getByRole('link', { name: '10.4103/2152-7806.120774' })).toHaveAttribute(
      'href',
      'https://doi.org/10.4103/2152-7806.120774',
    );
  });

  it('renders missing optional fields without stray punctuation', () => {
    render(<MissingOptionalFields />);
    expect(entry('ref-1').textContent).toBe(
      'Lumbosacral prolotherapy: a before-and-after study in an NHS setting. International Musculoskeletal Medicine. 2013:7-12. doi: 10.1179/1753615412Y.0000000002. ' +
        (seedReference(8).note ?? ''),
    );
    expect(entry('ref-2').textContent).toBe('Epstein NE. A title known, pages not. Surg Neurol Int. 2013.');
    expect(entry('ref-3').textContent).toBe(
      'Low back pain and sciatica in over 16s: assessment and management. NICE guideline NG59.',
    );
    expect(entry('ref-4').textContent).toBe(
      'Available from: https://www.nice.org.uk/guidance/ng59 Only the address is known.',
    );
  });

  it('shows an editorial note after the reference', () => {
    render(<ReferenceList references={[seedReference(9)]} />);
    const item = screen.getByRole('listitem');
    const note = within(item).getByText(/not confirmed to be the clinic’s own reference/);
    expect(item.lastElementChild).toBe(note);
    expect(item.textContent?.indexOf('167-73.')).toBeLessThan(item.textContent?.indexOf(note.textContent ?? '') ?? 0);
  });

  it('does not link a URL that is not a web address', () => {
    render(<ReferenceList references={[{ id: 'bad', number: 1, url: 'javascript:alert(1)' }]} />);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent('Available from: javascript:alert(1)');
  });

  describe('backlinks', () => {
    it('has none when the reference is not cited', () => {
      render(<ReferenceList references={[seedReference(1)]} />);
      expect(screen.queryByRole('link', { name: /back to citation/i })).not.toBeInTheDocument();
    });

    it('shows one "↑" link labelled "Back to citation" when cited once', () => {
      render(<ReferenceList references={[{ ...seedReference(1), backlinks: ['cite-1'] }]} />);
      const back = screen.getByRole('link', { name: 'Back to citation' });
      expect(back).toHaveAttribute('href', '#cite-1');
      expect(back).toHaveTextContent('↑');
    });

    it('shows "↑ a b c" with one link per citation when cited several times', () => {
      render(<MultipleBacklinks />);
      const item = entry('ref-1');
      const links = ['cite-epstein-a', 'cite-epstein-b', 'cite-epstein-c'].map((id, index) => {
        const link = within(item).getByRole('link', { name: `${['a', 'b', 'c'][index]}: back to citation ${index + 1} of 3` });
        expect(link).toHaveAttribute('href', `#${id}`);
        // The citation it points back to exists in the story.
        expect(document.getElementById(id)?.tagName).toBe('SUP');
        return link;
      });
      expect(links.map((link) => link.textContent)).toEqual(['a', 'b', 'c']);
      // WCAG 2.5.8 whatever the font: a minimum box, not the width of a letter.
      for (const link of links) {
        expect(getComputedStyle(link).minHeight).toBe('24px');
        expect(getComputedStyle(link).minWidth).toMatch(/^max\(24px, 1\.5em\)$|^24px$/);
      }
      const arrow = within(item).getByText('↑');
      expect(arrow).toHaveAttribute('aria-hidden', 'true');
      expect(within(entry('ref-2')).getByRole('link', { name: 'Back to citation' })).toHaveAttribute(
        'href',
        '#cite-verwoerd',
      );
    });

    it('letters run a…z then aa, ab', () => {
      expect([0, 1, 25, 26, 27, 51, 52].map(backlinkLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab', 'az', 'ba']);
    });
  });

  it('widens the number gutter for two-digit numbers', () => {
    const { unmount } = render(<SeedArticle />);
    expect(declaredStyle(screen.getByRole('list'), 'padding-inline-start')).toBe('2.5ch');
    unmount();
    render(<ThirtyReferences />);
    expect(screen.getAllByRole('listitem')).toHaveLength(30);
    expect(declaredStyle(screen.getByRole('list'), 'padding-inline-start')).toBe('3.5ch');
  });

  it('server-renders item values and links', () => {
    const html = renderToStaticMarkup(
      <ReferenceList id="refs" references={[{ ...seedReference(3), backlinks: ['cite-3'] }]} />,
    );
    expect(html).toMatch(/^<section aria-labelledby="refs-heading"[^>]* id="refs">/);
    expect(html).toContain('<li id="ref-3" value="3"');
    expect(html).toContain('href="https://doi.org/10.4103/2152-7806.120774"');
    expect(html).toContain('href="#cite-3"');
  });
});
