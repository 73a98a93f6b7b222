// citation-js ships no type declarations; this is the part of its API this package uses.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string; generateGraph?: boolean });
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    input: { has(type: string): boolean };
    output: { has(type: string): boolean };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
