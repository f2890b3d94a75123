// Generated workspaces in the styles people write them, for the property test of every edit the
// server offers: a plan (block and flow maps and lists; plain, quoted, folded, literal and wrapped
// scalars; values on the line below their key; comments everywhere; a `---` marker; LF or CR LF, a byte-order mark, tabs in text, very long lines,
// anchors and aliases; misspelt keys, bad dates, unknown and repeated IDs, unknown acronyms), an
// overrides file in the shape of Rubin's `data/local.yaml`, and the glossary file and skip list
// that "Add … to" edits.
import fc from 'fast-check';

export interface GeneratedFile {
  name: string;
  text: string;
}

export interface GeneratedWorkspace {
  plan: string;
  /** An overrides file, or undefined for none. */
  overrides: string | undefined;
  glossary: GeneratedFile;
  skip: GeneratedFile;
}

/** Words of names and descriptions: known acronyms, unknown ones (some one edit from a known one), and plain words. */
const words = ['Data', 'release', 'of', 'the', 'pipeline', 'first', 'pass', 'review', 'with', 'alerts', 'HSC', 'DM', 'AP', 'DRP', 'QA', 'ZZQX', 'QQW', 'DRPP', 'HCS', 'TBD', 'Café', 'naïve', '𝒳-ray'];
const wordArbitrary = fc.constantFrom(...words);

/** How a piece of prose is written. */
type TextStyle = 'plain' | 'single' | 'double' | 'wrapped' | 'wrappedDouble' | 'folded' | 'literal' | 'long' | 'tab';
const textStyles: TextStyle[] = ['plain', 'plain', 'single', 'double', 'wrapped', 'wrapped', 'wrappedDouble', 'folded', 'literal', 'long', 'tab'];

/** Whether a style may be written inside a flow map `{…}` on one line. */
const oneLine = (style: TextStyle) => style === 'plain' || style === 'single' || style === 'double';

/** A prose value after `key:` (with its leading space or line break), its continuation lines indented under `indent`. */
function prose(text: string[], style: TextStyle, indent: string, eol: string): string {
  const all = text.join(' ');
  const half = Math.max(1, Math.floor(text.length / 2));
  const [first, second] = [text.slice(0, half).join(' '), text.slice(half).join(' ') || 'end'];
  const more = `${indent}  `;
  switch (style) {
    case 'plain':
      return ` ${all}`;
    case 'single':
      return ` '${all.replace(/'/g, "''")}'`;
    case 'double':
      return ` "${all.replace(/["\\]/g, (c) => `\\${c}`)}"`;
    case 'wrapped':
      return ` ${first}${eol}${more}${second}`;
    case 'wrappedDouble':
      return ` "${first}${eol}${more}${second}"`;
    case 'folded':
      return ` >-${eol}${more}${first}${eol}${more}${second}`;
    case 'literal':
      return ` |${eol}${more}${first}${eol}${more}${second}`;
    case 'long':
      return ` ${Array.from({ length: 120 }, (_, index) => text[index % text.length]).join(' ')}`;
    case 'tab':
      return ` ${text.join('\t')}`;
  }
}

const commentArbitrary = fc.constantFrom('# a note', '#', '# TODO: check with the team', '# due: 2020-01-01', '#  "quoted" in a comment: yes', '# milestones-disable-next-line overdue');

type Quoting = 'plain' | 'single' | 'double';
const quotingArbitrary = fc.constantFrom<Quoting>('plain', 'plain', 'plain', 'single', 'double');
function quoted(value: string, quoting: Quoting): string {
  if (quoting === 'single') return `'${value}'`;
  if (quoting === 'double') return `"${value}"`;
  return value;
}

const dateArbitrary = fc
  .record({ year: fc.integer({ min: 2017, max: 2023 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
/** A date as written: mostly valid, some not a real day or not zero-padded (which "Change to" fixes). */
const writtenDateArbitrary = fc.oneof({ weight: 8, arbitrary: dateArbitrary }, { weight: 1, arbitrary: fc.constantFrom('2021-02-30', '2021-7-1', '2021-06-31') });

/** How one milestone or feature is written. */
interface ItemStyle {
  /** A flow map `{…}` for the entry, on one line or wrapped over two. */
  flowEntry: boolean;
  flowWrapped: boolean;
  /** The due date on the line below its key. */
  dueBelow: boolean;
  idQuoting: Quoting;
  dateQuoting: Quoting;
  nameStyle: TextStyle;
  name: string[];
  description: { style: TextStyle; text: string[] } | null;
  due: string;
  forecast: string | null;
  completed: string | null;
  /** How "not completed" is written when it is not: absent, `null`, or nothing after the colon. */
  open: 'absent' | 'null' | 'empty';
  level: number | null;
  /** Block lists indented under their key or not (`compact`: the dashes at the key's indent, with a comment after each). */
  listStyle: 'block' | 'compact' | 'flow' | 'wrappedFlow';
  listQuoting: Quoting;
  /** Picks of features (milestones) and predecessors: an index into the items, beyond them an unknown ID. */
  features: number[];
  predecessors: number[];
  misspelt: 'complted' | 'levle' | 'descripton' | null;
  trailing: string | null;
  between: string | null;
  before: string | null;
}

const itemStyleArbitrary = (itemCount: number): fc.Arbitrary<ItemStyle> =>
  fc.record({
    flowEntry: fc.constantFrom(false, false, false, false, true),
    flowWrapped: fc.boolean(),
    dueBelow: fc.constantFrom(false, false, false, false, false, true),
    idQuoting: quotingArbitrary,
    dateQuoting: quotingArbitrary,
    nameStyle: fc.constantFrom(...textStyles),
    name: fc.array(wordArbitrary, { minLength: 1, maxLength: 5 }),
    description: fc.option(fc.record({ style: fc.constantFrom(...textStyles), text: fc.array(wordArbitrary, { minLength: 2, maxLength: 8 }) }), { nil: null, freq: 2 }),
    due: writtenDateArbitrary,
    forecast: fc.option(dateArbitrary, { nil: null, freq: 3 }),
    completed: fc.option(writtenDateArbitrary, { nil: null, freq: 2 }),
    open: fc.constantFrom<ItemStyle['open']>('absent', 'absent', 'null', 'empty'),
    level: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null, freq: 3 }),
    listStyle: fc.constantFrom<ItemStyle['listStyle']>('block', 'block', 'compact', 'flow', 'wrappedFlow'),
    listQuoting: quotingArbitrary,
    features: fc.array(fc.integer({ min: 0, max: itemCount + 1 }), { maxLength: 4 }),
    predecessors: fc.array(fc.integer({ min: 0, max: itemCount + 1 }), { maxLength: 2 }),
    misspelt: fc.constantFrom<ItemStyle['misspelt']>(null, null, null, null, null, null, 'complted', 'levle', 'descripton'),
    trailing: fc.option(commentArbitrary, { nil: null, freq: 3 }),
    between: fc.option(commentArbitrary, { nil: null, freq: 3 }),
    before: fc.option(fc.oneof(commentArbitrary, fc.constant('')), { nil: null, freq: 3 }),
  });

/** The lines of one entry, in the file's line ends, at two spaces under its section. */
function entryText(kind: 'milestone' | 'feature', id: string, style: ItemStyle, ids: (pick: number) => string, eol: string, alias: string | undefined): string {
  const key = quoted(id, style.idQuoting);
  const trailing = style.trailing ? ` ${style.trailing}` : '';
  const date = (value: string) => quoted(value, style.dateQuoting);
  const list = (picks: number[]) => picks.map((pick) => quoted(ids(pick), style.listQuoting));
  const features = kind === 'milestone' ? list(style.features) : [];
  const predecessors = list(style.predecessors);
  const due = alias ?? date(style.due);
  const before = style.before === null ? '' : `${style.before === '' ? '' : `  ${style.before}`}${eol}`;
  if (style.flowEntry) {
    const parts = [`name:${prose(style.name, oneLine(style.nameStyle) ? style.nameStyle : 'double', '', eol)}`, `due: ${due}`];
    if (style.completed) parts.push(`completed: ${date(style.completed)}`);
    if (features.length > 0) parts.push(`features: [${features.join(', ')}]`);
    if (predecessors.length > 0) parts.push(`predecessors: [${predecessors.join(', ')}]`);
    return `${before}  ${key}: {${parts.join(style.flowWrapped ? `,${eol}    ` : ', ')}}${trailing}${eol}`;
  }
  const lines: string[] = [`  ${key}:${trailing}`];
  const field = (name: string, value: string) => lines.push(`    ${name}:${value}`);
  field('name', prose(style.name, style.nameStyle, '    ', eol));
  if (style.between) lines.push(`    ${style.between}`);
  field('due', style.dueBelow ? `${trailing}${eol}      ${due}` : ` ${due}${trailing}`);
  if (style.forecast) field('forecast', ` ${date(style.forecast)}`);
  if (style.completed) field(style.misspelt === 'complted' ? 'complted' : 'completed', ` ${date(style.completed)}`);
  else if (style.open === 'null') field('completed', ' null');
  else if (style.open === 'empty') field('completed', '');
  if (kind === 'milestone' && style.level !== null) field(style.misspelt === 'levle' ? 'levle' : 'level', ` ${style.level}`);
  if (style.description) field(style.misspelt === 'descripton' ? 'descripton' : 'description', prose(style.description.text, style.description.style, '    ', eol));
  for (const [name, values] of [['features', features], ['predecessors', predecessors]] as const) {
    if (values.length === 0) continue;
    if (style.listStyle === 'flow') field(name, ` [${values.join(', ')}]${trailing}`);
    else if (style.listStyle === 'wrappedFlow') field(name, ` [${values.slice(0, 1).join(', ')},${eol}      ${values.slice(1).join(', ') || values[0]}]`);
    else if (style.listStyle === 'compact') {
      field(name, '');
      for (const value of values) lines.push(`    - ${value}${trailing}`);
    } else {
      field(name, trailing);
      for (const value of values) lines.push(`      - ${value}`, ...(style.between ? [`      ${style.between}`] : []));
    }
  }
  return `${before}${lines.join(eol)}${eol}`;
}

/** An overrides entry: which code it is for, and what it sets. */
interface OverrideStyle {
  /** An index into the items; beyond them, a code one edit from one, or one far from all. */
  code: number;
  quoting: Quoting;
  description: { style: TextStyle; text: string[] } | null;
  due: string | null;
  completed: string | null;
  comment: string[] | null;
  misspelt: boolean;
  /** A flow map `{…}` for the entry (its prose on one line). */
  flow: boolean;
  trailing: string | null;
}

const overrideStyleArbitrary = (itemCount: number): fc.Arbitrary<OverrideStyle> =>
  fc.record({
    code: fc.integer({ min: 0, max: itemCount + 1 }),
    quoting: quotingArbitrary,
    description: fc.option(fc.record({ style: fc.constantFrom(...textStyles), text: fc.array(wordArbitrary, { minLength: 2, maxLength: 8 }) }), { nil: null, freq: 2 }),
    due: fc.option(fc.oneof(writtenDateArbitrary, fc.constant('')), { nil: null, freq: 2 }),
    completed: fc.option(fc.oneof(dateArbitrary, fc.constant('')), { nil: null, freq: 3 }),
    comment: fc.option(fc.array(wordArbitrary, { minLength: 1, maxLength: 4 }), { nil: null, freq: 3 }),
    misspelt: fc.constantFrom(false, false, false, false, true),
    flow: fc.constantFrom(false, false, false, true),
    trailing: fc.option(commentArbitrary, { nil: null, freq: 4 }),
  });

function overrideText(code: string, style: OverrideStyle, eol: string): string {
  const trailing = style.trailing ? ` ${style.trailing}` : '';
  if (style.flow) {
    const parts: string[] = [];
    if (style.description) parts.push(`${style.misspelt ? 'descripton' : 'description'}:${prose(style.description.text, oneLine(style.description.style) ? style.description.style : 'double', '', eol)}`);
    if (style.due !== null) parts.push(`due: ${style.due === '' ? '""' : quoted(style.due, style.quoting)}`);
    if (style.completed !== null) parts.push(`completed: ${style.completed === '' ? "''" : style.completed}`);
    if (parts.length === 0) parts.push('level: 2');
    return `${quoted(code, style.quoting)}: {${parts.join(', ')}}${trailing}${eol}`;
  }
  const lines = [`${quoted(code, style.quoting)}:${trailing}`];
  if (style.description) lines.push(`  ${style.misspelt ? 'descripton' : 'description'}:${prose(style.description.text, style.description.style, '  ', eol)}`);
  if (style.due !== null) lines.push(`  due: ${style.due === '' ? '""' : quoted(style.due, style.quoting)}`);
  if (style.completed !== null) lines.push(`  completed: ${style.completed === '' ? "''" : style.completed}${trailing}`);
  if (style.comment) lines.push(`  comment:${prose(style.comment, 'plain', '  ', eol)}`);
  if (lines.length === 1) lines.push('  level: 2');
  return lines.join(eol) + eol;
}

const glossaryHeader = 'Term,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type';

/** A glossary file in one of its formats (the LSST CSV most often), and a skip list. */
const glossaryArbitrary: fc.Arbitrary<GeneratedFile> = fc
  .record({
    format: fc.constantFrom('csv', 'csv', 'csv', 'yaml', 'txt'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    finalBreak: fc.constantFrom(true, true, false),
    multiline: fc.boolean(),
  })
  .map(({ format, eol, bom, finalBreak, multiline }) => {
    const end = finalBreak ? eol : '';
    if (format === 'csv') {
      const acronyms = ['CCD,Charge-Coupled Device,Camera,,,A', 'DAQ,Data Acquisition,Camera,,,A', multiline ? `EFD,"Engineering and${eol}Facility Database",DM,,,A` : 'EFD,Engineering and Facility Database,DM,,,A', 'QA,"Quality Assurance, the office",DM,,,A', 'SAL,Service Abstraction Layer,TSSW,,,A'];
      const terms = ['Alert,"A notice, sent at once",DM,,,G', 'Butler,The data access layer,DM,,,G'];
      return { name: 'glossarydefs.csv', text: `${bom ? '\uFEFF' : ''}${[glossaryHeader, ...acronyms, ...terms].join(eol)}${end}` };
    }
    const yamlEol = eol === '\r' ? '\n' : eol;
    if (format === 'yaml') return { name: 'terms.yaml', text: `# project terms${yamlEol}CCD: Charge-Coupled Device${yamlEol}"R&D": Research and development${end === '' ? '' : yamlEol}` };
    return { name: 'myacronyms.txt', text: `CCD:Charge-Coupled Device${eol}EFD:Engineering and Facility Database${end}` };
  });

const skipArbitrary: fc.Arbitrary<GeneratedFile> = fc
  .record({ eol: fc.constantFrom('\n', '\r\n'), finalBreak: fc.boolean(), comment: fc.boolean() })
  .map(({ eol, finalBreak, comment }) => ({ name: 'skipacronyms.txt', text: `${comment ? `# words we use${eol}` : ''}TBD${eol}WIP${finalBreak ? eol : ''}` }));

/** A whole generated workspace. */
export const workspaceArbitrary: fc.Arbitrary<GeneratedWorkspace> = fc
  .record({
    milestones: fc.integer({ min: 1, max: 4 }),
    features: fc.integer({ min: 0, max: 5 }),
    crlf: fc.constantFrom(false, false, true),
    bom: fc.constantFrom(false, false, false, true),
    featuresFirst: fc.boolean(),
    header: fc.array(commentArbitrary, { maxLength: 2 }),
    /** A document start marker `---` first. */
    marker: fc.constantFrom(false, false, false, true),
    acronyms: fc.constantFrom('none', 'none', 'block', 'block', 'flow', 'emptyFlow', 'empty', 'null'),
    /** An anchor on the first milestone's due date, and an alias of it on the last item's. */
    alias: fc.constantFrom(false, false, false, false, true),
    overrides: fc.boolean(),
    overrideCrlf: fc.boolean(),
    /** The overrides file's first line: a comment, or its first entry (after a byte-order mark, or not). */
    overrideHead: fc.constantFrom<'comment' | 'entry' | 'bomEntry'>('comment', 'comment', 'entry', 'bomEntry'),
  })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      items: fc.array(itemStyleArbitrary(shape.milestones + shape.features), { minLength: shape.milestones + shape.features, maxLength: shape.milestones + shape.features }),
      overrides: fc.array(overrideStyleArbitrary(shape.milestones + shape.features), { minLength: 1, maxLength: 4 }),
      glossary: glossaryArbitrary,
      skip: skipArbitrary,
    }),
  )
  .map(({ shape, items, overrides, glossary, skip }) => {
    const count = shape.milestones + shape.features;
    const idOf = (index: number) => (index < shape.milestones ? `M-${index + 1}` : `F-${index - shape.milestones + 1}`);
    // Beyond the items: an ID one edit from one (did you mean), or none close.
    const ids = (pick: number) => (pick < count ? idOf(pick) : pick === count ? `${idOf(0)}x` : 'ZZZ-9');
    const eol = shape.crlf ? '\r\n' : '\n';
    // An anchor on the due date of the first item written, and an alias of it on the last one's.
    const written = shape.featuresFirst ? [...Array.from({ length: shape.features }, (_, index) => shape.milestones + index), ...Array.from({ length: shape.milestones }, (_, index) => index)] : Array.from({ length: count }, (_, index) => index);
    const [anchored, aliased] = [written[0]!, written[written.length - 1]!];
    const entry = (index: number) => {
      const style = items[index]!;
      const isMilestone = index < shape.milestones;
      let alias: string | undefined;
      if (shape.alias && count > 1 && !items[anchored]!.flowEntry) {
        if (index === anchored) alias = `&due ${quoted(style.due, style.dateQuoting)}`;
        if (index === aliased) alias = '*due';
      }
      return entryText(isMilestone ? 'milestone' : 'feature', idOf(index), style, ids, eol, alias);
    };
    const milestones = `milestones:${eol}${Array.from({ length: shape.milestones }, (_, index) => entry(index)).join('')}`;
    const features = shape.features > 0 ? `features: # the features${eol}${Array.from({ length: shape.features }, (_, index) => entry(shape.milestones + index)).join('')}` : '';
    const acronyms = {
      none: '',
      block: `acronyms:${eol}  # plan terms${eol}  HSC: Hyper Suprime-Cam${eol}  'QA': Quality Assurance${eol}`,
      flow: `acronyms: {HSC: Hyper Suprime-Cam, QA: Quality Assurance}${eol}`,
      emptyFlow: `acronyms: {} # none yet${eol}`,
      empty: `acronyms: # none yet${eol}`,
      null: `acronyms: null${eol}`,
    }[shape.acronyms];
    const sections = shape.featuresFirst ? [features, milestones] : [milestones, features];
    const head = [...(shape.marker ? ['---'] : []), ...shape.header, 'document: LDM-999', 'asOf: 2021-08-11'].join(eol) + eol;
    const plan = `${shape.bom ? '\uFEFF' : ''}${head}${[...sections, acronyms].filter(Boolean).join(eol)}`;
    const overrideEol = shape.overrideCrlf ? '\r\n' : '\n';
    const codes = new Set<string>();
    const overrideEntries = overrides.filter((style) => {
      const code = ids(style.code);
      if (codes.has(code)) return false;
      codes.add(code);
      return true;
    });
    const overrideHead = { comment: `# Hand edits of the schedule${overrideEol}`, entry: '', bomEntry: '\uFEFF' }[shape.overrideHead];
    const overridesText = shape.overrides ? `${overrideHead}${overrideEntries.map((style) => overrideText(ids(style.code), style, overrideEol)).join('')}` : undefined;
    return { plan, overrides: overridesText, glossary, skip };
  });
