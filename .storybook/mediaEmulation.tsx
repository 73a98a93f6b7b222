import { useEffect, type PropsWithChildren } from 'react';
import { emulatedMediaRoot } from './preview.css';

/**
 * The print and forced-colours toolbar settings. A page cannot switch the browser's media
 * features itself, so these apply what the design system does under them: every stylesheet rule
 * inside `@media print` (or `(forced-colors: active)`) is copied, on screen, into a style element
 * of its own while the setting is on, scoped (`@scope`) to the story's own wrapper, so a docs
 * page's other examples and its own chrome stay as they are (the page's `:root` rules apply to the
 * wrapper instead). What the browser itself does is not emulated: on print, the
 * page size and dropped backgrounds; in forced colours, the system palette that replaces every
 * colour. For those, print the page, or use Chrome DevTools > Rendering > "Emulate CSS media
 * feature forced-colors"; the visual checks emulate both for real (`parameters.cited.media`).
 */
export type EmulatedMedium = 'print' | 'forcedColours';

/** What a story asks the visual checks for: `parameters: { cited: { media: { … } } }`. */
export interface CitedMediaParameter {
  media?: 'print';
  forcedColors?: 'active';
}

/** The media query the browser really matches for each setting. */
const realQuery: Record<EmulatedMedium, string> = {
  print: 'print',
  forcedColours: '(forced-colors: active)',
};

/**
 * The queries of a media rule's list that hold under the medium, rewritten to hold on screen;
 * '' if none do. Print: queries with the media type `print` (`print and (…)` keeps its features).
 * Forced colours: queries with `(forced-colors: active)`, which becomes an always-true feature.
 */
export function rewriteMediaForScreen(mediaText: string, medium: EmulatedMedium): string {
  const queries = mediaText.split(',').map((query) => query.trim());
  const rewritten =
    medium === 'print'
      ? queries.filter((query) => /^(only\s+)?print\b/i.test(query)).map((query) => query.replace(/^(only\s+)?print\b/i, 'all'))
      : queries.filter((query) => /\(\s*forced-colors\s*:\s*active\s*\)/i.test(query)).map((query) => query.replace(/\(\s*forced-colors\s*:\s*active\s*\)/gi, '(min-width: 0px)'));
  return rewritten.join(', ');
}

/** The attribute on the wrapper that scopes the copies: the media it emulates, space-separated. */
const scopeAttribute = 'data-cited-emulated-media';

/**
 * Copies of the rules that apply under `medium`, keeping the layers and @supports around them,
 * each scoped to the wrapper: `:root` in a selector becomes the scope's root.
 */
function copiesFor(rules: CSSRuleList, medium: EmulatedMedium): string[] {
  const copies: string[] = [];
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSMediaRule) {
      const media = rewriteMediaForScreen(rule.media.mediaText, medium);
      const inner = Array.from(rule.cssRules, (innerRule) => innerRule.cssText.replace(/:root\b/g, ':scope')).join('\n');
      if (media) copies.push(`@scope ([${scopeAttribute}~="${medium}"]) {\n@media ${media} {\n${inner}\n}\n}`);
    } else if (typeof CSSLayerBlockRule !== 'undefined' && rule instanceof CSSLayerBlockRule) {
      const inner = copiesFor(rule.cssRules, medium);
      if (inner.length > 0) copies.push(`@layer ${rule.name} {\n${inner.join('\n')}\n}`);
    } else if (rule instanceof CSSSupportsRule) {
      const inner = copiesFor(rule.cssRules, medium);
      if (inner.length > 0) copies.push(`@supports ${rule.conditionText} {\n${inner.join('\n')}\n}`);
    }
  }
  return copies;
}

function emulatedCss(media: EmulatedMedium[], own: HTMLStyleElement): string {
  const copies: string[] = [];
  for (const medium of media) {
    // The browser really is in this medium (printing, real forced colours, the visual checks):
    // the real rules apply already, and copies would only change their order.
    if (window.matchMedia?.(realQuery[medium]).matches) continue;
    for (const sheet of Array.from(document.styleSheets)) {
      if (sheet.ownerNode === own) continue;
      try {
        copies.push(...copiesFor(sheet.cssRules, medium));
      } catch {
        // Another origin's stylesheet (none of the design system's): its rules cannot be read.
      }
    }
  }
  return copies.join('\n');
}

/**
 * Applies the design system's rules for `media` on screen while mounted, to its own subtree. The
 * wrapper paints the theme's surface, so a print preview inside a dark docs page reads as paper.
 */
export function MediaEmulation({ media, children }: PropsWithChildren<{ media: EmulatedMedium[] }>) {
  const key = media.join(' ');
  useEffect(() => {
    if (key === '') return undefined;
    const active = key.split(' ') as EmulatedMedium[];
    const style = document.createElement('style');
    style.dataset.citedMediaEmulation = key;
    document.head.append(style);
    const update = () => {
      style.textContent = emulatedCss(active, style);
    };
    update();
    const queries = active.flatMap((medium) => window.matchMedia?.(realQuery[medium]) ?? []);
    for (const query of queries) query.addEventListener('change', update);
    return () => {
      for (const query of queries) query.removeEventListener('change', update);
      style.remove();
    };
  }, [key]);
  return (
    <div {...{ [scopeAttribute]: key }} className={emulatedMediaRoot}>
      {children}
    </div>
  );
}
