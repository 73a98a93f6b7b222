import { render, screen, within } from '@testing-library/react';
import { declaredStyle } from '@cited/test-utils/dom';
import { createRef } from 'react';
import { vars } from '../../theme/contract.css';
import { barWidth } from '../../styles/shapeValues';
import { Pullquote } from './Pullquote';

const bodiu =
  '“Repeated surgery is a viable option for patients who have clinical manifestations of recurrent disc herniation.”';

describe('Pullquote', () => {
  it('is a figure, named by its caption, holding a blockquote', () => {
    render(<Pullquote attribution="Journal of Medicine and Life, 2014">{bodiu}</Pullquote>);
    const figure = screen.getByRole('figure', { name: /Journal of Medicine and Life, 2014/ });
    const quote = within(figure).getByRole('blockquote');
    expect(quote).toHaveTextContent(/Repeated surgery is a viable option/);
    expect(figure.querySelector('figcaption')).toHaveTextContent('Journal of Medicine and Life, 2014');
  });

  it('does not double the quote marks the text already has', () => {
    render(<Pullquote>{bodiu}</Pullquote>);
    const text = screen.getByRole('blockquote').textContent ?? '';
    expect(text.startsWith('“Repeated')).toBe(true);
    expect(text.endsWith('herniation.”')).toBe(true);
    expect(text.match(/[“”"]/g)).toHaveLength(2);
  });

  it('adds typographic marks to unquoted text, hidden from screen readers', () => {
    render(<Pullquote>Repeated surgery and pain medications are not the answer.</Pullquote>);
    const quote = screen.getByRole('blockquote');
    expect(quote).toHaveTextContent('“Repeated surgery and pain medications are not the answer.”');
    const marks = quote.querySelectorAll('[aria-hidden="true"]');
    expect([...marks].map((mark) => mark.textContent)).toEqual(['“', '”']);
  });

  it('keeps inner quotations and straight-quoted text balanced', () => {
    render(
      <Pullquote>
        {'"Injection therapy can provide relief, even in “failed back syndrome” patients."'}
      </Pullquote>,
    );
    expect(screen.getByRole('blockquote')).toHaveTextContent(
      /^“Injection therapy can provide relief, even in “failed back syndrome” patients\.”$/,
    );
  });

  it('leaves a quotation alone when only one end has a mark', () => {
    render(<Pullquote>{'Prolotherapy provides “over six months of relief” for some patients'}</Pullquote>);
    expect(screen.getByRole('blockquote')).toHaveTextContent(
      '“Prolotherapy provides “over six months of relief” for some patients”',
    );
  });

  it('quotes paragraphs as given, marking the first and last', () => {
    render(
      <Pullquote>
        <p>“First paragraph.</p>
        <p>Second paragraph.”</p>
      </Pullquote>,
    );
    const quote = screen.getByRole('blockquote');
    const paragraphs = quote.querySelectorAll(':scope > p');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toHaveTextContent(/^“First paragraph\.$/);
    expect(paragraphs[1]).toHaveTextContent(/^Second paragraph\.”$/);
  });

  it('recognises paragraphs inside a fragment and does not wrap them in another <p>', () => {
    render(
      <Pullquote>
        <>
          <p>First paragraph.</p>
          <p>Second paragraph.</p>
        </>
      </Pullquote>,
    );
    const quote = screen.getByRole('blockquote');
    expect(quote.querySelectorAll('p')).toHaveLength(2);
    expect(quote.querySelector('p p')).toBeNull();
    expect(quote).toHaveTextContent('“First paragraph.Second paragraph.”');
  });

  it('puts the citation after the attribution and the source URL on the blockquote', () => {
    render(
      <Pullquote
        attribution="Journal of Orthopaedic Surgery and Research, 2008"
        citation={<sup data-testid="marker">5</sup>}
        cite="https://doi.org/10.1186/1749-799X-3-46"
      >
        We found wide variation.
      </Pullquote>,
    );
    const caption = screen.getByRole('figure').querySelector('figcaption');
    expect(caption?.lastElementChild).toBe(screen.getByTestId('marker'));
    expect(screen.getByRole('blockquote')).toHaveAttribute('cite', 'https://doi.org/10.1186/1749-799X-3-46');
  });

  it('has no caption without attribution or citation', () => {
    render(<Pullquote>Short.</Pullquote>);
    expect(screen.getByRole('figure').querySelector('figcaption')).toBeNull();
  });

  it('sets the standard size off with an accent rule, and the large one between two hairlines', () => {
    const { rerender } = render(<Pullquote>Quote.</Pullquote>);
    const figure = () => screen.getByRole('figure');
    expect(declaredStyle(figure(), 'border-inline-start')).toBe(`${barWidth} solid ${vars.color.accent}`);
    expect(declaredStyle(figure(), 'border-block')).toBe('');
    rerender(<Pullquote size="large">Quote.</Pullquote>);
    expect(declaredStyle(figure(), 'border-inline-start')).toBe('');
    expect(declaredStyle(figure(), 'border-block')).toBe(`1px solid ${vars.color.border}`);
  });

  it('forwards the ref and passes id, data and className through', () => {
    const ref = createRef<HTMLElement>();
    render(
      <Pullquote ref={ref} id="quote-1" className="extra" data-kind="study">
        Quote.
      </Pullquote>,
    );
    const figure = screen.getByRole('figure');
    expect(ref.current).toBe(figure);
    expect(figure).toHaveAttribute('id', 'quote-1');
    expect(figure).toHaveAttribute('data-kind', 'study');
    expect(figure).toHaveClass('extra');
    // The consumer's class is added to the quote's own styles, not instead of them.
    expect(declaredStyle(figure, 'border-inline-start')).toBe(`${barWidth} solid ${vars.color.accent}`);
  });
});
