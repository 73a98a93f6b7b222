/**
 * Where each BibTeX entry's key and fields are, from citation-js's own BibTeX grammar: its data has
 * no positions, so the same grammar is run again over the same tokens (moo tokens carry line and
 * column), noting where each entry's key and each field's value begin and end. Nothing is parsed
 * by hand, so odd formatting (quotes or braces, values over several lines, `#` concatenation,
 * upper-case field names, comments, `@string`) is located exactly as citation-js read it.
 */
import type { Position } from 'unist';

interface Token {
  type?: string;
  text: string;
  offset: number;
  line: number;
  col: number;
  lineBreaks: number;
}

interface Lexer {
  clone(): Lexer;
  reset(text: string): Lexer;
  next(): Token | undefined;
}

interface Grammar {
  lexer?: Lexer;
  token?: Token;
  parse(lexer: Lexer): unknown;
  consumeRule(rule: string): unknown;
  consumeToken(type?: string, optional?: boolean): Token | undefined;
}

export interface LocatedBibtexEntry {
  /** The citation key as written. */
  key: string;
  keyPosition: Position;
  /** Each field's value, by its name lower-cased (as citation-js reads it). */
  fields: Map<string, Position>;
}

const ignored = new Set(['whitespace', 'comment']);

function startOf(token: Token): Position['start'] {
  return { line: token.line, column: token.col, offset: token.offset };
}

/** Where a token ends: after its last character, which may be lines below its start. */
function endOf(token: Token): Position['end'] {
  if (token.lineBreaks === 0) return { line: token.line, column: token.col + token.text.length, offset: token.offset + token.text.length };
  const lastLine = token.text.slice(token.text.search(/[^\r\n]*$/));
  return { line: token.line + token.lineBreaks, column: lastLine.length + 1, offset: token.offset + token.text.length };
}

/**
 * The entries of `text` with their positions, in file order; empty when citation-js's grammar is not
 * where this version of it keeps it (the entries are then reported at their `@type{key,` line).
 * `bibtexGrammar` is citation-js's own module export; its lexer is the one it last parsed with.
 */
export function locateBibtexEntries(text: string, bibtexGrammar: Grammar | undefined): LocatedBibtexEntry[] {
  const lexer = bibtexGrammar?.lexer;
  if (!bibtexGrammar || typeof lexer?.clone !== 'function') return [];
  const located: LocatedBibtexEntry[] = [];
  let entry: LocatedBibtexEntry | undefined;
  let field: { name: string; start?: Position['start'] } | undefined;
  let lastToken: Token | undefined;
  // A child of the grammar, so the shared instance's state (token, lexer, log) is never touched.
  const locating = Object.create(bibtexGrammar) as Grammar;
  locating.consumeToken = function (type, optional) {
    const token = bibtexGrammar.consumeToken.call(this, type, optional);
    if (token && !ignored.has(token.type ?? '')) lastToken = token;
    if (token?.type === 'label') {
      entry = { key: token.text, keyPosition: { start: startOf(token), end: endOf(token) }, fields: new Map() };
      located.push(entry);
    }
    if (token?.type === 'identifier' && field && !field.start && field.name === '') field.name = token.text.toLowerCase();
    return token;
  };
  locating.consumeRule = function (rule) {
    // `@string{name = …}` and `@preamble` are entries without a key: their fields belong to none.
    if (rule === 'Entry') entry = undefined;
    if (rule === 'Field') field = { name: '' };
    if (rule === 'Expression' && field?.name && !field.start && this.token) field.start = startOf(this.token);
    const result = bibtexGrammar.consumeRule.call(this, rule);
    if (rule === 'Field' && field?.start && lastToken) {
      if (entry && !entry.fields.has(field.name)) entry.fields.set(field.name, { start: field.start, end: endOf(lastToken) });
      field = undefined;
    }
    return result;
  };
  try {
    locating.parse(lexer.clone().reset(text));
  } catch {
    return [];
  }
  return located;
}
