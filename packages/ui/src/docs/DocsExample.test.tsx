import { render, screen } from '@testing-library/react';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { ReferenceList } from '../components/ReferenceList';
import { DocsExample } from './DocsExample';

describe('DocsExample', () => {
  it('names the same component apart in two examples, keeping its own name first', () => {
    render(
      <>
        <DocsExample storyName="Default">
          <Breadcrumbs items={[{ href: '/', label: 'Home' }]} />
        </DocsExample>
        <DocsExample storyName="Both themes">
          <Breadcrumbs items={[{ href: '/', label: 'Home' }]} />
        </DocsExample>
      </>,
    );
    expect(screen.getByRole('navigation', { name: 'Breadcrumb, example: Default' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Breadcrumb, example: Both themes' })).toBeTruthy();
  });

  it('reads a name given by aria-labelledby, and does not repeat the suffix when it renders again', () => {
    const references = [{ id: 'ref-1', number: 1, authors: ['Doe J'], title: 'A title', journal: 'A journal', year: 2020 }];
    const { rerender } = render(
      <DocsExample storyName="Seed">
        <ReferenceList references={references} />
      </DocsExample>,
    );
    rerender(
      <DocsExample storyName="Seed">
        <ReferenceList references={references} />
      </DocsExample>,
    );
    expect(screen.getByRole('region', { name: 'References, example: Seed' })).toBeTruthy();
  });
});
