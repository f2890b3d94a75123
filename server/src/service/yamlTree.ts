// A small, position-exact tree of YAML nodes built from the `yaml` package's documents. Offsets
// are relative to the text that was parsed (a segment of a plan file, see segments.ts).
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, type Document, type Node } from 'yaml';

export interface Span {
  start: number;
  end: number;
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

export interface YScalar extends Span {
  kind: 'scalar';
  value: unknown;
  style: ScalarStyle;
  /** The scalar as written, for plain scalars whose value is not a string (`1e3`, `true`). */
  source: string;
}

export interface YPair extends Span {
  key: YNode;
  value: YNode | null;
}

export interface YMap extends Span {
  kind: 'map';
  pairs: YPair[];
  flow: boolean;
}

export interface YSeq extends Span {
  kind: 'seq';
  items: YNode[];
  flow: boolean;
}

export type YNode = YScalar | YMap | YSeq;

export interface SyntaxError extends Span {
  message: string;
}

export interface ParsedYaml {
  root: YNode | null;
  errors: SyntaxError[];
  /** Anchors or aliases tie segments together, so a file that has them is parsed whole. */
  usesAnchors: boolean;
}

/** Bounds alias expansion, so that a "billion laughs" document costs a bounded amount of work. */
const maxAliasNodes = 10_000;

export function parseYaml(text: string): ParsedYaml {
  const document = parseDocument(text, {
    uniqueKeys: false,
    prettyErrors: false,
    strict: false,
    version: '1.2',
  });
  const errors: SyntaxError[] = document.errors.length === 0 ? [] : document.errors.map((error) => ({
    start: clamp(error.pos[0], text.length),
    end: clamp(Math.max(error.pos[1], error.pos[0]), text.length),
    message: firstLine(error.message),
  }));
  const converter = new Converter(document, text);
  const root = document.contents ? converter.convert(document.contents as Node) : null;
  if (converter.aliasBudgetExceeded) {
    errors.push({ start: 0, end: 0, message: `Aliases expand to more than ${maxAliasNodes} nodes; not expanded further.` });
  }
  return { root, errors, usesAnchors: converter.usesAnchors };
}

class Converter {
  usesAnchors = false;
  aliasBudgetExceeded = false;
  private aliasNodes = 0;
  private aliasDepth = 0;

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
        return this.convert(target as Node, span);
      } finally {
        this.aliasDepth--;
      }
    }
    if (this.aliasDepth > 0) this.aliasNodes++;
    if ((node as { anchor?: string }).anchor) this.usesAnchors = true;
    const span = at ?? spanOf(node, this.text);
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

/** The text a scalar key or value stands for: the value if it is a string, else the source text. */
export function scalarText(node: YNode | null | undefined): string | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  if (typeof node.value === 'string') return node.value;
  if (node.value === null || node.value === undefined) return node.source === '' ? undefined : node.source;
  return node.source || String(node.value);
}

/** Converts a node to a plain JavaScript value, for schema validation. */
export function toValue(node: YNode | null): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value === undefined ? null : node.value;
    case 'seq':
      return node.items.map(toValue);
    case 'map': {
      const result: Record<string, unknown> = {};
      for (const pair of node.pairs) {
        const key = scalarText(pair.key) ?? '';
        // defineProperty, so that a key named __proto__ is data and not the object's prototype.
        Object.defineProperty(result, key, { value: toValue(pair.value), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
  }
}

export function findPair(map: YMap, key: string): YPair | undefined {
  for (const pair of map.pairs) if (scalarText(pair.key) === key) return pair;
  return undefined;
}
