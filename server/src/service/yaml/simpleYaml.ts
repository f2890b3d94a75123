// A fast reader for the plain shape most plan entries have: block maps and lists of plain scalars
// (on one line or several) or one-line quoted ones, flow lists and maps of words on one line,
// folded or literal text, and comments after a value or on lines of their own between entries;
// LF or CR LF line ends; no tabs, anchors, tags or escapes. It builds exactly the tree the `yaml` package and yamlTree.ts build
// for such text, spans included, in a fraction of the time. For anything outside that shape it
// answers undefined, and the text is parsed by the `yaml` package: every syntax error is found
// there, never here.
import type { YMap, YNode, YPair, YScalar, YSeq } from './nodes';

/** Undefined when the text is not of the plain shape; null when it holds no node (blank lines only). */
export function parseSimple(text: string): YNode | null | undefined {
  if (!plainCharacters(text)) return undefined;
  const lines = new Lines(text);
  const first = lines.nextNode(0);
  if (first === lines.count) return null;
  const reader = new Reader(text, lines);
  const indent = lines.indent(first);
  const parsed = reader.block(first, indent, false, 0);
  if (!parsed) return undefined;
  // Only comments may follow, none indented more than the root (a collection takes in comments indented more than itself).
  for (let line = lines.nextContent(parsed.next); line < lines.count; line = lines.nextContent(line + 1)) {
    if (!lines.comment(line) || lines.indent(line) > indent) return undefined;
  }
  return parsed.node;
}

/** Line breaks (LF or CR LF) and printable characters other than tab, byte-order mark and surrogates. */
function plainCharacters(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x20 && code <= 0x7e) continue;
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(index + 1) === 0x0a)) continue;
    if (code < 0xa0 || (code >= 0xd800 && code <= 0xdfff) || code === 0xfeff || code > 0xfffd) return false;
  }
  return true;
}

/** Where each line starts, its indentation, where its content ends (trailing spaces left out) and where its line break starts. */
class Lines {
  readonly count: number;
  private readonly starts: number[] = [];
  private readonly indents: number[] = [];
  private readonly ends: number[] = [];
  private readonly breakStarts: number[] = [];
  private readonly breaks: number[] = [];

  constructor(private readonly text: string) {
    let position = 0;
    while (position < text.length) {
      let lineEnd = text.indexOf('\n', position);
      const next = lineEnd < 0 ? text.length : lineEnd + 1;
      if (lineEnd < 0) lineEnd = text.length;
      else if (text.charCodeAt(lineEnd - 1) === 0x0d) lineEnd--;
      let content = position;
      while (content < lineEnd && text.charCodeAt(content) === 0x20) content++;
      let end = lineEnd;
      while (end > content && text.charCodeAt(end - 1) === 0x20) end--;
      this.starts.push(position);
      this.indents.push(content - position);
      this.ends.push(end);
      this.breakStarts.push(lineEnd);
      this.breaks.push(next);
      position = next;
    }
    this.count = this.starts.length;
  }

  indent(line: number): number {
    return this.indents[line]!;
  }
  /** Where the content starts. */
  content(line: number): number {
    return this.starts[line]! + this.indents[line]!;
  }
  /** Where the content ends, trailing spaces left out. */
  end(line: number): number {
    return this.ends[line]!;
  }
  /** Where the line break (CR LF or LF) starts, or the end of the text. */
  breakStart(line: number): number {
    return this.breakStarts[line]!;
  }
  /** Where the next line starts (after the line feed), or the end of the text. */
  next(line: number): number {
    return this.breaks[line]!;
  }
  /** Whether the line ends with a line feed (only the last line may not). */
  hasBreak(line: number): boolean {
    return this.text.charCodeAt(this.breaks[line]! - 1) === 0x0a;
  }
  /** The first line from `line` on that is not blank, or `count`. */
  nextContent(line: number): number {
    while (line < this.count && this.blank(line)) line++;
    return line;
  }
  /** The first line from `line` on that is neither blank nor a comment, or `count`. */
  nextNode(line: number): number {
    while (line < this.count && (this.blank(line) || this.comment(line))) line++;
    return line;
  }
  blank(line: number): boolean {
    return this.content(line) === this.ends[line]!;
  }
  comment(line: number): boolean {
    return this.text.charCodeAt(this.content(line)) === 0x23;
  }
  /** Whether the line is a list item: `- ` or a lone `-`. */
  item(line: number): boolean {
    const content = this.content(line);
    return this.text.charCodeAt(content) === 0x2d && (content + 1 === this.ends[line]! || this.text.charCodeAt(content + 1) === 0x20);
  }
}

interface Parsed<T extends YNode = YNode> {
  node: T;
  /** Where the node's extent ends for its parent (after its line feed, for a scalar on one line). */
  extent: number;
  /** The first line after the node. */
  next: number;
}

/** What afterComments answers when a collection ends at a run of comments. */
const ends = Symbol('ends');

/** Nesting deeper than this is left to the `yaml` package (a plan needs four levels). */
const maxDepth = 32;

class Reader {
  constructor(
    private readonly text: string,
    private readonly lines: Lines,
  ) {}

  /** The block node starting at `line`, indented by `indent`. */
  block(line: number, indent: number, inMapAtSameIndent: boolean, depth: number): Parsed | undefined {
    if (depth > maxDepth || this.lines.comment(line)) return undefined;
    return this.lines.item(line) ? this.seq(line, indent, inMapAtSameIndent, depth) : this.map(line, indent, depth);
  }

  private map(first: number, indent: number, depth: number): Parsed<YMap> | undefined {
    const { lines, text } = this;
    const pairs: YPair[] = [];
    let extent = 0;
    // After an empty value, or a list at the map's own indentation, the package takes the comments that follow into the map's extent.
    let takesComments = false;
    let emptyWithComment = false;
    let line = first;
    while (line < lines.count) {
      if (lines.comment(line)) {
        const after = this.afterComments(line, indent, (next) => !lines.item(next));
        if (after === undefined || (after === ends && takesComments)) return undefined;
        if (after === ends) break;
        line = after;
        continue;
      }
      if (lines.indent(line) < indent) break;
      if (lines.indent(line) > indent || lines.item(line)) return undefined;
      const content = lines.content(line);
      const end = lines.end(line);
      // The key ends at the first `: ` or at a `:` that ends the line.
      let colon = content;
      for (;;) {
        colon = text.indexOf(':', colon);
        if (colon < 0 || colon >= end) return undefined;
        if (colon + 1 === end || text.charCodeAt(colon + 1) === 0x20) break;
        colon++;
      }
      if (colon === content || text.charCodeAt(colon - 1) === 0x20 || colon - content > 1000) return undefined;
      const key = this.scalar(content, colon, true);
      if (!key) return undefined;
      let value: Parsed | undefined;
      let listAtMapIndent = false;
      const valueStart = spacesSkipped(text, colon + 1, end);
      const commented = valueStart < end && valueStart > colon + 1 && text.charCodeAt(valueStart) === 0x23;
      if (valueStart < end && !commented) {
        value = this.inlineValue(line, valueStart, indent);
      } else {
        if (!commented && end !== lines.breakStart(line)) return undefined; // spaces after the colon
        const below = lines.nextNode(line + 1);
        if (below < lines.count && (lines.indent(below) > indent || (lines.indent(below) === indent && lines.item(below)))) {
          listAtMapIndent = lines.indent(below) === indent;
          value = this.block(below, lines.indent(below), listAtMapIndent, depth + 1);
        } else {
          // An empty value: the package places it after the colon, or where a comment after it starts (and then its extent takes in the comment).
          const offset = commented ? valueStart : colon + 1;
          value = { node: scalar(null, 'plain', '', offset, offset), extent: commented ? lines.next(line) : offset, next: line + 1 };
        }
      }
      if (!value) return undefined;
      takesComments = listAtMapIndent || (value.node.kind === 'scalar' && value.node.end === value.node.start);
      emptyWithComment = commented && value.node.kind === 'scalar' && value.node.end === value.node.start;
      pairs.push({ key, value: value.node, start: key.start, end: Math.max(value.node.end, key.end) });
      extent = value.extent;
      line = lines.nextContent(value.next);
    }
    // A map that ends with an empty value and a comment extends, for the package, to where the next node starts.
    if (emptyWithComment) extent = line < lines.count ? lines.content(line) : text.length;
    const start = pairs[0]!.start;
    return { node: { kind: 'map', pairs, flow: false, start, end: extent }, extent, next: line };
  }

  private seq(first: number, indent: number, inMapAtSameIndent: boolean, depth: number): Parsed<YSeq> | undefined {
    const { lines, text } = this;
    const items: YNode[] = [];
    let extent = 0;
    let line = first;
    while (line < lines.count) {
      if (lines.comment(line)) {
        const after = this.afterComments(line, indent, (next) => lines.item(next));
        if (after === undefined) return undefined;
        if (after === ends) break;
        line = after;
        continue;
      }
      if (lines.indent(line) < indent) break;
      if (lines.indent(line) > indent) return undefined;
      if (!lines.item(line)) {
        if (inMapAtSameIndent) break; // the next key of the map this list is a value of
        return undefined;
      }
      const content = lines.content(line);
      const end = lines.end(line);
      const valueStart = spacesSkipped(text, content + 1, end);
      if (valueStart === end || depth > maxDepth) return undefined; // an empty or nested item
      const code = text.charCodeAt(valueStart);
      if (code === 0x3e || code === 0x7c || code === 0x23) return undefined; // folded or literal text, or a comment, in a list
      const item = this.oneLine(line, valueStart, indent);
      if (!item) return undefined;
      items.push(item.node);
      extent = item.extent;
      line = lines.nextContent(item.next);
    }
    const start = lines.content(first);
    return { node: { kind: 'seq', items, flow: false, start, end: extent }, extent, next: line };
  }

  /**
   * At a comment line inside a collection indented by `indent`: the first line after the comments
   * (and blank lines) when the collection goes on there; `ends` when it ends there and takes none
   * of them in (none is indented more than it); undefined when it would take them in, which is
   * left to the `yaml` package.
   */
  private afterComments(line: number, indent: number, continues: (next: number) => boolean): number | typeof ends | undefined {
    const { lines } = this;
    let deepest = 0;
    let next = line;
    for (; next < lines.count && (lines.blank(next) || lines.comment(next)); next++) {
      if (!lines.blank(next)) deepest = Math.max(deepest, lines.indent(next));
    }
    if (next < lines.count && lines.indent(next) === indent && continues(next)) return next;
    return deepest <= indent ? ends : undefined;
  }

  /** A value after `key: `: a scalar, a flow list or a flow map on this line, or folded or literal text below it. */
  private inlineValue(line: number, start: number, indent: number): Parsed | undefined {
    const code = this.text.charCodeAt(start);
    if (code === 0x3e || code === 0x7c) return this.blockScalar(line, start, indent);
    if (code === 0x5b || code === 0x7b) return this.flowCollection(line, start, indent);
    return this.oneLine(line, start, indent);
  }

  /** `[a, 'b']` or `{name: x, due: y, features: [a, b]}` on one line, maybe with a comment after it. */
  private flowCollection(line: number, start: number, indent: number): Parsed | undefined {
    const { lines, text } = this;
    const lineEnd = lines.end(line);
    const read = text.charCodeAt(start) === 0x5b ? this.flowListAt(start, lineEnd) : this.flowMapAt(start, lineEnd);
    if (!read) return undefined;
    const after = spacesSkipped(text, read.end, lineEnd);
    if (after < lineEnd && !(after > read.end && text.charCodeAt(after) === 0x23)) return undefined;
    const below = lines.nextNode(line + 1);
    if (below < lines.count && lines.indent(below) > indent) return undefined;
    return { node: read.node, extent: lines.next(line), next: line + 1 };
  }

  /** A flow list of scalars from the `[` at `start`, and where it ends (after the `]`). */
  private flowListAt(start: number, lineEnd: number): { node: YSeq; end: number } | undefined {
    const text = this.text;
    const items: YNode[] = [];
    let position = spacesSkipped(text, start + 1, lineEnd);
    while (text.charCodeAt(position) !== 0x5d /* ] */) {
      const item = this.flowScalarAt(position, lineEnd);
      if (!item) return undefined;
      items.push(item.node);
      position = this.afterFlowEntry(item.end, lineEnd, 0x5d);
      if (position < 0) return undefined;
    }
    return { node: { kind: 'seq', items: items.slice(), flow: true, start, end: position + 1 }, end: position + 1 };
  }

  /** A flow map from the `{` at `start` whose keys are scalars and whose values are scalars or flow lists, and where it ends (after the `}`). */
  private flowMapAt(start: number, lineEnd: number): { node: YMap; end: number } | undefined {
    const text = this.text;
    const pairs: YPair[] = [];
    let position = spacesSkipped(text, start + 1, lineEnd);
    while (text.charCodeAt(position) !== 0x7d /* } */) {
      const key = this.flowScalarAt(position, lineEnd);
      if (!key || text.charCodeAt(key.end) !== 0x3a || text.charCodeAt(key.end + 1) !== 0x20) return undefined;
      const valueStart = spacesSkipped(text, key.end + 1, lineEnd);
      const value = text.charCodeAt(valueStart) === 0x5b ? this.flowListAt(valueStart, lineEnd) : this.flowScalarAt(valueStart, lineEnd);
      if (!value) return undefined;
      pairs.push({ key: key.node, value: value.node, start: key.node.start, end: Math.max(value.node.end, key.node.end) });
      position = this.afterFlowEntry(value.end, lineEnd, 0x7d);
      if (position < 0) return undefined;
    }
    return { node: { kind: 'map', pairs: pairs.slice(), flow: true, start, end: position + 1 }, end: position + 1 };
  }

  /** A quoted scalar, or words, in a flow collection at `position`, and where it ends. */
  private flowScalarAt(position: number, lineEnd: number): { node: YScalar; end: number } | undefined {
    const text = this.text;
    const first = text.charCodeAt(position);
    let end: number;
    if (first === 0x22 || first === 0x27) {
      const close = closingQuote(text, position, lineEnd);
      if (close < 0 || close >= lineEnd) return undefined;
      end = close + 1;
    } else {
      end = position;
      while (end < lineEnd && flowWord.test(text[end]!)) end++;
      while (end > position && text.charCodeAt(end - 1) === 0x20) end--;
      if (end === position) return undefined;
    }
    const node = this.scalar(position, end, false);
    return node && { node, end };
  }

  /** After an entry of a flow collection: where the next entry or the closing bracket is, or -1. */
  private afterFlowEntry(end: number, lineEnd: number, closing: number): number {
    const text = this.text;
    let position = spacesSkipped(text, end, lineEnd);
    if (text.charCodeAt(position) === 0x2c /* , */) position = spacesSkipped(text, position + 1, lineEnd);
    else if (text.charCodeAt(position) !== closing) return -1;
    return position < lineEnd ? position : -1;
  }

  /**
   * A quoted scalar on this line, or a plain one that may go on over lines indented more than
   * `indent` (each line break read as a space, blank lines as line breaks); either may end with a comment.
   */
  private oneLine(line: number, start: number, indent: number): Parsed | undefined {
    const { lines, text } = this;
    const end = this.scalarEnd(start, lines.end(line));
    if (end === undefined) return undefined;
    const continued = this.continuation(line, indent);
    if (continued === undefined) return undefined;
    if (continued.last === line) {
      const node = this.scalar(start, end, false);
      return node && { node, extent: lines.next(line), next: line + 1 };
    }
    // Over several lines: a plain scalar whose first line has no comment.
    const first = text.charCodeAt(start);
    if (first === 0x22 || first === 0x27 || end !== lines.end(line) || indicators.has(first)) return undefined;
    const source = text.slice(start, end);
    if (!plainText(source)) return undefined;
    const value = plainValue(source + continued.rest);
    if (typeof value !== 'string') return undefined;
    const last = continued.last;
    return { node: scalar(value, 'plain', '', start, lines.end(last)), extent: lines.next(last), next: last + 1 };
  }

  /**
   * The lines that go on a scalar on `line` (indented more than `indent`), as they add to its
   * value, and the last of them (`line` itself when none does); undefined when a line there is not
   * plain text, which is left to the `yaml` package.
   */
  private continuation(line: number, indent: number): { rest: string; last: number } | undefined {
    const { lines, text } = this;
    let rest = '';
    let last = line;
    let blanks = 0;
    for (let next = line + 1; next < lines.count; next++) {
      if (lines.blank(next)) {
        blanks++;
        continue;
      }
      if (lines.indent(next) <= indent || lines.comment(next)) break; // (a comment ends a plain scalar)
      const content = text.slice(lines.content(next), lines.end(next));
      if (indicators.has(content.charCodeAt(0)) || !plainText(content)) return undefined;
      rest += (blanks > 0 ? '\n'.repeat(blanks) : ' ') + content;
      blanks = 0;
      last = next;
    }
    return { rest, last };
  }

  /** Where the scalar starting at `start` ends on a line whose content ends at `lineEnd`: before a comment, if there is one. */
  private scalarEnd(start: number, lineEnd: number): number | undefined {
    const text = this.text;
    const first = text.charCodeAt(start);
    let end = lineEnd;
    if (first === 0x22 || first === 0x27) {
      const close = closingQuote(text, start, lineEnd);
      if (close < 0 || close >= lineEnd) return undefined;
      end = close + 1;
      const after = spacesSkipped(text, end, lineEnd);
      // Nothing after the closing quote but a comment, set apart by a space.
      return after === lineEnd || (after > end && text.charCodeAt(after) === 0x23) ? end : undefined;
    }
    // A comment starts at a `#` after a space (searched on this line only: the text may be a whole file).
    for (let index = start + 1; index < lineEnd; index++) {
      if (text.charCodeAt(index) === 0x23 && text.charCodeAt(index - 1) === 0x20) {
        end = index - 1;
        break;
      }
    }
    while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
    return end;
  }

  /** `>`, `>-`, `|` or `|-` with lines of text indented alike, none blank, each ending with a line feed. */
  private blockScalar(line: number, start: number, indent: number): Parsed | undefined {
    const { lines, text } = this;
    const header = text.slice(start, lines.end(line));
    if (header !== '>' && header !== '>-' && header !== '|' && header !== '|-') return undefined;
    if (lines.end(line) !== lines.breakStart(line) || !lines.hasBreak(line)) return undefined; // spaces after the header, or no line feed
    const first = line + 1;
    if (first >= lines.count || lines.blank(first)) return undefined;
    const contentIndent = lines.indent(first);
    if (contentIndent <= indent) return undefined;
    const parts: string[] = [];
    let below = first;
    while (below < lines.count && !lines.blank(below) && lines.indent(below) >= contentIndent) {
      if (lines.indent(below) > contentIndent || !lines.hasBreak(below) || lines.end(below) !== lines.breakStart(below)) return undefined;
      parts.push(text.slice(lines.content(below), lines.end(below)));
      below++;
    }
    // Blank lines after the text are not part of it (but for spaces beyond its indentation); a line indented more than the parent would be.
    for (let blank = below; blank < lines.count && lines.blank(blank); blank++) if (lines.indent(blank) > contentIndent) return undefined;
    const after = lines.nextContent(below);
    if (after < lines.count && lines.indent(after) > indent) return undefined;
    const folded = header.charCodeAt(0) === 0x3e;
    let value = parts.join(folded ? ' ' : '\n');
    if (header.length === 1) value += '\n';
    const end = lines.next(below - 1);
    return { node: scalar(value, 'block', '', start, end), extent: end, next: below };
  }

  /** A plain scalar, or a quoted one with at most the commonest escapes, from `start` to `end` (a key's colon, or the line's end). */
  private scalar(start: number, end: number, isKey: boolean): YScalar | undefined {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === 0x22 || first === 0x27) {
      // One quoted scalar and nothing after it.
      if (closingQuote(text, start, end) !== end - 1) return undefined;
      const inner = text.slice(start + 1, end - 1);
      if (first === 0x27) return scalar(inner.replaceAll("''", "'"), 'single', '', start, end);
      const value = inner.includes('\\') ? unescaped(inner) : inner;
      return value === undefined ? undefined : scalar(value, 'double', '', start, end);
    }
    if (indicators.has(first)) return undefined;
    const source = text.slice(start, end);
    if (!isKey && !plainText(source)) return undefined;
    if (isKey && (source.includes(' #') || /[[\]{}]/.test(source))) return undefined;
    const value = plainValue(source);
    if (value === undefined) return undefined;
    return scalar(value, 'plain', typeof value === 'string' ? '' : source, start, end);
  }
}

/** Text a plain value may be, here: no comment, no `: `, no `:` at the end, no brackets or braces. */
function plainText(source: string): boolean {
  return !notPlainText.test(source);
}

const notPlainText = / #|: |:$|[[\]{}]/;

/** The characters of a word in a flow list: letters, digits, `.`, `_`, `-` and spaces between words. */
const flowWord = /[A-Za-z0-9._\- ]/;

function spacesSkipped(text: string, from: number, end: number): number {
  while (from < end && text.charCodeAt(from) === 0x20) from++;
  return from;
}

/** The characters that cannot start a plain scalar here (some could, followed by a non-space: left to the `yaml` package). */
const indicators = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((character) => character.charCodeAt(0)));

/** Where the quoted scalar opening at `start` closes before `end` (a `''` in single quotes and a `\\"` in double ones do not close it), or -1. */
function closingQuote(text: string, start: number, end: number): number {
  const quote = text.charCodeAt(start);
  for (let index = start + 1; index < end; index++) {
    const code = text.charCodeAt(index);
    if (quote === 0x22 && code === 0x5c /* \\ */) index++;
    else if (code !== quote) continue;
    else if (quote === 0x27 && text.charCodeAt(index + 1) === 0x27 && index + 1 < end - 1) index++;
    else return index;
  }
  return -1;
}

/** The escapes of double-quoted scalars read here; the others are left to the `yaml` package. */
const escapes: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t' };

/** The text of a double-quoted scalar with escapes, or undefined when one is not read here. */
function unescaped(inner: string): string | undefined {
  let value = '';
  for (let index = 0; index < inner.length; index++) {
    const character = inner[index]!;
    if (character !== '\\') {
      value += character;
      continue;
    }
    const escaped = escapes[inner[++index] ?? ''];
    if (escaped === undefined) return undefined;
    value += escaped;
  }
  return value;
}

const nullWord = /^(?:~|[Nn]ull|NULL)$/;
const boolWord = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
/** The tests of the YAML 1.2 core schema for numbers (octal, decimal, hexadecimal, infinity, NaN, exponent, decimal point). */
const numberWord = /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
const smallInteger = /^[0-9]{1,15}$/;

/** The value of a plain scalar by the YAML 1.2 core schema; undefined for numbers other than small decimal integers, left to the `yaml` package. */
function plainValue(source: string): string | number | boolean | null | undefined {
  if (nullWord.test(source)) return null;
  if (boolWord.test(source)) return source.charCodeAt(0) === 0x74 || source.charCodeAt(0) === 0x54;
  if (smallInteger.test(source)) return Number(source);
  return numberWord.test(source) ? undefined : source;
}

function scalar(value: unknown, style: YScalar['style'], source: string, start: number, end: number): YScalar {
  return { kind: 'scalar', value, style, source, start, end };
}
