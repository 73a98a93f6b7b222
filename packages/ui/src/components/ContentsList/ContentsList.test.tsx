import { render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { axeRunOptions } from '../../../../../.storybook/a11y';
import { ContentsList } from './ContentsList';

const items = [
  { href: '#mri', label: 'Unnecessary surgery because of MRI?' },
  { href: '#examination', label: 'What’s better? A physical examination or MRI?', current: true },
  { href: '#answer', label: 'Repeated surgery and pain medications are not the answer' },
];

describe('ContentsList', () => {
  it('is a navigation named "Contents" with an ordered list of links', () => {
    render(<ContentsList items={items.map(({ current: _current, ...item }) => item)} />);
    const nav = screen.getByRole('navigation', { name: 'Contents' });
    expect(within(nav).getByRole('heading', { level: 2, name: 'Contents' })).toBeInTheDocument();
    expect(nav.querySelector('ol')).not.toBeNull();
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['#mri', '#examination', '#answer']);
  });

  it('marks the current item with aria-current and does not link it', () => {
    render(<ContentsList items={items} />);
    const current = screen.getByText('What’s better? A physical examination or MRI?');
    expect(current.closest('a')).toBeNull();
    expect(current.closest('li')).toHaveAttribute('aria-current', 'page');
    expect(screen.getAllByRole('link')).toHaveLength(2);
    expect(screen.getAllByRole('listitem').filter((item) => item.hasAttribute('aria-current'))).toHaveLength(1);
  });

  it('takes its own label and heading level', () => {
    render(<ContentsList items={items} label="Pages in this guide" headingLevel={3} />);
    expect(screen.getByRole('navigation', { name: 'Pages in this guide' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent('Pages in this guide');
  });

  it('has no axe violations', async () => {
    const { container } = render(<ContentsList items={items} />);
    const results = await axe.run(container, { ...axeRunOptions, rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });
});
