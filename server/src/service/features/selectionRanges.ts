// Selection ranges: ever wider spans around the cursor — the scalar, the collections that hold it,
// its key-value pair, the entry, the entries of its section, the section with its key, the file.
import { itemAt, sectionKeySpan } from '../model/locate';
import type { PlanFile } from '../model/planFile';
import type { Span, YNode } from '../yaml/nodes';

/** Ever wider spans around an offset, innermost first, each holding the one before. */
export function selectionSpans(file: PlanFile, offset: number): Span[] {
  const around: Span[] = [];
  const add = (span: Span) => {
    if (span.start <= offset && offset <= span.end) around.push(span);
  };
  const addPair = (key: Span, value: Span) => {
    add(key);
    add(value);
    add({ start: key.start, end: value.end });
  };
  /** A section's entries together, then the section from its key. */
  const addSection = (name: string, entries: Span[]) => {
    const span = { start: entries[0]!.start, end: entries[entries.length - 1]!.end };
    add(span);
    const key = sectionKeySpan(file, name);
    if (key && key.start < span.start) add({ start: key.start, end: span.end });
  };
  const item = itemAt(file, offset);
  if (item) {
    for (const key of item.fieldKeys()) {
      const field = item.field(key)!;
      addPair(field.keySpan, field.valueSpan);
      addNested(field.value, item.base, add);
    }
    add(item.idSpan);
    add(item.entrySpan);
    const siblings = item.kind === 'milestone' ? file.milestones : file.features;
    addSection(`${item.kind}s`, siblings.map((sibling) => sibling.entrySpan));
  } else {
    const entries = file.acronyms.map((acronym) => ({ start: acronym.keySpan.start, end: acronym.valueSpan.end }));
    if (entries.some((entry) => entry.start <= offset && offset <= entry.end)) {
      for (const acronym of file.acronyms) addPair(acronym.keySpan, acronym.valueSpan);
      addSection('acronyms', entries);
    }
    for (const field of file.top.values()) addPair(field.keySpan, field.valueSpan);
  }
  add({ start: 0, end: file.text.length });
  // Every span holds the offset and they come from one tree: by size, each holds the ones before.
  const spans: Span[] = [];
  for (const span of around.sort((a, b) => a.end - a.start - (b.end - b.start))) {
    const last = spans[spans.length - 1];
    if (!last || (span.start <= last.start && span.end >= last.end && (span.start < last.start || span.end > last.end))) spans.push(span);
  }
  return spans;
}

/** The list items and map pairs inside a value, down to its scalars (those that hold the offset are kept). */
function addNested(node: YNode | null, base: number, add: (span: Span) => void): void {
  if (!node || node.kind === 'scalar') return;
  if (node.kind === 'seq') {
    for (const child of node.items) {
      add({ start: child.start + base, end: child.end + base });
      addNested(child, base, add);
    }
    return;
  }
  for (const pair of node.pairs) {
    add({ start: pair.key.start + base, end: pair.key.end + base });
    if (!pair.value) continue;
    add({ start: pair.value.start + base, end: pair.value.end + base });
    add({ start: pair.key.start + base, end: pair.value.end + base });
    addNested(pair.value, base, add);
  }
}
