/**
 * citation-js reads BibTeX and RIS and writes BibTeX. It and what it pulls in (a fetch polyfill with
 * a streams polyfill, some 11 MB) are optional dependencies: an app that only compiles and renders
 * articles (inline references, CSL-JSON or YAML bibliographies) can install with `--omit=optional`.
 * So they are loaded on first use, synchronously (parsing is synchronous), through Node's require:
 * found at run time, never bundled, and their absence is a plain-words problem, not a crash.
 * (`process.getBuiltinModule`, not an import of node:module: this file also reaches browsers, in
 * Storybook, where the formats that need citation-js are simply unavailable.)
 */
import type * as CitationJsCore from '@citation-js/core';
import type { Cite } from '@citation-js/core';

const plugins = { bibtex: '@citation-js/plugin-bibtex', ris: '@citation-js/plugin-ris' } as const;
export type CitationJsFormat = keyof typeof plugins;

/** The packages loadCitationJs may load by name (no import names them): the compiler fingerprint counts them. */
export const citationJsPackages: readonly string[] = ['@citation-js/core', ...Object.values(plugins)];

/** citation-js's `Cite` with the plugin for `format` registered, or a sentence saying why it is missing. */
export function loadCitationJs(format: CitationJsFormat): { Cite: typeof Cite; bibtexGrammar?: unknown } | { missing: string } {
  const packages = ['@citation-js/core', plugins[format]];
  const install = `npm install ${packages.join(' ')}`;
  const nodeModule = globalThis.process?.getBuiltinModule?.('node:module');
  if (!nodeModule) return { missing: `${format === 'bibtex' ? 'BibTeX' : 'RIS'} is read with citation-js, which needs Node.js` };
  const require = nodeModule.createRequire(import.meta.url);
  try {
    const core = require('@citation-js/core') as typeof CitationJsCore;
    require(plugins[format]);
    return { Cite: core.Cite, ...(format === 'bibtex' ? { bibtexGrammar: bibtexGrammarOf(require) } : {}) };
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    return {
      missing: `${format === 'bibtex' ? 'BibTeX' : 'RIS'} needs ${packages.join(' and ')}, optional dependencies of @cited/content that this install left out (npm install --omit=optional): ${install}`,
    };
  }
}

/** The BibTeX plugin's grammar (an export of its file parser, which has no package `exports` map), for positions. */
function bibtexGrammarOf(require: (id: string) => unknown): unknown {
  try {
    return (require('@citation-js/plugin-bibtex/lib/input/file.js') as { bibtexGrammar?: unknown }).bibtexGrammar;
  } catch {
    return undefined;
  }
}
