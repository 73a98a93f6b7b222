import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { axeRunOptions } from '../../../../../.storybook/a11y';
import { Breadcrumbs, type BreadcrumbLink } from './Breadcrumbs';

const trail: [BreadcrumbLink, ...BreadcrumbLink[]] = [
  { href: '/', label: 'Home' },
  { href: '/category/blog', label: 'Blog' },
];

describe('Breadcrumbs', () => {
  it('is a navigation named "Breadcrumb" with an ordered list of the pages above', () => {
    render(<Breadcrumbs items={trail} />);
    const nav = screen.getByRole('navigation', { name: 'Breadcrumb' });
    const list = nav.querySelector('ol');
    expect(list).not.toBeNull();
    const links = within(list as HTMLElement).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Home', '/'],
      ['Blog', '/category/blog'],
    ]);
    expect(nav.querySelector('[aria-current]')).toBeNull();
  });

  it('shows the current page last, as text with aria-current="page"', () => {
    render(<Breadcrumbs items={trail} current="Treatment options" />);
    const current = screen.getByText('Treatment options');
    expect(current).toHaveAttribute('aria-current', 'page');
    expect(current.tagName).toBe('LI');
    expect(current.closest('a')).toBeNull();
  });

  it('has a back link to the parent for narrow screens, read as "Back to" the parent', () => {
    render(<Breadcrumbs items={trail} current="Treatment options" />);
    // Shown by a media query below 768px only; jsdom's window is wider, so it counts as hidden here.
    const back = screen.getByRole('link', { name: 'Back to Blog', hidden: true });
    expect(back).toHaveAttribute('href', '/category/blog');
    expect(back.closest('ol')).toBeNull();
  });

  it('renders nothing for an empty trail from untyped code', () => {
    const { container } = render(<Breadcrumbs items={[] as unknown as [BreadcrumbLink]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('has no axe violations', async () => {
    const { container } = render(<Breadcrumbs items={trail} current="Treatment options" />);
    const results = await axe.run(container, { ...axeRunOptions, rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});
