// Folding ranges: each section, each entry, and each value that spans lines (lists, maps, block
// text), from the spans of the segments' trees.
import type { PlanFile } from '../model/planFile';
import type { Span, YNode } from '../yaml/nodes';

/** Folding ranges as spans: each section, each entry, each block value that spans lines. */
export function foldingSpans(file: PlanFile): Span[] {
  const spans: Span[] = [];
  let section: { name: string; start: number; end: number } | undefined;
  const closeSection = () => {
    if (section && section.end > section.start) spans.push({ start: section.start, end: section.end });
    section = undefined;
  };
  for (const segment of file.segments) {
    const root = segment.parsed.root;
    if (segment.section === undefined) {
      closeSection();
      // A section split into entries: its header segment is `key:` with no value.
      const header = root?.kind === 'map' && root.pairs.length === 1 && root.pairs[0]!.value?.kind === 'scalar' && root.pairs[0]!.value.value === null ? root.pairs[0]! : undefined;
      if (header) section = { name: String((header.key as { value?: unknown }).value), start: header.key.start + segment.base, end: header.key.end + segment.base };
    } else if (section && segment.section === section.name && root) {
      section.end = root.end + segment.base;
    }
    if (root) collectFolds(root, segment.base, spans);
  }
  closeSection();
  return spans;
}

function collectFolds(node: YNode, base: number, spans: Span[]): void {
  if (node.kind === 'map') {
    for (const pair of node.pairs) {
      if (pair.value && pair.value.kind !== 'scalar') {
        spans.push({ start: pair.key.start + base, end: pair.value.end + base });
        collectFolds(pair.value, base, spans);
      } else if (pair.value?.kind === 'scalar' && pair.value.style === 'block') {
        spans.push({ start: pair.key.start + base, end: pair.value.end + base });
      }
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) collectFolds(item, base, spans);
  }
}
