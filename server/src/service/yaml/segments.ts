// Splits a plan file into segments that can be parsed on their own: each top-level key, and each
// entry of a block map under a top-level key (a milestone, a feature, an acronym). A keystroke
// then re-parses only the segment it touched. Files of any other shape (flow style at the top,
// sequences, directives, several documents, anchors) are parsed whole.
import { copyOf, type TextEdit } from '../text/edits';
import type { TextSource } from '../text/textStore';
import type { ParsedYaml, YNode } from './nodes';
import { parseYaml } from './yamlTree';

export interface SegmentBounds {
  start: number;
  end: number;
  /** The top-level key this segment is an entry of, or undefined for a top-level segment. */
  section: string | undefined;
}

/**
 * A column-0 line that cannot start a top-level key of a block map: a sequence, flow collection,
 * directive, document marker, complex key, tag, anchor, alias, block scalar or a quoted scalar that
 * does not end on its line (a multi-line string). Such files are parsed whole. Any other line
 * starts a segment, even one being typed (`featu`): its errors then stay in that segment.
 */
const notATopKey = /^(?:[-?:](?:[ \t]|$)|---|\.\.\.|[%[\]{}!&*|>@`,]|"(?![^"\\\n]*(?:\\.[^"\\\n]*)*")|'(?![^'\n]*'))/;
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
        // A byte-order mark is dropped at the start of a text only: in a segment cut after it, it would vanish too.
        if (notATopKey.test(lineText) || (position > 0 && lineText.charCodeAt(0) === 0xfeff)) return undefined;
        closeTop(position);
        topStart = position;
        header = sectionHeaderLine.exec(lineText)?.[1];
        entryIndent = -1;
        firstEntryStart = -1;
        entryStart = -1;
      } else if (topStart < 0 || text.charCodeAt(position) === 0x09 /* tab */ || valueIndicatorFirst(text, position + line.indent, contentEnd)) {
        // (A line that starts with `:` gives the key on the line above its value, which a cut between them would lose.)
        return undefined;
      } else if (header !== undefined) {
        if (entryIndent < 0) {
          if (entryKeyLine.test(text.slice(position + line.indent, contentEnd))) {
            entryIndent = line.indent;
            firstEntryStart = entryStart = position;
          } else {
            header = undefined; // not a block map of entries: the block stays whole
          }
        } else if (line.indent === entryIndent && text.charCodeAt(position + line.indent) !== 0x2d /* - */) {
          // (A `- ` line at the entries' indentation is a sequence, the value of the entry above.)
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

/** Whether the content at `at` starts with a `:` value indicator (followed by a space, a tab or the end of the line). */
function valueIndicatorFirst(text: string, at: number, end: number): boolean {
  if (text.charCodeAt(at) !== 0x3a) return false;
  const next = text.charCodeAt(at + 1);
  return at + 1 >= end || next === 0x20 || next === 0x09;
}

function classify(text: string, start: number, end: number): Line {
  let index = start;
  while (index < end && (text.charCodeAt(index) === 0x20 || text.charCodeAt(index) === 0x09)) index++;
  if (index >= end) return { indent: index - start, kind: 'blank' };
  return { indent: index - start, kind: text.charCodeAt(index) === 0x23 /* # */ ? 'comment' : 'content' };
}

/**
 * The trees of the segments used last. A segment the fast reader read keeps no tree of its own: the
 * trees of a large plan take several times the memory of its text, only the few being edited or
 * looked at are needed, and the fast reader reads a segment again in microseconds.
 */
const recentTrees = new Map<Segment<unknown>, ParsedYaml>();
let recentTreesLimit = 512;

/** How many trees are kept for segments the fast reader read. 0 reads them again on every use (for tests: nothing may depend on a tree being the same object twice). */
export function setRecentTreesLimit(limit: number): void {
  recentTreesLimit = limit;
  while (recentTrees.size > limit) recentTrees.delete(recentTrees.keys().next().value!);
}

/**
 * A parsed segment. Offsets inside `parsed` are relative to `base`, which moves as text before it
 * changes. `derived` is what the caller builds from the segment while its tree is at hand (the
 * model of its entries), kept with it for as long as the segment lives.
 */
export class Segment<Derived = unknown> {
  base = 0;
  derived!: Derived;
  /** The tree, kept by the segment when reading the text again would be slow (the `yaml` package) or would not give it (a whole file). */
  private own: ParsedYaml | undefined;
  /** What splitting needs to know of the tree, kept so that it needs no tree. */
  readonly usesAnchors: boolean;
  readonly rootKind: YNode['kind'] | undefined;

  constructor(
    readonly text: string,
    readonly section: string | undefined,
    parsed: ParsedYaml,
    /** Cut from a file split into segments: then the root must be a map (an entry of the file's or a section's map). */
    readonly split = true,
  ) {
    this.own = parsed;
    this.usesAnchors = parsed.usesAnchors;
    this.rootKind = parsed.root?.kind;
  }

  /** Lets go of the tree when it can be read again cheaply; called once what the plan needs of it is built. */
  settle(): void {
    const parsed = this.own;
    if (!parsed?.simple || !this.split) return;
    this.own = undefined;
    remember(this, parsed);
  }

  get parsed(): ParsedYaml {
    if (this.own) return this.own;
    let parsed = recentTrees.get(this);
    if (parsed) recentTrees.delete(this);
    else parsed = parseYaml(this.text);
    remember(this, parsed);
    return parsed;
  }

  get end(): number {
    return this.base + this.text.length;
  }
}

export interface ParseResult<Derived> {
  segments: Segment<Derived>[];
  whole: boolean;
  /** Segments of the previous parse that are gone, and segments that are new. */
  removed: Segment<Derived>[];
  added: Segment<Derived>[];
  /**
   * After an edit re-split where it landed, the segments of that region (new or re-used, one
   * untouched neighbour on each side): every other segment is the same, at the same line if no
   * line came or went. Undefined when the whole text was split again.
   */
  region?: Segment<Derived>[];
}

/**
 * Parses a file into segments. After an edit inside the entries of a section, only the entries
 * around the edit are split and parsed again; otherwise the whole text is split, and segments whose
 * text has not changed are re-used.
 */
export class SegmentParser<Derived> {
  private segments: Segment<Derived>[] = [];
  private whole = true;

  constructor(
    /** Builds what is derived from a segment parsed anew, while it still has its tree. */
    private readonly derive: (segment: Segment<Derived>) => Derived,
    /** `false` parses every text whole: the reference the segmented parse is tested against. */
    private readonly segmented = true,
  ) {}

  /** `text` is read whole only when the edit cannot be re-split where it lands. */
  parse(text: TextSource, edit?: TextEdit): ParseResult<Derived> {
    const previous = this.segments;
    const incremental = edit && this.segmented && !this.whole ? this.reparseAround(text, edit) : undefined;
    if (incremental) {
      this.segments = incremental.segments;
      return { segments: this.segments, whole: false, removed: incremental.removed, added: incremental.added, region: incremental.region };
    }
    this.reparseAll(text.slice(0, text.length));
    const kept = new Set(previous);
    const current = new Set(this.segments);
    return {
      segments: this.segments,
      whole: this.whole,
      removed: previous.filter((segment) => !current.has(segment)),
      added: this.segments.filter((segment) => !kept.has(segment)),
    };
  }

  private reparseAll(text: string): void {
    const reusable = byKey(this.segments, (segment) => cacheKey(segment.text, segment.section, segment.split));
    const take = (start: number, end: number, section: string | undefined, split = true): Segment<Derived> => {
      const slice = text.slice(start, end);
      // The first of identical segments first, so that they keep their order (definitions of an ID are kept in file order).
      const segment = reusable.get(cacheKey(slice, section, split))?.shift() ?? this.parsedSegment(copyOf(text, start, end), section, split);
      segment.base = start;
      return segment;
    };
    const bounds = this.segmented ? splitSegments(text) : undefined;
    if (bounds) {
      const segments: Segment<Derived>[] = [];
      let rooted = false;
      for (const bound of bounds) {
        const segment = take(bound.start, bound.end, bound.section);
        // A file whose first node is not a map (a scalar over several lines) is not a map of keys.
        const notAMap = !rooted && segment.rootKind !== undefined && segment.rootKind !== 'map';
        rooted ||= segment.rootKind !== undefined;
        if (segment.usesAnchors || notAMap) {
          segments.length = 0;
          break;
        }
        segments.push(segment);
      }
      if (segments.length > 0 || text.length === 0) {
        this.segments = segments;
        this.whole = false;
        return;
      }
    }
    this.segments = [take(0, text.length, undefined, false)];
    this.whole = true;
  }

  /** Parses the segment's own copy of its text, so that the strings of its nodes do not keep the file's text alive. */
  private parsedSegment(text: string, section: string | undefined, split = true): Segment<Derived> {
    const segment = new Segment<Derived>(text, section, parseYaml(text), split);
    segment.derived = this.derive(segment);
    segment.settle();
    return segment;
  }

  /** New segments after an edit that stays among the entries of one section, or undefined. Reads only the text of the entries around the edit. */
  private reparseAround(text: TextSource, edit: TextEdit): Required<Omit<ParseResult<Derived>, 'whole'>> | undefined {
    const old = this.segments;
    const first = segmentAt(old, edit.start);
    const last = segmentAt(old, Math.max(edit.start, edit.end - 1));
    // One untouched entry on each side, so that lines the edit joins to a neighbour are seen.
    const low = first - 1;
    const high = Math.min(last + 1, old.length - 1);
    if (low < 1) return undefined;
    const section = old[low]!.section;
    if (section === undefined || old[low - 1]!.section !== section) return undefined;
    for (let index = low; index <= high; index++) if (old[index]!.section !== section) return undefined;
    const entryIndent = indentOf(old[low]!.text);
    const delta = edit.text.length - (edit.end - edit.start);
    const regionStart = old[low]!.base;
    const regionEnd = old[high]!.end + delta;
    if (regionEnd > text.length || regionEnd < regionStart) return undefined;
    const region = text.slice(regionStart, regionEnd);
    const starts = splitEntries(region, entryIndent, regionEnd === text.length || text.charCodeAt(regionEnd - 1) === 0x0a);
    if (!starts) return undefined;
    // Identical entries (a pasted copy) are each re-used once, in order; any left over are removed.
    const reusable = byKey(old.slice(low, high + 1), (segment) => segment.text);
    const entries: Segment<Derived>[] = [];
    const added: Segment<Derived>[] = [];
    for (let index = 0; index < starts.length; index++) {
      const start = starts[index]!;
      const end = index + 1 < starts.length ? starts[index + 1]! : region.length;
      let segment = reusable.get(region.slice(start, end))?.shift();
      if (!segment) {
        segment = this.parsedSegment(copyOf(region, start, end), section);
        if (segment.usesAnchors) return undefined;
        added.push(segment);
      }
      segment.base = regionStart + start;
      entries.push(segment);
    }
    // The segments are changed in place: copying a list of 60,000 on every keystroke shows.
    if (delta !== 0) for (let index = high + 1; index < old.length; index++) old[index]!.base += delta;
    old.splice(low, high - low + 1, ...entries);
    return { segments: old, removed: [...reusable.values()].flat(), added, region: entries };
  }
}

/** Segments that may be re-used, by key, in file order: identical ones are each taken once, first first. */
function byKey<S>(segments: S[], key: (segment: S) => string): Map<string, S[]> {
  const groups = new Map<string, S[]>();
  for (const segment of segments) {
    const group = groups.get(key(segment));
    if (group) group.push(segment);
    else groups.set(key(segment), [segment]);
  }
  return groups;
}

function remember(segment: Segment<unknown>, parsed: ParsedYaml): void {
  if (recentTreesLimit <= 0) return;
  recentTrees.set(segment, parsed);
  if (recentTrees.size > recentTreesLimit) recentTrees.delete(recentTrees.keys().next().value!);
}

function cacheKey(text: string, section: string | undefined, split: boolean): string {
  return section === undefined ? `${split ? '' : '\u0001'}\u0000${text}` : `${section}\u0000${text}`;
}

/** The index of the segment holding `offset` (the last one for the end of the text). */
export function segmentAt(segments: readonly Segment<unknown>[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (segments[middle]!.base <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function indentOf(text: string): number {
  let index = 0;
  while (text.charCodeAt(index) === 0x20) index++;
  return index;
}

/**
 * The starts of the entries of `region`, the text of entries of a section indented by `indent`, or
 * undefined when it is not made of such entries (it starts with one) or `endsLine` is false (it
 * must end at a line end or the end of the file).
 */
function splitEntries(region: string, indent: number, endsLine: boolean): number[] | undefined {
  const starts: number[] = [];
  const end = region.length;
  let position = 0;
  while (position < end) {
    let lineEnd = region.indexOf('\n', position);
    if (lineEnd < 0) lineEnd = end;
    const next = lineEnd < end ? lineEnd + 1 : end;
    const contentEnd = region.charCodeAt(lineEnd - 1) === 0x0d ? lineEnd - 1 : lineEnd;
    const line = classify(region, position, contentEnd);
    if (line.kind === 'content') {
      if (line.indent < indent || region.charCodeAt(position) === 0x09 || valueIndicatorFirst(region, position + line.indent, contentEnd)) return undefined;
      if (line.indent === indent && region.charCodeAt(position + indent) !== 0x2d /* - */) starts.push(position);
    }
    if (position === 0 && starts.length === 0) return undefined;
    position = next;
  }
  return endsLine ? starts : undefined;
}
