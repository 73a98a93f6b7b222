import { render, screen } from '@testing-library/react';
import { declaredStyle } from '@cited/test-utils/dom';
import { createRef } from 'react';
import { vars } from '../../theme/contract.css';
import { Prose } from './Prose';

describe('Prose', () => {
  it('renders its markup as given, adding no roles of its own', () => {
    render(
      <Prose>
        <h2>Unnecessary surgery because of MRI?</h2>
        <p>
          A skilled physician can make a more accurate <a href="#diagnosis">diagnosis</a>.
        </p>
        <ul>
          <li>
            Regenerative medicine
            <ul>
              <li>Stem cell therapy</li>
            </ul>
          </li>
        </ul>
      </Prose>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Unnecessary surgery because of MRI?' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'diagnosis' })).toHaveAttribute('href', '#diagnosis');
    expect(screen.getAllByRole('list')).toHaveLength(2);
    expect(screen.getByRole('heading').parentElement?.getAttribute('role')).toBeNull();
  });

  it('sets footnote markers apart from citations by shape and gives the "↩" a 24 px box', () => {
    render(
      <Prose>
        <p>
          Text.
          <sup>
            <a href="#fn-1" id="fnref-1" data-footnote-ref="">
              1
            </a>
          </sup>
        </p>
        <p id="fn-1">
          Note. <a href="#fnref-1" data-footnote-backref="" aria-label="Back to reference 1">↩</a>
        </p>
      </Prose>,
    );
    const marker = screen.getByRole('link', { name: '1' });
    expect(getComputedStyle(marker).fontStyle).toBe('italic');
    const back = screen.getByRole('link', { name: 'Back to reference 1' });
    expect(getComputedStyle(back).minWidth).toBe('24px');
    expect(getComputedStyle(back).minHeight).toBe('24px');
  });

  it('sets smaller headings and a tighter rhythm in the compact size', () => {
    const content = (
      <>
        <h2>Heading</h2>
        <p>First</p>
        <p>Text</p>
      </>
    );
    const { rerender } = render(<Prose data-testid="prose">{content}</Prose>);
    expect(declaredStyle(screen.getByRole('heading', { level: 2 }), 'font-size')).toBe(vars.fontSize.xxl);
    expect(declaredStyle(screen.getByText('Text'), 'margin-block-start')).toBe('1.25em');
    rerender(
      <Prose data-testid="prose" size="compact">
        {content}
      </Prose>,
    );
    expect(declaredStyle(screen.getByRole('heading', { level: 2 }), 'font-size')).toBe(vars.fontSize.xl);
    expect(declaredStyle(screen.getByText('Text'), 'margin-block-start')).toBe('0.875em');
  });

  it('sets the article typography: serif body at the reading size and measure', () => {
    render(<Prose data-testid="prose">text</Prose>);
    const style = getComputedStyle(screen.getByTestId('prose'));
    // Values are the theme's custom properties (vars), not raw values.
    expect(style.fontFamily).toBe('var(--cited-font-body)');
    expect(style.fontSize).toBe('var(--cited-font-size-md)');
    expect(style.maxWidth).toBe('var(--cited-measure)');
  });

  it('forwards the ref and passes id, lang and className through', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <Prose ref={ref} id="article-body" lang="en-GB" className="extra" data-testid="prose">
        text
      </Prose>,
    );
    const root = screen.getByTestId('prose');
    expect(ref.current).toBe(root);
    expect(root).toHaveAttribute('id', 'article-body');
    expect(root).toHaveAttribute('lang', 'en-GB');
    expect(root).toHaveClass('extra');
    // The consumer's class is added to the typography, not instead of it.
    expect(declaredStyle(root, 'font-family')).toBe(vars.font.body);
  });
});
