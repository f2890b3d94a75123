// fast-check generators for hostile editing: random edits of a plan (typed, deleted, pasted, moved),
// with the characters editors and clipboards bring in — tabs, CRLF and lone CR, a byte-order mark,
// NUL, lone surrogates — and generated plans in every YAML style a user may write.
import fc from 'fast-check';

/** An edit in terms of the text it applies to: positions are scaled to the text's length when applied. */
export type RandomEdit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  /** Copies a piece of the text elsewhere, as a paste of something copied from the same file. */
  | { kind: 'paste'; from: number; length: number; at: number };

/** An edit as it lands on a text: the range `start`–`end` replaced by `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Characters that break naive line, offset and encoding handling. */
export const hostileCharacters = ['\t', '\r\n', '\r', '\n', '\uFEFF', '\u0000', '\uD800', '\uDFFF', '\u202E', '\u2028', '\u0085', '😀', 'é', '\\', '%'];

/** Pieces of YAML and of plans that keep the text close to a plan while it is edited. */
const fragments = [
  ' ', '  ', '\n', '\n  ', '\n    ', ':', ': ', '- ', '-', '#', ' # note', '"', "'", '[', ']', '{', '}', ',', '? ', '&a ', '*a', '!!str ', '|', '>-\n',
  '---\n', '...\n', '%YAML 1.2\n', 'DM-AP-1', 'LDM-503-02', 'NEW-1', 'due: ', 'due: 2021-02-30', 'due: 2017-13-01', 'completed: 2030-01-01', 'name: ', 'features:', 'milestones:', 'features:\n', 'acronyms:\n  XYZ: A term\n',
  '\n  NEW-1:\n    name: New\n    due: 2020-01-01\n', '\n      - DM-AP-9', '\n      - DM-AP-1', '    features: [DM-AP-1, DM-AP-2]\n', '    predecessors: [LDM-503-02, DM-AP-1]\n', '\n    predecessors:\n      - NEW-1', 'predecessors:', '# milestones-disable-next-line\n', 'null', '~', '2021-07-01', 'TBD', 'QQQ',
];

const pieceArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...fragments) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileCharacters) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...hostileCharacters, 'a', 'Z', '1', ':', ' ', '-', '"'), maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

const position = fc.nat({ max: 1_000_000 });

export const editArbitrary: fc.Arbitrary<RandomEdit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, text: pieceArbitrary }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 60 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: position, length: fc.integer({ min: 1, max: 20 }), text: pieceArbitrary }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('paste' as const), from: position, length: fc.integer({ min: 1, max: 400 }), at: position }) },
);

/** Where an edit lands on `text`. */
export function spliceOf(text: string, edit: RandomEdit): Splice {
  const at = (scaled: number) => scaled % (text.length + 1);
  switch (edit.kind) {
    case 'insert':
      return { start: at(edit.at), end: at(edit.at), text: edit.text };
    case 'delete': {
      const start = at(edit.at);
      return { start, end: Math.min(text.length, start + edit.length), text: '' };
    }
    case 'replace': {
      const start = at(edit.at);
      return { start, end: Math.min(text.length, start + edit.length), text: edit.text };
    }
    case 'paste': {
      const from = at(edit.from);
      const to = at(edit.at);
      return { start: to, end: to, text: text.slice(from, from + edit.length) };
    }
  }
}

export function applySplice(text: string, splice: Splice): string {
  return text.slice(0, splice.start) + splice.text + text.slice(splice.end);
}

/** A seed for a run: MILESTONES_PROPERTY_SEED replays one, else a new one each run. */
export function propertySeed(): number {
  const given = process.env.MILESTONES_PROPERTY_SEED;
  return given ? Number(given) : (Date.now() ^ (process.pid << 8)) >>> 0;
}

/** Options for fc.assert that print how to replay a failure. */
export function replayable(seed: number, numRuns: number, options: { shrink?: boolean } = {}): fc.Parameters<unknown> {
  return {
    seed,
    numRuns,
    // Shrinking replays the property many times: not worth it when one failure leaves a server broken.
    endOnFailure: options.shrink === false,
    reporter: (details) => {
      if (details.failed) {
        const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        throw new Error(`${fc.defaultReportMessage(details)}\n${cause}\nReplay with MILESTONES_PROPERTY_SEED=${seed}`);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Generated plans

/** How an ID, a name or a date is written. */
type Quoting = 'plain' | 'single' | 'double';

const quotingArbitrary = fc.constantFrom<Quoting>('plain', 'plain', 'single', 'double');

function quoted(value: string, quoting: Quoting): string {
  if (quoting === 'single') return `'${value.replace(/'/g, "''")}'`;
  if (quoting === 'double') return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  return value;
}

const commentArbitrary = fc.constantFrom('# a note', '#', '# TODO: check with the team', '# disabled: - DM-X-1', '#  "quoted" in a comment: yes', '# due: 2020-01-01');

/** Lines to put between others: nothing, blank lines (maybe with trailing spaces) or comments. */
function fillerArbitrary(indent: string): fc.Arbitrary<string[]> {
  return fc.array(fc.oneof(fc.constantFrom('', '   '), commentArbitrary.map((comment) => `${indent}${comment}`)), { maxLength: 2 });
}

export const dateArbitrary = fc
  .record({ year: fc.integer({ min: 2017, max: 2023 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

export const nameArbitrary = fc.constantFrom('Alert Production', 'Data Release: first pass', 'Pipeline #2 tests', 'HSC reprocessing', 'QA of the DRP', "It's done", 'Café QQQ', 'A "quoted" word');

interface GeneratedFeature {
  id: string;
  name: string;
  due: string;
  completed: string | null;
  /** IDs of milestones and features, some undefined; cycles happen. */
  predecessors: string[];
}

interface GeneratedMilestone extends GeneratedFeature {
  features: string[];
}

export interface GeneratedPlan {
  text: string;
  milestones: GeneratedMilestone[];
  features: GeneratedFeature[];
}

interface Style {
  quoting: Quoting;
  flowList: boolean;
  flowEntry: boolean;
  trailing: string | null;
  fillerBefore: string[];
  completedNull: boolean;
}

const styleArbitrary: fc.Arbitrary<Style> = fc.record({
  quoting: quotingArbitrary,
  flowList: fc.boolean(),
  flowEntry: fc.constantFrom(false, false, false, true),
  trailing: fc.option(commentArbitrary, { nil: null }),
  fillerBefore: fillerArbitrary('  '),
  completedNull: fc.boolean(),
});

function entryLines(kind: 'milestone' | 'feature', item: GeneratedMilestone | GeneratedFeature, style: Style): string[] {
  const trailing = style.trailing ? ` ${style.trailing}` : '';
  const key = quoted(item.id, style.quoting === 'double' ? 'double' : style.quoting === 'single' ? 'single' : 'plain');
  const name = quoted(item.name, /[:#"']/.test(item.name) ? (style.quoting === 'single' ? 'single' : 'double') : style.quoting);
  const due = quoted(item.due, style.quoting);
  const list = kind === 'milestone' ? (item as GeneratedMilestone).features : [];
  if (style.flowEntry) {
    const parts = [`name: ${name}`, `due: ${due}`];
    if (item.completed) parts.push(`completed: ${quoted(item.completed, style.quoting)}`);
    if (list.length > 0) parts.push(`features: [${list.map((id) => quoted(id, style.quoting)).join(', ')}]`);
    if (item.predecessors.length > 0) parts.push(`predecessors: [${item.predecessors.map((id) => quoted(id, style.quoting)).join(', ')}]`);
    return [...style.fillerBefore, `  ${key}: {${parts.join(', ')}}${trailing}`];
  }
  const lines = [...style.fillerBefore, `  ${key}:${trailing}`, `    name: ${name}`, `    due: ${due}${trailing}`];
  if (item.completed) lines.push(`    completed: ${quoted(item.completed, style.quoting)}`);
  else if (style.completedNull) lines.push('    completed: null');
  for (const [key, ids] of [['features', list], ['predecessors', item.predecessors]] as const) {
    if (ids.length === 0) continue;
    if (style.flowList) lines.push(`    ${key}: [${ids.map((id) => quoted(id, style.quoting)).join(', ')}]${trailing}`);
    else {
      lines.push(`    ${key}:${trailing}`);
      for (const id of ids) lines.push(`      - ${quoted(id, style.quoting)}`, ...(style.trailing ? ['      # one more'] : []));
    }
  }
  return lines;
}

/**
 * A plan full of comments, blank lines, flow and block styles and quoted scalars, with enough
 * inconsistencies (late features, open features in completed milestones, unknown and repeated IDs,
 * predecessors due later or open, cycles,
 * bad dates) that every quick fix has something to do.
 */
export const planArbitrary: fc.Arbitrary<GeneratedPlan> = fc
  .record({
    featureCount: fc.integer({ min: 1, max: 6 }),
    milestoneCount: fc.integer({ min: 1, max: 4 }),
    crlf: fc.constantFrom(false, false, true),
    header: fillerArbitrary(''),
    featuresFirst: fc.boolean(),
    acronyms: fc.boolean(),
  })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      features: fc.array(
        fc.record({
          name: nameArbitrary,
          due: dateArbitrary,
          completed: fc.option(dateArbitrary, { nil: null }),
          style: styleArbitrary,
          badDate: fc.constantFrom(null, null, null, null, '2021-02-30', '2021-7-1'),
          before: fc.array(fc.integer({ min: 0, max: shape.featureCount + shape.milestoneCount }), { maxLength: 2 }),
        }),
        { minLength: shape.featureCount, maxLength: shape.featureCount },
      ),
      milestones: fc.array(
        fc.record({
          name: nameArbitrary,
          due: dateArbitrary,
          completed: fc.option(dateArbitrary, { nil: null }),
          style: styleArbitrary,
          picks: fc.array(fc.integer({ min: 0, max: shape.featureCount + 1 }), { maxLength: 5 }),
          before: fc.array(fc.integer({ min: 0, max: shape.featureCount + shape.milestoneCount }), { maxLength: 2 }),
        }),
        { minLength: shape.milestoneCount, maxLength: shape.milestoneCount },
      ),
    }),
  )
  .map(({ shape, features, milestones }) => {
    // Predecessors among every item (features, then milestones); the last pick is an ID no file defines.
    const predecessorId = (pick: number) => (pick < shape.featureCount ? `F-${pick + 1}` : pick < shape.featureCount + shape.milestoneCount ? `M-${pick - shape.featureCount + 1}` : 'M-9x');
    const featureItems: GeneratedFeature[] = features.map((feature, index) => ({ id: `F-${index + 1}`, name: feature.name, due: feature.badDate ?? feature.due, completed: feature.completed, predecessors: feature.before.map(predecessorId) }));
    // A pick beyond the features is an ID that no file defines (a misspelt one, close to a real ID).
    const milestoneItems: GeneratedMilestone[] = milestones.map((milestone, index) => ({
      id: `M-${index + 1}`,
      name: milestone.name,
      due: milestone.due,
      completed: milestone.completed,
      predecessors: milestone.before.map(predecessorId),
      features: milestone.picks.map((pick) => (pick < shape.featureCount ? featureItems[pick]!.id : `F-${pick + 1}x`)),
    }));
    const lines = [...shape.header, 'document: LDM-999', 'asOf: 2021-08-11', ''];
    const milestoneSection = ['milestones:', ...milestoneItems.flatMap((item, index) => entryLines('milestone', item, milestones[index]!.style))];
    const featureSection = ['features: # the features', ...featureItems.flatMap((item, index) => entryLines('feature', item, features[index]!.style))];
    if (shape.featuresFirst) lines.push(...featureSection, '', ...milestoneSection);
    else lines.push(...milestoneSection, '', ...featureSection);
    if (shape.acronyms) lines.push('', 'acronyms:', '  # plan terms', '  HSC: Hyper Suprime-Cam', "  'QA': Quality Assurance");
    const text = `${lines.join('\n')}\n`;
    return { text: shape.crlf ? text.replace(/\n/g, '\r\n') : text, milestones: milestoneItems, features: featureItems };
  });
