import { render, screen, within } from '@testing-library/react';
import { declaredStyle, isVisuallyHidden } from '@cited/test-utils/dom';
import { createRef } from 'react';
import { vars } from '../../theme/contract.css';
import { Citation } from '../Citation';
import { StudyCallout } from './StudyCallout';

function renderEpsteinCallout(props: Partial<Parameters<typeof StudyCallout>[0]> = {}) {
  return render(
    <StudyCallout
      title="Second opinions on spine surgery"
      figure="44.5%"
      sampleSize={155}
      design="Second-opinion review"
      journal="Surgical Neurology International"
      year={2013}
      citation={<Citation numbers={[3]} />}
      {...props}
    >
      of second-opinion patients had been told they needed surgery that the second surgeon found unnecessary.
    </StudyCallout>,
  );
}

/** Text content as assistive technology gets it: aria-hidden subtrees left out. */
function announcedText(element: Element): string {
  return [...element.childNodes]
    .map((node) => {
      if (node instanceof Element) return node.getAttribute('aria-hidden') === 'true' ? '' : announcedText(node);
      return node.textContent ?? '';
    })
    .join('');
}

describe('StudyCallout', () => {
  it('is a complementary landmark named "Study: <title>" by its heading', () => {
    renderEpsteinCallout();
    const callout = screen.getByRole('complementary', { name: 'Study: Second opinions on spine surgery' });
    const heading = within(callout).getByRole('heading', { level: 3 });
    expect(heading).toHaveAccessibleName('Study: Second opinions on spine surgery');
    // "Study:" is for screen readers only; the visible heading is the title.
    expect(isVisuallyHidden(within(heading).getByText('Study:'))).toBe(true);
  });

  it('shows the key figure and what it measured', () => {
    renderEpsteinCallout();
    const callout = screen.getByRole('complementary');
    expect(within(callout).getByText('44.5%')).toBeInTheDocument();
    expect(callout).toHaveTextContent(/told they needed surgery/);
  });

  it('shows "n = 155 patients" (who was counted is visible too) and announces "155 patients"', () => {
    renderEpsteinCallout();
    const callout = screen.getByRole('complementary');
    const shorthand = within(callout).getByText('n = 155');
    expect(shorthand.closest('[aria-hidden="true"]')).not.toBeNull();
    // The population is visible text, not only in the screen-reader copy.
    expect(shorthand.parentElement).toHaveTextContent(/^n\s=\s155 patients$/);
    expect(isVisuallyHidden(shorthand.parentElement!)).toBe(false);
    const spoken = within(callout).getByText('155 patients');
    expect(spoken).not.toHaveAttribute('aria-hidden');
    expect(spoken.closest('[aria-hidden="true"]')).toBeNull();
    // What a screen reader reads for the pair: the term, then the definition without hidden parts.
    const [term] = within(callout).getAllByRole('term');
    const [definition] = within(callout).getAllByRole('definition');
    expect(term).toHaveTextContent('Sample size');
    expect(announcedText(definition!)).toBe('155 patients');
  });

  it('counts what the population names, and formats large samples', () => {
    renderEpsteinCallout({ sampleSize: 1200, population: 'second opinions' });
    expect(screen.getByText('1,200 second opinions')).toBeInTheDocument();
    expect(screen.getByText('n = 1,200').parentElement).toHaveTextContent('n = 1,200 second opinions');
  });

  it('lists design and journal with year, then the citation', () => {
    renderEpsteinCallout();
    const definitions = screen.getAllByRole('definition');
    expect(definitions.map((d) => d.textContent)).toEqual([
      'n\u00a0=\u00a0155 patients155 patients',
      'Second-opinion review',
      'Surgical Neurology International, 20133',
    ]);
    expect(within(definitions[2]!).getByRole('link', { name: /3/ })).toHaveAttribute('href', '#ref-3');
  });

  it('leaves out the facts it is not given', () => {
    render(
      <StudyCallout figure="17%" title="Surgery recommended without need">
        of 274 patients were recommended surgery they did not need.
      </StudyCallout>,
    );
    const callout = screen.getByRole('complementary', { name: 'Study: Surgery recommended without need' });
    expect(within(callout).queryByRole('term')).toBeNull();
    expect(callout.querySelector('dl')).toBeNull();
  });

  it('labels a lone citation as the source', () => {
    render(
      <StudyCallout figure="91%" citation={<Citation numbers={[8]} />}>
        were better or no worse a year later.
      </StudyCallout>,
    );
    expect(screen.getByRole('term')).toHaveTextContent('Source');
    expect(screen.getByRole('complementary', { name: 'Study: At a glance' })).toBeInTheDocument();
  });

  it.each(['finding', 'caution', 'info'] as const)('colours the %s tone with its own surface, border and text', (tone) => {
    render(
      <StudyCallout figure="1" tone={tone}>
        x
      </StudyCallout>,
    );
    const callout = screen.getByRole('complementary');
    expect(declaredStyle(callout, 'background-color')).toBe(vars.color.tone[tone].surface);
    expect(declaredStyle(callout, 'color')).toBe(vars.color.tone[tone].text);
    expect(declaredStyle(callout, 'border-inline-start')).toBe(`6px solid ${vars.color.tone[tone].border}`);
  });

  it('uses the heading level it is given', () => {
    renderEpsteinCallout({ headingLevel: 2 });
    expect(screen.getByRole('heading', { level: 2 })).toHaveAccessibleName(/^Study: /);
  });

  it('forwards the ref and passes id, data and className through', () => {
    const ref = createRef<HTMLElement>();
    renderEpsteinCallout({ ref, id: 'study-epstein', className: 'extra', 'data-study': 'epstein' } as never);
    const callout = screen.getByRole('complementary');
    expect(ref.current).toBe(callout);
    expect(callout).toHaveAttribute('id', 'study-epstein');
    expect(callout).toHaveAttribute('data-study', 'epstein');
    expect(callout).toHaveClass('extra');
    // The consumer's class is added to the callout's own styles, not instead of them.
    expect(declaredStyle(callout, 'background-color')).toBe(vars.color.tone.finding.surface);
  });
});
