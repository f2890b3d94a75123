// What one segment of a plan file contributes to the file's model: its milestones, features,
// acronym definitions and top-level fields, built once while the segment's tree is at hand and
// kept with the segment. Spans are relative to the segment.
import type { Problem, ReportedProblem } from '../checks/problems';
import type { Segment } from '../yaml/segments';
import { findPair, scalarText, type Span, type YMap, type YNode } from '../yaml/nodes';
import { PlanItem } from './planItem';

export interface AcronymDefinition {
  term: string;
  definition: string;
  keySpan: Span;
  /** The definition. */
  valueSpan: Span;
}

export interface TopField {
  value: unknown;
  keySpan: Span;
  valueSpan: Span;
  node: YNode | null;
}

export type PlanSegment = Segment<SegmentModel>;

export interface SegmentModel {
  milestones: PlanItem[];
  features: PlanItem[];
  acronyms: AcronymDefinition[];
  top: Map<string, TopField>;
  /** Where names and descriptions are, for acronym checks: start and end of each, one after the other. */
  freeText: number[];
  /** What the checks of the segment alone found (syntax, schema, date formats); set as it is parsed (see workspace.ts). */
  localProblems: readonly Problem[];
  /** Whether the segment holds a comment that silences a problem on the line after it. */
  hasDirective: boolean;
  /**
   * The segment's problems with those its items' checks found, as reported (relative to the
   * segment), for the glossary and settings of generation `problemsGeneration` (-1: to be assembled
   * again) and, in a file with directives, after the segment `problemsAfter` (whose last line may
   * silence a problem on this one's first).
   */
  problems: readonly ReportedProblem[];
  problemsGeneration: number;
  problemsAfter: PlanSegment | null;
}

/** Shared by the many segments that have no items, acronyms, problems or free text. */
const none: never[] = [];
const noFields = new Map<string, TopField>();

/** A list as a copy of exactly its length (lists grown by push keep room for more), or the shared empty list. */
function exact<T>(list: T[]): T[] {
  return list.length > 0 ? list.slice() : none;
}

const sectionNames = new Set(['milestones', 'features', 'acronyms']);

/**
 * The model of a segment whose tree is at hand: empty lists and maps shared (most segments have no
 * acronyms, no top-level fields), in one object literal, so that every model has the same hidden
 * class in V8 (a copy by spread gave each its own, a few hundred bytes apiece).
 */
export function buildSegmentModel(segment: PlanSegment, uri: string): SegmentModel {
  const milestones: PlanItem[] = [];
  const features: PlanItem[] = [];
  const acronyms: AcronymDefinition[] = [];
  const top = new Map<string, TopField>();
  const freeText: number[] = [];
  const addSection = (section: string, map: YMap, sectionIndex: number): void => {
    for (const [index, pair] of map.pairs.entries()) {
      const id = scalarText(pair.key);
      if (id === undefined || id === '') continue;
      if (section === 'milestones' || section === 'features') {
        const item = new PlanItem(section === 'milestones' ? 'milestone' : 'feature', id, uri, segment, pair, sectionIndex, index);
        (section === 'milestones' ? milestones : features).push(item);
        if (pair.value?.kind !== 'map') continue;
        for (const key of ['name', 'description']) {
          const node = findPair(pair.value, key)?.value;
          if (node?.kind === 'scalar' && typeof node.value === 'string') freeText.push(node.start, node.end);
        }
      } else if (section === 'acronyms' && pair.value?.kind === 'scalar' && typeof pair.value.value === 'string') {
        acronyms.push({ term: id, definition: pair.value.value, keySpan: { start: pair.key.start, end: pair.key.end }, valueSpan: { start: pair.value.start, end: pair.value.end } });
      }
    }
  };
  const root = segment.parsed.root;
  const section = segment.section;
  if (root?.kind === 'map') {
    if (section !== undefined) {
      addSection(section, root, -1);
    } else {
      for (const [index, pair] of root.pairs.entries()) {
        const key = scalarText(pair.key);
        if (key === undefined) continue;
        if (sectionNames.has(key)) {
          if (pair.value?.kind === 'map') addSection(key, pair.value, index);
        } else if (!top.has(key)) {
          top.set(key, {
            value: pair.value?.kind === 'scalar' ? pair.value.value : undefined,
            keySpan: { start: pair.key.start, end: pair.key.end },
            valueSpan: pair.value ? { start: pair.value.start, end: pair.value.end } : { start: pair.key.end + 1, end: pair.key.end + 1 },
            node: pair.value,
          });
        }
      }
    }
  }
  return {
    milestones: exact(milestones),
    features: exact(features),
    acronyms: exact(acronyms),
    top: top.size > 0 ? top : noFields,
    freeText: exact(freeText),
    localProblems: none,
    hasDirective: false,
    problems: none,
    problemsGeneration: -1,
    problemsAfter: null,
  };
}
