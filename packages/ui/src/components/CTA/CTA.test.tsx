import { render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
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
    // Styled differently: a button-like link, then a text link.
    expect(links[0]!.className).not.toBe(links[1]!.className);
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

  it('gives each tone its own classes, on the section and on the primary link', () => {
    const { rerender } = render(<CTA heading={heading} action={{ href: '/c', label: 'Go' }} />);
    const accent = [screen.getByRole('region').className, screen.getByRole('link').className];
    rerender(<CTA heading={heading} tone="quiet" action={{ href: '/c', label: 'Go' }} />);
    expect(screen.getByRole('region').className).not.toBe(accent[0]);
    expect(screen.getByRole('link').className).not.toBe(accent[1]);
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
    expect(region.classList.length).toBeGreaterThan(1);
  });
});
