// The tree of YAML nodes the service works on: every node with its offsets in the text that was
// parsed (a segment of a plan file, see segments.ts), and the few questions asked of any node.

export interface Span {
  start: number;
  end: number;
}

/** A span moved by `base`: from relative to a segment to relative to its file. */
export function shifted<T extends Span>(value: T, base: number): T {
  return base === 0 ? value : { ...value, start: value.start + base, end: value.end + base };
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
  /** Where a second document starts, when the text holds several (a plan is one document). */
  extraDocument?: Span;
  /** Read by the fast reader (simpleYaml.ts): reading the text again is cheap, and gives the same tree. */
  simple?: boolean;
}

/** The text a scalar key or value stands for: the value if it is a string, else the source text. */
export function scalarText(node: YNode | null | undefined): string | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  if (typeof node.value === 'string') return node.value;
  if (node.value === null || node.value === undefined) return node.source === '' ? undefined : node.source;
  return node.source || `${node.value as number | boolean}`;
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

/** The first pair of each key of the large maps looked up, so that a problem on each of thousands of keys does not scan them all. */
const pairsByKey = new WeakMap<YMap, Map<string, YPair>>();

/** The first pair of `map` whose key is `key`. */
export function findPair(map: YMap, key: string): YPair | undefined {
  if (map.pairs.length <= 16) {
    for (const pair of map.pairs) if (scalarText(pair.key) === key) return pair;
    return undefined;
  }
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.pairs) {
      const text = scalarText(pair.key);
      if (text !== undefined && !index.has(text)) index.set(text, pair);
    }
    pairsByKey.set(map, index);
  }
  return index.get(key);
}
