import { composeStories } from '@storybook/react-vite';
import { render, screen, within } from '@testing-library/react';
import { act, createRef } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { Citation } from './Citation';
import * as stories from './Citation.stories';

const { InContext } = composeStories(stories);

describe('Citation', () => {
  it('links a single number to its reference, named "Reference N" rather than a bare digit', () => {
    render(<Citation numbers={[3]} />);
    const link = screen.getByRole('link', { name: 'Reference 3' });
    expect(link).toHaveAttribute('href', '#ref-3');
    expect(link).toHaveTextContent(/^3$/);
    expect(screen.queryByRole('link', { name: '3' })).not.toBeInTheDocument();
  });

  it('renders inside a <sup> element', () => {
    const { container } = render(<Citation numbers={[1]} />);
    expect(container.firstElementChild?.tagName).toBe('SUP');
  });

  it('shows a group of two as two links separated by a comma', () => {
    const { container } = render(<Citation numbers={[1, 2]} />);
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['#ref-1', '#ref-2']);
    expect(screen.getByRole('link', { name: 'Reference 1' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Reference 2' })).toBeInTheDocument();
    expect(container.firstElementChild).toHaveTextContent(/^1,2$/);
  });

  it('collapses three consecutive numbers into one range link to the first reference', () => {
    const { container } = render(<Citation numbers={[3, 4, 5]} />);
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(1);
    const range = screen.getByRole('link', { name: 'References 3–5' });
    expect(range).toHaveAttribute('href', '#ref-3');
    expect(container.firstElementChild).toHaveTextContent(/^3–5$/);
  });

  it('sorts, de-duplicates and mixes ranges with single numbers', () => {
    const { container } = render(<Citation numbers={[8, 3, 1, 4, 5, 4]} />);
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('aria-label'))).toEqual([
      'Reference 1',
      'References 3–5',
      'Reference 8',
    ]);
    expect(container.firstElementChild).toHaveTextContent(/^1,3–5,8$/);
  });

  it('handles two-digit numbers and a range across 9 and 10', () => {
    render(<Citation numbers={[12, 30, 9, 10, 11]} />);
    expect(screen.getByRole('link', { name: 'References 9–12' })).toHaveTextContent('9–12');
    expect(screen.getByRole('link', { name: 'Reference 30' })).toHaveAttribute('href', '#ref-30');
  });

  it('renders nothing when no valid number is given', () => {
    const { container } = render(<Citation numbers={[0, -1, 1.5]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows a locator after its number, and keeps numbers with locators apart (no range)', () => {
    const { container } = render(<Citation numbers={[3]} locators={['p. 12']} />);
    expect(container.querySelector('sup')).toHaveTextContent(/^3, p\. 12$/);
    expect(screen.getByRole('link', { name: 'Reference 3' })).toHaveTextContent(/^3$/);
    const { container: group } = render(<Citation numbers={[1, 2, 3]} locators={['p. 3', undefined, 'ch. 2']} />);
    expect(group.querySelector('sup')).toHaveTextContent(/^1, p\. 3; 2; 3, ch\. 2$/);
    expect(within(group).getAllByRole('link').map((link) => link.textContent)).toEqual(['1', '2', '3']);
  });

  it('uses a custom reference id prefix', () => {
    render(<Citation numbers={[2]} referenceIdPrefix="source-" />);
    expect(screen.getByRole('link', { name: 'Reference 2' })).toHaveAttribute('href', '#source-2');
  });

  it('passes id, className and other <sup> props through, so the reference list can link back', () => {
    const { container } = render(<Citation numbers={[1]} id="cite-1" className="extra" data-testid="marker" />);
    const sup = container.querySelector('sup');
    expect(sup).toHaveAttribute('id', 'cite-1');
    expect(sup).toHaveClass('extra');
    // The consumer's class is added to the marker's own styles, not instead of them.
    expect(getComputedStyle(sup!).lineHeight).toBe('0');
    expect(screen.getByTestId('marker')).toBe(sup);
  });

  it('forwards its ref to the <sup>', () => {
    const ref = createRef<HTMLElement>();
    render(<Citation ref={ref} numbers={[1]} />);
    expect(ref.current?.tagName).toBe('SUP');
    expect(Citation.displayName).toBe('Citation');
  });

  it('has no popover and no interest invoker without a preview', () => {
    const { container } = render(<Citation numbers={[1, 2]} />);
    expect(container.querySelector('[popover]')).toBeNull();
    expect(container.querySelector('[interestfor]')).toBeNull();
    expect(screen.getByRole('link', { name: 'Reference 1' })).not.toHaveAttribute('aria-describedby');
  });

  describe('with a preview', () => {
    const previewText = 'Epstein NE. Are recommended spine operations either unnecessary or too complex? 2013.';

    it('makes each link an interest invoker for one hint popover, described by it', () => {
      render(<Citation numbers={[1, 2]} preview={previewText} />);
      const tooltip = screen.getByRole('tooltip', { hidden: true });
      expect(tooltip).toHaveAttribute('popover', 'hint');
      expect(tooltip).toHaveTextContent(previewText);
      const tooltipId = tooltip.id;
      expect(tooltipId).not.toBe('');
      for (const name of ['Reference 1', 'Reference 2']) {
        const link = screen.getByRole('link', { name });
        expect(link).toHaveAttribute('interestfor', tooltipId);
        expect(link).toHaveAccessibleDescription(previewText);
      }
    });

    it('gives two markers on one page distinct preview ids', () => {
      render(
        <p>
          <Citation numbers={[1]} preview="First" />
          <Citation numbers={[2]} preview="Second" />
        </p>,
      );
      expect(screen.getByRole('link', { name: 'Reference 1' })).toHaveAccessibleDescription('First');
      expect(screen.getByRole('link', { name: 'Reference 2' })).toHaveAccessibleDescription('Second');
    });

    it('emits popover="hint" and interestfor in server-rendered markup (works without JavaScript)', () => {
      const html = renderToStaticMarkup(<Citation numbers={[3, 4, 5]} id="cite-3" preview={previewText} />);
      const popoverId = /<span popover="hint" id="([^"]+)" role="tooltip"/.exec(html)?.[1];
      expect(popoverId).toBeDefined();
      expect(html).toContain(`interestfor="${popoverId}"`);
      expect(html).toContain(`aria-describedby="${popoverId}"`);
      expect(html).toContain('href="#ref-3"');
      expect(html).toContain('aria-label="References 3–5"');
      expect(html).toMatch(/^<sup[^>]* id="cite-3"/);
    });

    it('hydrates server markup without mismatches or warnings', async () => {
      const element = <Citation numbers={[1]} id="cite-1" preview={previewText} />;
      const container = document.createElement('div');
      container.innerHTML = renderToString(element);
      document.body.append(container);
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        await act(async () => {
          hydrateRoot(container, element);
        });
        expect(errors).not.toHaveBeenCalled();
      } finally {
        errors.mockRestore();
        container.remove();
      }
    });
  });

  it('InContext story: every marker points at an entry of its reference list, which links back', () => {
    render(<InContext />);
    const list = screen.getByRole('region', { name: 'References' });
    const markers = screen
      .getAllByRole('link', { name: /^References? \d/ })
      .filter((link) => !list.contains(link));
    expect(markers).toHaveLength(4);
    for (const marker of markers) {
      const entry = document.querySelector(marker.getAttribute('href') ?? '#missing');
      expect(entry?.tagName).toBe('LI');
      const back = within(entry as HTMLElement).getByRole('link', { name: 'Back to citation' });
      expect(document.querySelector(back.getAttribute('href') ?? '#missing')).toContainElement(marker);
    }
  });
});
