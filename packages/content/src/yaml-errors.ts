import type { YAMLError } from 'yaml';

/** One YAML problem in plain words, at a line of the YAML block (1-based within the block) and column. */
export interface YamlProblem {
  line: number;
  column: number;
  message: string;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Which lines are the text of a block scalar (`bio: >-` or `disclaimer: |` and the lines indented
 * under it): free text, where a `: ` or a deeper indent is no mistake. 0-based, like `lines`.
 */
function blockScalarText(lines: readonly string[]): boolean[] {
  const text = lines.map(() => false);
  let scalarIndent: number | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    const content = line.trimStart();
    const indent = line.length - content.length;
    if (scalarIndent !== undefined) {
      if (content === '' || indent > scalarIndent) {
        text[index] = true;
        continue;
      }
      scalarIndent = undefined;
    }
    if (/(?:^-|:)\s*[|>][+-]?\d*\s*(?:#.*)?$/.test(content)) scalarIndent = indent;
  }
  return text;
}

/**
 * Finds the first line whose indentation fits no block above it: the usual YAML mistake, which the
 * parser reports as several errors in its own terms, often lines later. Levels are the indents of
 * open blocks: a `key:` with no value or a `- ` item opens a deeper one.
 */
export function findIndentationSlip(yaml: string): YamlProblem | undefined {
  const levels: number[] = [0];
  let opensBlock = false;
  const lines = yaml.split(/\r\n|\n|\r/);
  const inText = blockScalarText(lines);
  for (let index = 0; index < lines.length; index += 1) {
    if (inText[index]) continue;
    const line = lines[index] as string;
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    if (/^\t/.test(line.slice(0, line.length - content.length).replace(/ /g, ''))) {
      return { line: index + 1, column: 1, message: 'this line is indented with a tab: YAML needs spaces' };
    }
    const indent = line.length - content.length;
    const top = levels[levels.length - 1] as number;
    if (indent > top) {
      if (!opensBlock) {
        return {
          line: index + 1,
          column: indent + 1,
          message: `this line is indented ${plural(indent - top, 'space')} more than the line above it, which does not open a block (a \`key:\` with nothing after it)`,
        };
      }
      levels.push(indent);
    } else {
      let deeper = top;
      while ((levels[levels.length - 1] as number) > indent) deeper = levels.pop() as number;
      const level = levels[levels.length - 1] as number;
      if (level !== indent) {
        return {
          line: index + 1,
          column: indent + 1,
          message: `this line is indented ${plural(deeper - indent, 'space')} less than the keys above it (${plural(deeper, 'space')}): line it up with them`,
        };
      }
    }
    // A `- ` item holds a mapping one level in; a key without a value (or a block scalar) opens a block.
    const item = /^-\s+/.exec(content);
    if (item && /^-\s+[^\s#][^:]*:(\s|$)/.test(content)) levels.push(indent + item[0].length);
    const rest = item ? content.slice(item[0].length) : content;
    opensBlock = /:\s*(?:[|>][+-]?\d*)?\s*(?:#.*)?$/.test(rest) || /^-\s*$/.test(content);
  }
  return undefined;
}

/**
 * `title: Sciatica: what helps`: a plain value with `: ` in it reads to YAML as a second key, and the
 * parser then speaks of nested mappings or indentation. Names the cause and shows the quoted form.
 */
export function findUnquotedColon(yaml: string): YamlProblem | undefined {
  const lines = yaml.split(/\r\n|\n|\r/);
  const inText = blockScalarText(lines);
  for (let index = 0; index < lines.length; index += 1) {
    if (inText[index]) continue;
    const match = /^(\s*(?:-\s+)?)([^\s#'"\-[{][^:#]*?):[ \t]+([^\s'"[{|>&*!%@`#].*)$/.exec(lines[index] as string);
    if (!match) continue;
    const [, lead = '', key = '', value = ''] = match;
    const colon = /:(?:[ \t]|$)/.exec(value);
    if (!colon) continue;
    const text = value.replace(/\s+#.*$/, '').trimEnd();
    const quoted = text.includes('"') ? `'${text.replace(/'/g, "''")}'` : `"${text.replace(/\\/g, '\\\\')}"`;
    const valueStart = (lines[index] as string).length - value.length;
    return {
      line: index + 1,
      column: valueStart + colon.index + 1,
      message: `the value of \`${key.trim()}\` contains a colon followed by a space, which YAML reads as the start of another key: put the whole value in quotes: \`${lead.trimStart()}${key.trim()}: ${quoted}\``,
    };
  }
  return undefined;
}

/** A `[` or `{` the parser says is never closed: its offset in the YAML, to report it where it opens. */
export function unclosedOpener(yaml: string, error: YAMLError): number | undefined {
  const closer = /end with an? ([\]}])/.exec(error.message)?.[1];
  if (error.code !== 'MISSING_CHAR' && !closer) return undefined;
  const opener = closer === '}' ? '{' : '[';
  const index = yaml.lastIndexOf(opener, error.pos[0]);
  return index >= 0 ? index : undefined;
}

/** The parser's first error, said plainly. */
export function plainYamlError(error: YAMLError): string {
  const detail = error.message.split('\n')[0] ?? '';
  if (/end with an? [\]}]/.test(detail)) {
    return 'a `[` or `{` is opened here but never closed: add the closing `]` or `}`, or put the whole value in quotes';
  }
  switch (error.code) {
    case 'MISSING_CHAR':
      return 'a `[`, `{` or quote is opened but never closed: add the closing `]`, `}` or quote, or put the whole value in quotes';
    case 'DUPLICATE_KEY':
      return `a key appears twice in the same place (${detail}): keep one`;
    case 'TAB_AS_INDENT':
      return 'this line is indented with a tab: YAML needs spaces';
    case 'BAD_INDENT':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'the indentation here does not match the lines above it';
    case 'BAD_SCALAR_START':
    case 'UNEXPECTED_TOKEN':
      return 'YAML cannot read this value: if it contains `: ` or ` #`, or starts with one of `[ { * & ! | > @ %` or a backtick, put it in quotes';
    default:
      return `YAML cannot read this (${detail})`;
  }
}

/**
 * The first YAML error of a file or frontmatter block, in plain words, where the mistake is: an
 * unquoted `: ` or an indentation slip the parser only notices lines later, else the parser's
 * error explained (at the bracket left open, when that is it). Its messages come in bunches, in
 * its own terms; this is one, in an editor's.
 */
export function explainYamlError(yaml: string, firstError: YAMLError): { message: string; place: { line: number; column: number } | { range: [number, number] } } {
  const indentation = findIndentationSlip(yaml);
  const colon = findUnquotedColon(yaml);
  const slip = colon && (!indentation || colon.line <= indentation.line) ? colon : indentation;
  if (slip) return { message: slip.message, place: { line: slip.line, column: slip.column } };
  const opener = unclosedOpener(yaml, firstError);
  return { message: plainYamlError(firstError), place: { range: opener === undefined ? [firstError.pos[0], firstError.pos[1]] : [opener, opener + 1] } };
}
