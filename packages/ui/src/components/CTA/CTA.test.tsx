import { render, screen, within } from '@testing-library/react';
import { declaredStyle } from '@cited/test-utils/dom';
import { createRef } from 'react';
import { vars } from '../../theme/contract.css';
import { CTA } from './CTA';

const heading = 'Questions about this article?';

describe('CTA', () => {
  it('is a region named by its heading, with the body and a primary link', () => {
    render(
      <CTA heading={heading} action={{ href: '/contact', label: 'Contact the Magaziner Center for Wellness' }}>
        See if you are a candidate for treatment.
      </CTA>,
    );
    const region = screen.getByRole('region', { name: heading });
    expect(within(region).getByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
    expect(region).toHaveTextContent('See if you are a candidate for treatment.');
    const links = within(region).getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAccessibleName('Contact the Magaziner Center for Wellness');
    expect(links[0]).toHaveAttribute('href', '/contact');
  });

  it.each([
    ['tel:+1-555-0100', 'Call 555-0100'],
    ['mailto:info@example.org', 'Email info@example.org'],
    ['https://example.org/appointments', 'Book an appointment'],
  ])('links to %s as given', (href, label) => {
    render(<CTA heading={heading} action={{ href, label }} />);
    expect(screen.getByRole('link', { name: label })).toHaveAttribute('href', href);
  });

  it('adds the secondary action after the primary one', () => {
    render(
      <CTA
        heading={heading}
        action={{ href: '/contact', label: 'Contact us' }}
        secondaryAction={{ href: 'tel:+1-555-0100', label: 'Or call 555-0100' }}
      />,
    );
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/contact', 'tel:+1-555-0100']);
    // A button-like link filled with the accent, then a plain text link.
    expect(declaredStyle(links[0]!, 'background-color')).toBe(vars.color.accent);
    expect(declaredStyle(links[0]!, 'color')).toBe(vars.color.textOnAccent);
    expect(declaredStyle(links[1]!, 'background-color')).not.toBe(vars.color.accent);
    expect(declaredStyle(links[1]!, 'color')).not.toBe(vars.color.textOnAccent);
  });

  it('renders no body element when there is no body text', () => {
    render(<CTA heading={heading} action={{ href: '/contact', label: 'Contact us' }} />);
    const region = screen.getByRole('region');
    expect(region.children).toHaveLength(2);
  });

  it('uses the heading level it is given', () => {
    render(<CTA heading={heading} headingLevel={3} action={{ href: '/contact', label: 'Contact us' }} />);
    expect(screen.getByRole('heading', { level: 3, name: heading })).toBeInTheDocument();
  });

  it('raises the accent card with a filled action, and sinks the quiet one with a text link', () => {
    const { rerender } = render(<CTA heading={heading} action={{ href: '/c', label: 'Go' }} />);
    expect(declaredStyle(screen.getByRole('region'), 'background-color')).toBe(vars.color.surfaceRaised);
    expect(declaredStyle(screen.getByRole('region'), 'box-shadow')).toBe(vars.shadow.md);
    expect(declaredStyle(screen.getByRole('link'), 'background-color')).toBe(vars.color.accent);
    rerender(<CTA heading={heading} tone="quiet" action={{ href: '/c', label: 'Go' }} />);
    expect(declaredStyle(screen.getByRole('region'), 'background-color')).toBe(vars.color.surfaceSunken);
    expect(declaredStyle(screen.getByRole('region'), 'box-shadow')).toBe('');
    expect(declaredStyle(screen.getByRole('link'), 'background-color')).not.toBe(vars.color.accent);
  });

  it('forwards the ref and passes id, data and className through', () => {
    const ref = createRef<HTMLElement>();
    render(
      <CTA ref={ref} id="contact" className="extra" data-placement="end" heading={heading} action={{ href: '/c', label: 'Go' }} />,
    );
    const region = screen.getByRole('region');
    expect(ref.current).toBe(region);
    expect(region).toHaveAttribute('id', 'contact');
    expect(region).toHaveAttribute('data-placement', 'end');
    expect(region).toHaveClass('extra');
    // The consumer's class is added to the card's own styles, not instead of them.
    expect(declaredStyle(region, 'background-color')).toBe(vars.color.surfaceRaised);
  });
});
