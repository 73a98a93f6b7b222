import { render, screen, within } from '@testing-library/react';
import { axeViolations } from '@cited/test-utils/axe';
import { isVisuallyHidden, spokenText } from '@cited/test-utils/dom';
import { createRef } from 'react';
import { CareCard, careCardLevels, careCardPrefix, type CareCardLevel } from './CareCard';

function renderCard(level: CareCardLevel, props: Partial<Parameters<typeof CareCard>[0]> = {}) {
  return render(
    <CareCard level={level} heading="Ask for an urgent GP appointment if:" {...props}>
      <ul>
        <li>a high temperature</li>
      </ul>
    </CareCard>,
  );
}

describe('careCardPrefix', () => {
  it('names each level in words, ending in ": " so it runs into the heading', () => {
    expect(careCardPrefix('non-urgent')).toBe('Non-urgent advice: ');
    expect(careCardPrefix('urgent')).toBe('Urgent advice: ');
    expect(careCardPrefix('emergency')).toBe('Immediate action required: ');
  });
});

describe('CareCard', () => {
  it.each(careCardLevels)('%s: the heading starts with the level, hidden on screen, then the heading text', (level) => {
    renderCard(level);
    const heading = screen.getByRole('heading', { level: 2 });
    const prefix = careCardPrefix(level);
    // The prefix is the first text a screen reader meets in the heading…
    expect(spokenText(heading)).toBe(`${prefix}Ask for an urgent GP appointment if:`);
    expect(heading).toHaveAccessibleName(`${prefix}Ask for an urgent GP appointment if:`);
    // …and it is in the visually hidden span, the heading's first child.
    const hidden = heading.firstElementChild;
    expect(isVisuallyHidden(hidden!)).toBe(true);
    expect(hidden).toHaveTextContent(prefix.trim());
    expect(heading.firstChild).toBe(hidden);
  });

  it('is a region named by its heading, prefix included, so landmark lists say the level too', () => {
    renderCard('emergency', { heading: 'Call 999 if:' });
    expect(screen.getByRole('region', { name: 'Immediate action required: Call 999 if:' })).toBeInTheDocument();
  });

  it('marks urgent and emergency cards with a "!" hidden from screen readers, and non-urgent ones with none', () => {
    const { unmount } = renderCard('urgent');
    const urgentMark = screen.getByText('!');
    expect(urgentMark).toHaveAttribute('aria-hidden', 'true');
    // The mark sits outside the heading, so it never comes before the prefix.
    expect(screen.getByRole('heading')).not.toContainElement(urgentMark);
    unmount();
    renderCard('non-urgent');
    expect(screen.queryByText('!')).not.toBeInTheDocument();
  });

  it('shows "Call <number>" as a tel: link on an emergency card given emergencyNumber', () => {
    renderCard('emergency', { emergencyNumber: '999' });
    const call = screen.getByRole('link', { name: 'Call 999' });
    expect(call).toHaveAttribute('href', 'tel:999');
  });

  it('dials an international number without its spaces and shows it as given', () => {
    renderCard('emergency', { emergencyNumber: '+44 20 7946 0000' });
    expect(screen.getByRole('link', { name: 'Call +44 20 7946 0000' })).toHaveAttribute('href', 'tel:+442079460000');
  });

  it('shows no number and no link without emergencyNumber', () => {
    renderCard('emergency');
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByRole('region')).not.toHaveTextContent(/Call/);
  });

  it('shows no call link on non-emergency cards, even given a number', () => {
    renderCard('urgent', { emergencyNumber: '999' });
    renderCard('non-urgent', { emergencyNumber: '999' });
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByText(/999/)).not.toBeInTheDocument();
  });

  it('ignores a blank number, and shows one a phone cannot dial as text, not as a dead link', () => {
    const { unmount } = renderCard('emergency', { emergencyNumber: '   ' });
    expect(screen.getByRole('region')).not.toHaveTextContent(/Call/);
    unmount();
    renderCard('emergency', { emergencyNumber: 'your local emergency number' });
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByText('Call your local emergency number')).toBeInTheDocument();
  });

  it('puts the call link after the advice', () => {
    renderCard('emergency', { emergencyNumber: '911' });
    const region = screen.getByRole('region');
    expect(region.textContent).toMatch(/a high temperature.*Call 911$/);
  });

  it('uses the heading level asked for', () => {
    renderCard('urgent', { headingLevel: 4 });
    expect(screen.getByRole('heading', { level: 4 })).toBeInTheDocument();
  });

  it('passes id and other section props through, and forwards its ref to the section', () => {
    const ref = createRef<HTMLElement>();
    render(
      <CareCard ref={ref} id="when-to-get-help" level="urgent" heading="Get help if:" className="extra" data-testid="card">
        <p>Advice</p>
      </CareCard>,
    );
    const card = screen.getByTestId('card');
    expect(card).toHaveAttribute('id', 'when-to-get-help');
    expect(card).toHaveClass('extra');
    expect(ref.current).toBe(card);
    expect(card.tagName).toBe('SECTION');
    expect(within(card).getByText('Advice')).toBeInTheDocument();
  });

  it.each(careCardLevels)('%s: axe finds no WCAG A/AA violation', async (level) => {
    const { container } = renderCard(level, { emergencyNumber: '999' });
    expect(await axeViolations(container)).toEqual([]);
  });
});
