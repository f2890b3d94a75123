// Parses YAML into the position-exact tree of nodes.ts: with the fast reader of simpleYaml.ts where
// it can, else with the `yaml` package, bounding aliases and nesting.
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, parseDocument, Scalar, type Document, type Node } from 'yaml';
import { parseSimple } from './simpleYaml';
import type { ParsedYaml, ScalarStyle, Span, SyntaxError, YNode, YPair, YScalar } from './nodes';

/** Bounds alias expansion, so that a "billion laughs" document costs a bounded amount of work. */
const maxAliasNodes = 10_000;

/**
 * Bounds nesting. The `yaml` parser recurses once per level and runs out of stack somewhere past a
 * thousand (less inside the server); running out of stack there has crashed the process (V8 fails
 * to compile a regular expression in what stack is left). A plan needs six levels.
 */
export const maxNestingDepth = 256;

const tooDeepMessage = `Nested more than ${maxNestingDepth} levels deep: this part of the file is not read. A plan needs far fewer levels.`;

// `strict`: every error the YAML 1.2 spec requires, also those the package could read past
// (a comment not separated by a space, a key longer than 1024 characters).
const parseOptions = { uniqueKeys: false, prettyErrors: false, strict: true, version: '1.2' } as const;

export function parseYaml(text: string): ParsedYaml {
  const simple = parseSimple(text);
  if (simple !== undefined) return { root: simple, errors: [], usesAnchors: false, simple: true };
  return parseWithPackage(text);
}

/** The text parsed by the `yaml` package alone: the reference the fast reader of simpleYaml.ts is tested against. */
export function parseWithPackage(text: string): ParsedYaml {
  const tooDeep = nestingBeyond(text, maxNestingDepth);
  if (tooDeep >= 0) {
    return { root: null, errors: [{ start: tooDeep, end: Math.min(tooDeep + 1, text.length), message: tooDeepMessage }], usesAnchors: false };
  }
  const { document, errors: found, extraDocument } = parseStream(text);
  const errors: SyntaxError[] = found.map((error) => ({
    start: clamp(error.pos[0], text.length),
    end: clamp(Math.max(error.pos[1], error.pos[0]), text.length),
    // The parser reports running out of stack as such; say what it means for the user.
    message: /Maximum call stack size exceeded/.test(error.message) ? 'Nested too deeply for the YAML parser to read; write it with fewer levels.' : firstLine(error.message),
  }));
  const converter = new Converter(document, text);
  const root = document.contents ? converter.convert(document.contents) : null;
  if (converter.aliasBudgetExceeded) {
    errors.push({ start: 0, end: 0, message: `Aliases expand to more than ${maxAliasNodes} nodes; not expanded further.` });
  }
  if (converter.tooDeep) {
    errors.push({ ...converter.tooDeep, message: tooDeepMessage });
  }
  return { root, errors, usesAnchors: converter.usesAnchors, extraDocument };
}

/**
 * Where the nesting of a text first goes deeper than `limit`, or -1, from one pass over it that
 * does not recurse: open levels of indentation, compact `- ` / `? ` / `: ` indicators on a line,
 * and open flow brackets (outside quotes and comments). An estimate on the safe side: it counts
 * what could nest, never less than what does.
 */
export function nestingBeyond(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  let quote = 0; // the open quote character, 0 outside quotes
  let position = 0;
  while (position < text.length) {
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd < 0) lineEnd = text.length;
    let index = position;
    while (text.charCodeAt(index) === 0x20) index++;
    const first = text.charCodeAt(index);
    if (quote === 0 && flow === 0 && index < lineEnd && first !== 0x23 /* # */ && first !== 0x0d) {
      const indent = index - position;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
    }
    let compact = 0;
    let previous = 0; // the last character that was not a space, 0 at the start of the line's content
    for (let at = index; at < lineEnd; at++) {
      const code = text.charCodeAt(at);
      if (quote !== 0) {
        if (code === 0x5c /* \ */ && quote === 0x22) at++;
        else if (code === quote) {
          if (quote === 0x27 && text.charCodeAt(at + 1) === 0x27) at++;
          else quote = 0;
        }
        continue;
      }
      if (code === 0x20 || code === 0x09) continue;
      const opensValue = previous === 0 || previous === 0x3a || previous === 0x2d || previous === 0x3f || previous === 0x2c || previous === 0x5b || previous === 0x7b;
      if (code === 0x23 /* # */ && (at === index || text.charCodeAt(at - 1) === 0x20 || text.charCodeAt(at - 1) === 0x09)) break;
      if ((code === 0x22 || code === 0x27) && opensValue) quote = code;
      else if ((code === 0x5b || code === 0x7b) && opensValue) flow++;
      else if ((code === 0x5d || code === 0x7d) && flow > 0) flow--;
      else if ((code === 0x2d || code === 0x3f || code === 0x3a) && opensValue && flow === 0) {
        const next = text.charCodeAt(at + 1);
        if (at + 1 >= lineEnd || next === 0x20 || next === 0x09 || next === 0x0d) compact++;
      }
      if (indents.length + compact + flow > limit) return at;
      previous = code;
    }
    position = lineEnd + 1;
  }
  return -1;
}

/**
 * The first document of a text, and the syntax errors of every document in it: a plan is one
 * document, but an error in a later one is still an error. Most texts are one document, parsed once.
 */
function parseStream(text: string): { document: Document; errors: { pos: [number, number]; message: string }[]; extraDocument?: Span } {
  const document = parseDocument(text, parseOptions);
  if (!document.errors.some((error) => error.code === 'MULTIPLE_DOCS')) return { document, errors: document.errors };
  const documents = parseAllDocuments(text, parseOptions);
  const all = Array.isArray(documents) ? documents : [];
  const second = all[1]?.range;
  // The second document's first line.
  const lineEnd = second ? text.indexOf('\n', second[0]) : -1;
  return {
    document: all[0] ?? document,
    errors: all.flatMap((each) => each.errors),
    extraDocument: second ? { start: clamp(second[0], text.length), end: clamp(Math.max(second[0], lineEnd < 0 ? text.length : lineEnd), text.length) } : undefined,
  };
}

class Converter {
  usesAnchors = false;
  aliasBudgetExceeded = false;
  private aliasNodes = 0;
  private aliasDepth = 0;
  private depth = 0;
  /** Where nesting first went past maxNestingDepth. */
  tooDeep: Span | undefined;

  constructor(
    private readonly document: Document,
    private readonly text: string,
  ) {}

  convert(node: Node, at?: Span): YNode {
    if (isAlias(node)) {
      this.usesAnchors = true;
      const target = node.resolve(this.document);
      const span = spanOf(node, this.text);
      if (!target || this.aliasDepth > 20 || this.aliasNodes > maxAliasNodes) {
        if (this.aliasNodes > maxAliasNodes) this.aliasBudgetExceeded = true;
        return { kind: 'scalar', value: null, style: 'plain', source: '', ...span };
      }
      this.aliasDepth++;
      try {
        return this.convert(target, span);
      } finally {
        this.aliasDepth--;
      }
    }
    if (this.aliasDepth > 0) this.aliasNodes++;
    if ((node as { anchor?: string }).anchor) this.usesAnchors = true;
    const span = at ?? spanOf(node, this.text);
    if ((isMap(node) || isSeq(node)) && this.depth >= maxNestingDepth) {
      this.tooDeep ??= { start: span.start, end: Math.min(span.end, span.start + 1) };
      return emptyScalar(span.start);
    }
    this.depth++;
    try {
      return this.convertNode(node, span);
    } finally {
      this.depth--;
    }
  }

  private convertNode(node: Node, span: Span): YNode {
    if (isMap(node)) {
      const pairs: YPair[] = [];
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = item.key ? this.convert(item.key as Node, this.aliasDepth > 0 ? span : undefined) : emptyScalar(span.start);
        const value = item.value ? this.convert(item.value as Node, this.aliasDepth > 0 ? span : undefined) : null;
        const end = value ? Math.max(value.end, key.end) : key.end;
        pairs.push({ key, value, start: key.start, end });
      }
      return { kind: 'map', pairs, flow: Boolean(node.flow), ...span };
    }
    if (isSeq(node)) {
      const items = node.items.map((item) =>
        this.convert(item as Node, this.aliasDepth > 0 ? span : undefined),
      );
      return { kind: 'seq', items, flow: Boolean(node.flow), ...span };
    }
    if (isScalar(node)) {
      const style = scalarStyle(node);
      return {
        kind: 'scalar',
        value: node.value,
        style,
        source: style === 'plain' && typeof node.value !== 'string' ? this.text.slice(span.start, span.end) : '',
        ...span,
      };
    }
    return emptyScalar(span.start);
  }
}

function scalarStyle(node: Scalar): ScalarStyle {
  switch (node.type) {
    case Scalar.QUOTE_SINGLE:
      return 'single';
    case Scalar.QUOTE_DOUBLE:
      return 'double';
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return 'block';
    default:
      return 'plain';
  }
}

function spanOf(node: Node, text: string): Span {
  const range = node.range;
  if (!range) return { start: 0, end: 0 };
  return { start: clamp(range[0], text.length), end: clamp(range[1], text.length) };
}

function emptyScalar(offset: number): YScalar {
  return { kind: 'scalar', value: null, style: 'plain', source: '', start: offset, end: offset };
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(offset, length));
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return line.endsWith('.') || line.endsWith(']') ? line : `${line}.`;
}

/** Whether a word written as a plain scalar is read as text (not as a number, boolean or null). */
export function readsAsText(word: string): boolean {
  const document = parseDocument(word, parseOptions);
  return document.errors.length === 0 && isScalar(document.contents) && typeof document.contents.value === 'string' && document.contents.value === word;
}

/**
 * A string as a YAML scalar: plain where YAML reads it back as the same text, else double-quoted.
 * Inside a flow collection (`{name: …}`) a comma would end a plain scalar, so it is quoted there.
 */
export function plainOrQuoted(text: string, inFlow = false): string {
  const plainSafe = /^[\p{L}\p{N}][\p{L}\p{N} ._/()&,'+\-\u2018-\u201d\u2013\u2014]*$/u.test(text) && !text.endsWith(' ') && !(inFlow && text.includes(','));
  if (plainSafe && (/^\p{L}/u.test(text) ? !/^(true|false|null|yes|no|on|off|y|n)$/i.test(text) : readsAsText(text))) return text;
  // JSON's escapes are YAML's: a JSON string is a double-quoted YAML scalar.
  return JSON.stringify(text);
}
