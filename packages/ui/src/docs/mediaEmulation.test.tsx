/**
 * The Storybook toolbar's Print and Forced colours settings (.storybook/mediaEmulation.tsx): the
 * design system's rules for those media, copied to apply on screen inside the story only.
 */
import { render } from '@testing-library/react';
import { MediaEmulation, rewriteMediaForScreen } from '../../../../.storybook/mediaEmulation';

describe('rewriteMediaForScreen', () => {
  it('keeps only the queries that hold in the medium, rewritten to hold on screen', () => {
    expect(rewriteMediaForScreen('print', 'print')).toBe('all');
    expect(rewriteMediaForScreen('print and (min-width: 40em)', 'print')).toBe('all and (min-width: 40em)');
    expect(rewriteMediaForScreen('print, (forced-colors: active)', 'print')).toBe('all');
    expect(rewriteMediaForScreen('print, (forced-colors: active)', 'forcedColours')).toBe('(min-width: 0px)');
    expect(rewriteMediaForScreen('screen and (forced-colors: active)', 'forcedColours')).toBe('screen and (min-width: 0px)');
  });

  it('leaves out screen rules, and every rule of the other medium', () => {
    expect(rewriteMediaForScreen('screen and (max-width: 19em)', 'print')).toBe('');
    expect(rewriteMediaForScreen('not print', 'print')).toBe('');
    expect(rewriteMediaForScreen('(forced-colors: active)', 'print')).toBe('');
    expect(rewriteMediaForScreen('print', 'forcedColours')).toBe('');
  });
});

describe('MediaEmulation', () => {
  let sheet: HTMLStyleElement;
  beforeEach(() => {
    sheet = document.createElement('style');
    sheet.textContent = [
      '.box { color: green; }',
      '@media print { :root { color: black; } .box { border: 1px solid black; } }',
      '@media screen and (max-width: 19em) { .box { padding: 0; } }',
      '@media (forced-colors: active) { .box { outline: 1px solid CanvasText; } }',
    ].join('\n');
    document.head.append(sheet);
  });
  afterEach(() => sheet.remove());

  const emulation = () => document.querySelector<HTMLStyleElement>('style[data-cited-media-emulation]');

  it('copies the print rules, scoped to the story and with the page root standing for its own', () => {
    const { container, unmount } = render(
      <MediaEmulation media={['print']}>
        <p className="box">Text</p>
      </MediaEmulation>,
    );
    const copies = emulation()?.textContent ?? '';
    expect(copies).toContain('@scope ([data-cited-emulated-media~="print"])');
    expect(copies).toMatch(/@media all\s*\{/);
    expect(copies).toContain(':scope');
    expect(copies).not.toContain(':root');
    expect(copies).toContain('border: 1px solid black');
    expect(copies).not.toContain('padding: 0');
    expect(copies).not.toContain('outline');
    expect(container.querySelector('[data-cited-emulated-media="print"] .box')).not.toBeNull();
    unmount();
    expect(emulation()).toBeNull();
  });

  it('copies the forced-colours rules for that setting, and nothing when neither is on', () => {
    const { unmount } = render(
      <MediaEmulation media={['forcedColours']}>
        <p className="box">Text</p>
      </MediaEmulation>,
    );
    expect(emulation()?.textContent).toContain('outline: 1px solid CanvasText');
    expect(emulation()?.textContent).not.toContain('border: 1px solid black');
    unmount();
    render(
      <MediaEmulation media={[]}>
        <p className="box">Text</p>
      </MediaEmulation>,
    );
    expect(emulation()).toBeNull();
  });
});
