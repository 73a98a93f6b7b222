import { globalStyle, type GlobalStyleRule } from '@vanilla-extract/css';
import { forcedColours } from '../../styles/media';

/**
 * Prose on paper and in forced colours (Foundations/Forced colours and print), with the same
 * one-class specificity as its screen rules (`.prose :where(…)`). Called at the end of
 * Prose.css.ts, so these rules are part of Prose's stylesheet, after its screen rules and before
 * every component's (the build checks that Prose's rules come first).
 */
export function proseMediaRules(proseBase: string): void {
  const prose = (selector: string, rule: GlobalStyleRule, pseudoElement = ''): void => {
    globalStyle(`${proseBase} :where(${selector})${pseudoElement}`, rule);
  };

  /*
   * On paper a link cannot be followed: a web address is printed after its text, as GOV.UK does.
   * Links within the page (citation markers, footnotes, "#…") print nothing more.
   */
  prose('a[href^="http"]', { '@media': { print: { content: '" (" attr(href) ")"', overflowWrap: 'anywhere' } } }, '::after');
  prose('a', { '@media': { print: { color: 'CanvasText' } } });

  /* Dark theme or not, paper is white: black text, no tinted code or table surfaces. */
  globalStyle(proseBase, { '@media': { print: { colorScheme: 'light', color: 'CanvasText' } } });
  prose('code, kbd, samp, pre', { '@media': { print: { backgroundColor: 'transparent', border: '1px solid CanvasText' } } });
  prose('pre code', { '@media': { print: { border: 0 } } });
  prose('pre', { '@media': { print: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } } });

  /* A table's scroll region cannot scroll on paper: the whole table prints, without its shades. */
  prose('[role="region"][tabindex]', { '@media': { print: { overflow: 'visible', backgroundImage: 'none' } } });
  prose('[role="region"][tabindex] > table', { '@media': { print: { minWidth: 0 } } });
  prose('tr, img, figure', { '@media': { print: { breakInside: 'avoid' } } });

  /*
   * Forced colours drop a <mark>'s tint, so the highlight would vanish: the system's own mark
   * colours instead, which the reader's theme chose to stand out.
   */
  prose('mark', {
    '@media': {
      [forcedColours]: { forcedColorAdjust: 'none', backgroundColor: 'Mark', color: 'MarkText' },
      // Nor does the tint print: on paper the marked words are outlined instead.
      print: { backgroundColor: 'transparent', color: 'CanvasText', outline: '1px solid CanvasText', boxDecorationBreak: 'clone' },
    },
  });
}
