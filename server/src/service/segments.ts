// Splits a plan file into segments that can be parsed on their own: each top-level key, and each
// entry of a block map under a top-level key (a milestone, a feature, an acronym). A keystroke
// then re-parses only the segment it touched. Files of any other shape (flow style at the top,
// sequences, directives, several documents, anchors) are parsed whole.
import { parseYaml, type ParsedYaml } from './yamlTree';

export interface SegmentBounds {
  start: number;
  end: number;
  /** The top-level key this segment is an entry of, or undefined for a top-level segment. */
  section: string | undefined;
}

const topKeyLine = /^[A-Za-z_][A-Za-z0-9_]*[ \t]*:(?:[ \t]|$)/;
const sectionHeaderLine = /^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:[ \t]*(?:#.*)?$/;
const entryKeyLine = /^[A-Za-z0-9][A-Za-z0-9._-]*[ \t]*:(?:[ \t]|$)|^"[^"\\\n]*"[ \t]*:(?:[ \t]|$)|^'[^'\n]*'[ \t]*:(?:[ \t]|$)/;

interface Line {
  indent: number;
  kind: 'blank' | 'comment' | 'content';
}

/**
 * The segments of a text, or undefined when the text is not of the simple shape that can be split
 * (then it is parsed as one piece). The segments tile the text: each ends where the next starts.
 */
export function splitSegments(text: string): SegmentBounds[] | undefined {
  const segments: SegmentBounds[] = [];
  const length = text.length;
  let position = 0;
  let topStart = -1; // start of the current top-level block
  let header: string | undefined; // its key, while it is `key:` alone on its line with entries below
  let entryIndent = -1;
  let firstEntryStart = -1;
  let entryStart = -1;

  const closeTop = (end: number): void => {
    if (topStart < 0) {
      if (end > 0) segments.push({ start: 0, end, section: undefined }); // comments before the first key
    } else if (header !== undefined && entryStart >= 0) {
      segments.push({ start: topStart, end: firstEntryStart, section: undefined });
      segments.push({ start: entryStart, end, section: header });
    } else {
      segments.push({ start: topStart, end, section: undefined });
    }
  };

  while (position < length) {
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd < 0) lineEnd = length;
    const next = lineEnd < length ? lineEnd + 1 : length;
    const contentEnd = text.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
    const line = classify(text, position, contentEnd);
    if (line.kind === 'content') {
      if (line.indent === 0) {
        const lineText = text.slice(position, contentEnd);
        if (!topKeyLine.test(lineText)) return undefined;
        closeTop(position);
        topStart = position;
        header = sectionHeaderLine.exec(lineText)?.[1];
        entryIndent = -1;
        firstEntryStart = -1;
        entryStart = -1;
      } else if (topStart < 0 || text.charCodeAt(position) === 0x09 /* tab */) {
        return undefined;
      } else if (header !== undefined) {
        const isEntryKey = () => entryKeyLine.test(text.slice(position + line.indent, contentEnd));
        if (entryIndent < 0) {
          if (isEntryKey()) {
            entryIndent = line.indent;
            firstEntryStart = entryStart = position;
          } else {
            header = undefined; // not a block map of entries: the block stays whole
          }
        } else if (line.indent === entryIndent) {
          if (!isEntryKey()) return undefined;
          segments.push({ start: entryStart, end: position, section: header });
          entryStart = position;
        } else if (line.indent < entryIndent) {
          return undefined;
        }
      }
    }
    position = next;
  }
  closeTop(length);
  segments.sort((a, b) => a.start - b.start);
  return segments;
}

function classify(text: string, start: number, end: number): Line {
  let index = start;
  while (index < end && (text.charCodeAt(index) === 0x20 || text.charCodeAt(index) === 0x09)) index++;
  if (index >= end) return { indent: index - start, kind: 'blank' };
  return { indent: index - start, kind: text.charCodeAt(index) === 0x23 /* # */ ? 'comment' : 'content' };
}

/** A parsed segment. Offsets inside `parsed` are relative to `base`, which moves as text before it changes. */
export class Segment {
  base = 0;
  constructor(
    readonly text: string,
    readonly section: string | undefined,
    readonly parsed: ParsedYaml,
  ) {}
  /** Per-segment results derived from `parsed` (model entries, local problems), filled lazily by the plan. */
  cache = new Map<string, unknown>();
}

/**
 * Parses texts into segments, re-using the segments of the previous parse of the same file whose
 * text has not changed.
 */
export class SegmentParser {
  private previous = new Map<string, Segment[]>();

  /** `segmented: false` parses every text whole: the reference the segmented parse is tested against. */
  constructor(private readonly segmented = true) {}

  parse(text: string): { segments: Segment[]; whole: boolean } {
    const bounds = this.segmented ? splitSegments(text) : undefined;
    const reusable = this.previous;
    const next = new Map<string, Segment[]>();
    const take = (slice: string, section: string | undefined): Segment => {
      const key = section === undefined ? `\u0000${slice}` : `${section}\u0000${slice}`;
      const candidates = reusable.get(key);
      const segment = candidates?.pop() ?? new Segment(slice, section, parseYaml(slice));
      const list = next.get(key);
      if (list) list.push(segment);
      else next.set(key, [segment]);
      return segment;
    };
    let segments: Segment[] | undefined;
    if (bounds) {
      segments = [];
      for (const bound of bounds) {
        const segment = take(text.slice(bound.start, bound.end), bound.section);
        segment.base = bound.start;
        if (segment.parsed.usesAnchors) {
          segments = undefined;
          break;
        }
        segments.push(segment);
      }
    }
    let whole = false;
    if (!segments) {
      whole = true;
      next.clear();
      const segment = take(text, undefined);
      segment.base = 0;
      segments = [segment];
    }
    this.previous = next;
    return { segments, whole };
  }
}
