// A three-way merge of a plan (or an overrides file) by item and by field, for git's merge driver:
// changes to different items, or to different fields of one item, merge cleanly and keep every
// comment, the order, the quoting and the line ends; a field changed two ways is a conflict marked
// around that field alone. What it cannot read is left to git's line merge (`unreadable`).
import { applyEdits, lineStartOf, type TextEdit } from '../text/edits';
import { scalarText, type YNode } from '../yaml/nodes';
import { splitSegments } from '../yaml/segments';
import { parseYaml } from '../yaml/yamlTree';

export interface MergeLabels {
  ours: string;
  theirs: string;
}

/** A place the merge left conflict markers. */
export interface MergeConflict {
  /** The 1-based line of the conflict's first marker in the merged text. */
  line: number;
  /** The item's ID, or the top-level key (empty for the comments that open the file). */
  key: string;
  /** The field of the item, when the conflict is around one field. */
  field?: string;
  /** Each side's text there, without its line ends; undefined where that side deleted it. */
  ours: string | undefined;
  theirs: string | undefined;
}

export type PlanMergeResult = { merged: true; text: string; conflicts: MergeConflict[] } | { merged: false; reason: string };

/** The lists of IDs merged as sets: what each side added is kept, what each side removed goes. */
const idListFields = new Set(['features', 'predecessors']);

/**
 * Merges `ours` and `theirs`, two versions of a plan file descended from `base`. Each is split into
 * the blocks the editor re-reads on its own (yaml/segments.ts): a top-level key, or an entry of
 * `milestones`, `features` or `acronyms`. A block changed on one side only takes that side's
 * text; changed on both, an entry is merged field by field.
 */
export function mergePlans(base: string, ours: string, theirs: string, labels: MergeLabels = { ours: 'ours', theirs: 'theirs' }, markerSize = 7): PlanMergeResult {
  const b = readVersion(base, 'the common ancestor');
  if (typeof b === 'string') return { merged: false, reason: b };
  const o = readVersion(ours, labels.ours);
  if (typeof o === 'string') return { merged: false, reason: o };
  const t = readVersion(theirs, labels.theirs);
  if (typeof t === 'string') return { merged: false, reason: t };
  const markers = new Markers(labels, markerSize);
  const { order, results } = mergeKeyed(b.blocks, o.blocks, t.blocks, (baseBlock, ourBlock, theirBlock) => {
    const ourText = ourBlock?.text;
    const theirText = theirBlock?.text;
    const picked = pick(baseBlock?.text, ourText, theirText);
    if (picked !== conflict) return picked === undefined ? undefined : [{ text: picked }];
    const byField = ourBlock && theirBlock ? mergeFields(baseBlock?.text, ourBlock.text, theirBlock.text, ourBlock.name, markers) : undefined;
    return byField ?? [markers.around({ key: (ourBlock ?? theirBlock)!.name }, ourText, theirText)];
  });
  const misplaced = misplacedEntry(order.map((key) => (o.byKey.get(key) ?? t.byKey.get(key))!));
  if (misplaced) return { merged: false, reason: misplaced };
  const { text, conflicts } = assemble(order.flatMap((key) => results.get(key)!));
  return { merged: true, text: o.bom + (o.eol === '\n' ? text : text.replace(/\n/g, o.eol)), conflicts };
}

/** One block of a version: a top-level key (`:asOf`), the comments before the first (``), or an entry (`milestones/M-1`). */
interface Block {
  key: string;
  /** The top-level key or the entry's ID. */
  name: string;
  /** The section of an entry; undefined for a top-level block. */
  section: string | undefined;
  /** With LF line ends. */
  text: string;
}

interface Version {
  blocks: Block[];
  byKey: Map<string, Block>;
  bom: string;
  eol: string;
}

/** A version split into blocks, or why it cannot be. */
function readVersion(text: string, side: string): Version | string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const crlf = (body.match(/\r\n/g) ?? []).length;
  const breaks = (body.match(/\n/g) ?? []).length;
  if (crlf > 0 && crlf < breaks) return `${side} mixes CR LF and LF line ends`;
  if (/\r(?!\n)/.test(body)) return `${side} has line ends of a lone CR`;
  const lf = crlf > 0 ? body.replace(/\r\n/g, '\n') : body;
  if (/^(?:<{7}|={7}|>{7}|\|{7})(?: |$)/m.test(lf)) return `${side} already holds conflict markers`;
  const bounds = splitSegments(lf);
  if (!bounds) return `${side} is not of the shape merged by item (a map of top-level keys, with the entries of milestones, features and acronyms as block maps)`;
  const blocks: Block[] = [];
  const byKey = new Map<string, Block>();
  for (const bound of bounds) {
    const slice = lf.slice(bound.start, bound.end);
    const parsed = parseYaml(slice);
    if (parsed.errors.length > 0) return `${side} does not parse as YAML (${parsed.errors[0]!.message})`;
    if (parsed.usesAnchors) return `${side} uses anchors or aliases`;
    const root = parsed.root;
    let name: string | undefined;
    if (root === null && blocks.length === 0 && bound.section === undefined) name = '';
    else if (root?.kind === 'map' && root.pairs.length === 1) name = scalarText(root.pairs[0]!.key);
    if (name === undefined) return `${side} has a block that is not one key and its value, at line ${lf.slice(0, bound.start).split('\n').length}`;
    const first = bound.section === undefined ? `:${name}` : `${bound.section}/${name}`;
    let key = first;
    // An ID defined twice in one version (a problem of its own) is told apart by its rank.
    for (let rank = 2; byKey.has(key); rank++) key = `${first} #${rank}`;
    const block = { key, name, section: bound.section, text: slice };
    blocks.push(block);
    byKey.set(key, block);
  }
  return { blocks, byKey, bom, eol: crlf > 0 ? '\r\n' : '\n' };
}

/** A piece of the merged text; a conflict carries what the report says of it. */
interface Piece {
  text: string;
  conflict?: Omit<MergeConflict, 'line'>;
}

const conflict = Symbol('conflict');

/** The three-way choice for one value: the side that changed it, or both changed it differently. */
function pick(base: string | undefined, ours: string | undefined, theirs: string | undefined): string | undefined | typeof conflict {
  if (ours === theirs) return ours;
  if (base === ours) return theirs;
  if (base === theirs) return ours;
  return conflict;
}

/** Writes conflict markers of the size and with the labels git asked for. */
class Markers {
  constructor(
    private readonly labels: MergeLabels,
    private readonly size: number,
  ) {}

  around(where: { key: string; field?: string }, ours: string | undefined, theirs: string | undefined): Piece {
    const line = (text: string | undefined) => (text === undefined || text === '' || text.endsWith('\n') ? (text ?? '') : `${text}\n`);
    const text = `${'<'.repeat(this.size)} ${this.labels.ours}\n${line(ours)}${'='.repeat(this.size)}\n${line(theirs)}${'>'.repeat(this.size)} ${this.labels.theirs}\n`;
    const shown = (side: string | undefined) => (side === undefined ? undefined : side.replace(/\n+$/, ''));
    return { text, conflict: { ...where, ours: shown(ours), theirs: shown(theirs) } };
  }
}

/**
 * Merges three ordered lists of keyed values: `merge` gives each key's pieces (undefined: the key
 * is left out). The order is ours, with what theirs added placed after the nearest key before it in
 * theirs that the result keeps.
 */
function mergeKeyed<T extends { key: string }>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  merge: (base: T | undefined, ours: T | undefined, theirs: T | undefined) => Piece[] | undefined,
): { order: string[]; results: Map<string, Piece[]> } {
  const byKey = (values: readonly T[]) => new Map(values.map((value) => [value.key, value]));
  const [b, o, t] = [byKey(base), byKey(ours), byKey(theirs)];
  const results = new Map<string, Piece[]>();
  for (const key of new Set([...o.keys(), ...t.keys()])) {
    const pieces = merge(b.get(key), o.get(key), t.get(key));
    if (pieces !== undefined) results.set(key, pieces);
  }
  // Keys theirs added, each after its nearest kept predecessor in theirs (null: before everything).
  const after = new Map<string | null, string[]>();
  let anchor: string | null = null;
  for (const { key } of theirs) {
    if (!results.has(key)) continue;
    if (!o.has(key)) {
      const list = after.get(anchor);
      if (list) list.push(key);
      else after.set(anchor, [key]);
    }
    anchor = key;
  }
  const order: string[] = [];
  // Each key, then what was placed after it (and after that), without recursing: a side may add thousands in a row.
  const pending: string[] = [];
  const emit = (keys: readonly string[]): void => {
    for (let index = keys.length - 1; index >= 0; index--) pending.push(keys[index]!);
    while (pending.length > 0) {
      const key = pending.pop()!;
      order.push(key);
      const next = after.get(key) ?? [];
      for (let index = next.length - 1; index >= 0; index--) pending.push(next[index]!);
    }
  };
  emit(after.get(null) ?? []);
  emit(ours.filter(({ key }) => results.has(key)).map(({ key }) => key));
  return { order, results };
}

/** An entry split into its fields: the lines before the first field, each field with the comment lines after it, and the comment lines that close the entry. */
interface EntryFields {
  head: string;
  fields: Field[];
  tail: string;
}

interface Field {
  key: string;
  text: string;
  /** The value, with spans relative to `text`. */
  value: YNode | null;
}

/** The fields of a block whose value is a block map with each key at the start of a line, one indentation for all. */
function fieldsOf(text: string): EntryFields | undefined {
  const parsed = parseYaml(text);
  const root = parsed.root;
  if (parsed.errors.length > 0 || root?.kind !== 'map' || root.pairs.length !== 1) return undefined;
  const map = root.pairs[0]!.value;
  if (map?.kind !== 'map' || map.flow || map.pairs.length === 0) return undefined;
  const starts: number[] = [];
  let indent = -1;
  const keys = new Set<string>();
  for (const pair of map.pairs) {
    const key = scalarText(pair.key);
    const lineStart = lineStartOf(text, pair.key.start);
    const before = text.slice(lineStart, pair.key.start);
    if (key === undefined || keys.has(key) || !/^ *$/.test(before) || (indent >= 0 && before.length !== indent)) return undefined;
    keys.add(key);
    indent = before.length;
    starts.push(lineStart);
  }
  // The closing lines: blank, or comments less indented than the fields (they speak of what follows).
  let tailStart = text.length;
  const lastKeyLineEnd = text.indexOf('\n', starts[starts.length - 1]);
  while (tailStart > 0 && lastKeyLineEnd >= 0) {
    const lineStart = lineStartOf(text, text.charCodeAt(tailStart - 1) === 0x0a ? tailStart - 1 : tailStart);
    if (lineStart <= lastKeyLineEnd) break;
    const line = text.slice(lineStart, tailStart);
    const content = line.trimStart();
    if (!(content.trim() === '' || (content.startsWith('#') && line.length - content.length < indent))) break;
    tailStart = lineStart;
  }
  const fields = map.pairs.map((pair, index) => {
    const start = starts[index]!;
    const end = index + 1 < starts.length ? starts[index + 1]! : tailStart;
    return { key: scalarText(pair.key)!, text: text.slice(start, end), value: pair.value && relativeTo(pair.value, start) };
  });
  return { head: text.slice(0, starts[0]), fields, tail: text.slice(tailStart) };
}

/** A node with its spans (and its children's) moved by `-offset`. */
function relativeTo(node: YNode, offset: number): YNode {
  const move = <S extends { start: number; end: number }>(span: S): S => ({ ...span, start: span.start - offset, end: span.end - offset });
  switch (node.kind) {
    case 'scalar':
      return move(node);
    case 'seq':
      return { ...move(node), items: node.items.map((item) => relativeTo(item, offset)) };
    case 'map':
      return { ...move(node), pairs: node.pairs.map((pair) => ({ ...move(pair), key: relativeTo(pair.key, offset), value: pair.value && relativeTo(pair.value, offset) })) };
  }
}

/** An entry changed on both sides, merged field by field; undefined when a side's entry cannot be split into fields. */
function mergeFields(base: string | undefined, ours: string, theirs: string, name: string, markers: Markers): Piece[] | undefined {
  const flow = mergeFlowFields(base, ours, theirs);
  if (flow !== undefined) return [{ text: flow }];
  const [b, o, t] = [base === undefined ? undefined : fieldsOf(base), fieldsOf(ours), fieldsOf(theirs)];
  if (!o || !t || (base !== undefined && !b)) return undefined;
  const pieces: Piece[] = [];
  const part = (what: 'head' | 'tail') => {
    const picked = pick(b?.[what], o[what], t[what]);
    pieces.push(picked === conflict ? markers.around({ key: name }, o[what], t[what]) : { text: picked ?? '' });
  };
  part('head');
  const { order, results } = mergeKeyed(b?.fields ?? [], o.fields, t.fields, (baseField, ourField, theirField) => {
    const key = (ourField ?? theirField)!.key;
    const picked = pick(baseField?.text, ourField?.text, theirField?.text);
    if (picked !== conflict) return picked === undefined ? undefined : [{ text: picked }];
    const merged = ourField && theirField ? bothChanged(key, baseField, ourField, theirField) : undefined;
    if (merged !== undefined) return [{ text: merged }];
    return [markers.around({ key: name, field: key }, ourField?.text, theirField?.text)];
  });
  for (const key of order) pieces.push(...results.get(key)!);
  part('tail');
  return pieces;
}

/** The merged value of a field both sides changed: the same scalar however written, or a list of IDs merged as a set. */
function bothChanged(key: string, base: Field | undefined, ours: Field, theirs: Field): string | undefined {
  if (sameScalar(ours.value, theirs.value)) return ours.text;
  return idListFields.has(key) ? mergeIdList(base, ours, theirs) : undefined;
}

/** The pairs of an entry written as a flow map (`M-1: {name: …, due: …}`), each with its span in `text`. */
function flowFieldsOf(text: string): (Field & { start: number; end: number })[] | undefined {
  const parsed = parseYaml(text);
  const root = parsed.root;
  if (parsed.errors.length > 0 || root?.kind !== 'map' || root.pairs.length !== 1) return undefined;
  const map = root.pairs[0]!.value;
  if (map?.kind !== 'map' || !map.flow) return undefined;
  const fields: (Field & { start: number; end: number })[] = [];
  for (const pair of map.pairs) {
    const key = scalarText(pair.key);
    if (key === undefined || fields.some((field) => field.key === key)) return undefined;
    const end = Math.max(pair.key.end, pair.value?.end ?? 0);
    fields.push({ key, start: pair.key.start, end, text: text.slice(pair.key.start, end), value: pair.value && relativeTo(pair.value, pair.key.start) });
  }
  return fields;
}

/**
 * An entry written as a flow map on each side, merged field by field into ours' text (a pair
 * replaced, removed with its comma, or added after the pair before it in theirs); undefined when
 * a side is not a flow map or a field changed two ways (the entry then conflicts as a whole).
 */
function mergeFlowFields(base: string | undefined, ours: string, theirs: string): string | undefined {
  const [b, o, t] = [base === undefined ? [] : flowFieldsOf(base), flowFieldsOf(ours), flowFieldsOf(theirs)];
  if (!b || !o || !t) return undefined;
  const find = (fields: typeof o, key: string) => fields.find((field) => field.key === key);
  const edits: TextEdit[] = [];
  const insertions: TextEdit[] = [];
  let anchor: (typeof o)[number] | undefined;
  for (const key of new Set([...o.map((field) => field.key), ...t.map((field) => field.key)])) {
    const [baseField, ourField, theirField] = [find(b, key), find(o, key), find(t, key)];
    let merged = pick(baseField?.text, ourField?.text, theirField?.text);
    if (merged === conflict) merged = ourField && theirField ? bothChanged(key, baseField, ourField, theirField) : undefined;
    if (merged === undefined && ourField && theirField) return undefined;
    if (ourField) {
      if (merged === undefined) edits.push(flowRemoval(ours, ourField));
      else if (merged !== ourField.text) edits.push({ start: ourField.start, end: ourField.end, text: merged });
    }
  }
  // Theirs' new pairs, after the nearest pair before them in theirs that ours has (first: after the brace).
  for (const field of t) {
    const ourField = find(o, field.key);
    if (ourField) {
      anchor = ourField;
      continue;
    }
    if (find(b, field.key)) continue;
    if (anchor) insertions.push({ start: anchor.end, end: anchor.end, text: `, ${field.text}` });
    else {
      const brace = ours.indexOf('{');
      insertions.push({ start: brace + 1, end: brace + 1, text: o.length > 0 ? `${field.text}, ` : field.text });
    }
  }
  return applyEdits(ours, [...edits, ...insertions]);
}

/** Whether two values are the same scalar, however written (`2021-01-01` and `"2021-01-01"`). */
function sameScalar(a: YNode | null, b: YNode | null): boolean {
  return a?.kind === 'scalar' && b?.kind === 'scalar' && a.value === b.value && scalarText(a) === scalarText(b);
}

interface IdItem {
  id: string;
  start: number;
  end: number;
}

/** The IDs of a list of scalars, with each item's span; undefined for anything else. */
function idItems(value: YNode | null | undefined): IdItem[] | undefined {
  if (value?.kind !== 'seq') return undefined;
  const items: IdItem[] = [];
  for (const item of value.items) {
    const id = scalarText(item);
    if (item.kind !== 'scalar' || id === undefined) return undefined;
    items.push({ id, start: item.start, end: item.end });
  }
  return items;
}

/**
 * A `features` or `predecessors` list changed on both sides, merged as a set in order: ours' IDs,
 * without those theirs removed, with those theirs added after the nearest ID before them in
 * theirs that ours keeps. Ours' text is edited where the IDs come and go, keeping its comments and
 * style; undefined when a list is not a plain list of IDs.
 */
function mergeIdList(base: Field | undefined, ours: Field, theirs: Field): string | undefined {
  const [b, o, t] = [base ? idItems(base.value) : [], idItems(ours.value), idItems(theirs.value)];
  const list = ours.value;
  if (!b || !o || !t || list?.kind !== 'seq') return undefined;
  const text = ours.text;
  const [inBase, inOurs, inTheirs] = [new Set(b.map((item) => item.id)), new Set(o.map((item) => item.id)), new Set(t.map((item) => item.id))];
  const kept = o.filter((item) => !(inBase.has(item.id) && !inTheirs.has(item.id)));
  const edits: TextEdit[] = [];
  for (const item of o) {
    if (kept.includes(item)) continue;
    const removal = list.flow ? flowRemoval(text, item) : blockLineOf(text, item);
    if (!removal) return undefined;
    edits.push(removal);
  }
  // Theirs' additions by where they go: after a kept item of ours, or before all ('start').
  const groups = new Map<IdItem | 'start', string[]>();
  let anchor: IdItem | 'start' = 'start';
  for (const item of t) {
    const ourItem = kept.find((candidate) => candidate.id === item.id);
    if (ourItem) anchor = ourItem;
    else if (!inOurs.has(item.id) && !inBase.has(item.id)) groups.set(anchor, [...(groups.get(anchor) ?? []), theirs.text.slice(item.start, item.end)]);
  }
  // Removals first: an addition may land where a removal starts.
  for (const [at, sources] of groups) {
    if (list.flow) {
      if (at !== 'start') edits.push({ start: at.end, end: at.end, text: sources.map((source) => `, ${source}`).join('') });
      else if (kept[0]) edits.push({ start: kept[0].start, end: kept[0].start, text: sources.map((source) => `${source}, `).join('') });
      else edits.push({ start: list.start + 1, end: list.start + 1, text: sources.join(', ') });
    } else {
      const line = blockLineOf(text, at === 'start' ? o[0]! : at)!;
      const indent = text.slice(line.start, text.indexOf('-', line.start));
      const position = at === 'start' ? line.start : line.end;
      edits.push({ start: position, end: position, text: sources.map((source) => `${indent}- ${source}\n`).join('') });
    }
  }
  return applyEdits(text, edits);
}

/** The whole line of an item of a block list (`- ID`, maybe a comment after it); undefined when the line holds more. */
function blockLineOf(text: string, item: { start: number; end: number }): TextEdit | undefined {
  const start = lineStartOf(text, item.start);
  const lineEnd = text.indexOf('\n', item.end);
  const end = lineEnd < 0 ? text.length : lineEnd + 1;
  if (!/^ *- *$/.test(text.slice(start, item.start)) || !/^ *(?:#.*)?\n?$/.test(text.slice(item.end, end))) return undefined;
  return { start, end, text: '' };
}

/** An item of a flow list and a comma: the one after it, else the one before it. */
function flowRemoval(text: string, item: { start: number; end: number }): TextEdit {
  const following = /^[ \t]*,[ \t]*/.exec(text.slice(item.end));
  if (following) return { start: item.start, end: item.end + following[0].length, text: '' };
  const preceding = /,[ \t]*$/.exec(text.slice(0, item.start));
  return { start: item.start - (preceding?.[0].length ?? 0), end: item.end, text: '' };
}

/**
 * Why the merged blocks cannot stand in this order, if they cannot: an entry must follow its
 * section's key or another entry of its section (a side that removed a section while the other
 * added to it would otherwise move the entry into another section).
 */
function misplacedEntry(blocks: readonly Block[]): string | undefined {
  let section: string | undefined;
  for (const block of blocks) {
    if (block.section === undefined) {
      section = block.name;
      continue;
    }
    if (block.section !== section) return `the entry ${block.name} of ${block.section} would not stand under ${block.section}: one side removed or moved that section`;
  }
  return undefined;
}

/** The merged text, each piece on lines of its own, and where each conflict starts. */
function assemble(pieces: readonly Piece[]): { text: string; conflicts: MergeConflict[] } {
  const parts: string[] = [];
  const conflicts: MergeConflict[] = [];
  let line = 1;
  for (const piece of pieces) {
    if (piece.text === '') continue;
    const last = parts.at(-1);
    if (last !== undefined && !last.endsWith('\n')) {
      parts.push('\n');
      line++;
    }
    if (piece.conflict) conflicts.push({ line, ...piece.conflict });
    parts.push(piece.text);
    for (let at = piece.text.indexOf('\n'); at >= 0; at = piece.text.indexOf('\n', at + 1)) line++;
  }
  return { text: parts.join(''), conflicts };
}
