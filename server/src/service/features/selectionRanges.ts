// Selection ranges: ever wider spans around the cursor — the scalar, its key-value pair, the entry,
// the section, the file.
import { itemAt } from '../model/locate';
import type { PlanFile } from '../model/planFile';
import type { Span } from '../yaml/nodes';

/** Ever wider spans around an offset: the scalar, its key-value pair, the entry, the section. */
export function selectionSpans(file: PlanFile, offset: number): Span[] {
  const spans: Span[] = [];
  const add = (span: Span | undefined) => {
    if (!span) return;
    const last = spans[spans.length - 1];
    if (!last || (span.start <= last.start && span.end >= last.end && (span.start < last.start || span.end > last.end))) spans.push(span);
  };
  const item = itemAt(file, offset);
  if (item) {
    for (const reference of item.featureReferences) if (reference.span.start <= offset && offset <= reference.span.end) add(reference.span);
    for (const key of item.fieldKeys()) {
      const field = item.field(key)!;
      if (field.keySpan.start <= offset && offset <= field.keySpan.end) add(field.keySpan);
      else if (field.valueSpan.start <= offset && offset <= field.valueSpan.end) add(field.valueSpan);
      if (field.keySpan.start <= offset && offset <= field.valueSpan.end) add({ start: field.keySpan.start, end: field.valueSpan.end });
    }
    if (item.idSpan.start <= offset && offset <= item.idSpan.end) add(item.idSpan);
    add(item.entrySpan);
    const siblings = item.kind === 'milestone' ? file.milestones : file.features;
    if (siblings.length > 0) add({ start: siblings[0]!.entrySpan.start, end: siblings[siblings.length - 1]!.entrySpan.end });
  }
  add({ start: 0, end: file.text.length });
  return spans;
}
