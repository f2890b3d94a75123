// Generates what the benchmark measures: milestone plans of a given size (N milestones with five
// features each), clean or dirty as plans are while they are edited; a workspace of many files
// whose milestones list features defined in other files; and a glossary CSV of many rows. Plans
// may also link their milestones by `predecessors` (two links a milestone).

export interface PlanOptions {
  /**
   * A plan being edited: in one milestone in fifty a listed feature ID is misspelt, in one feature
   * in fifty the name has an unknown acronym, and four milestones in ten before `asOf` are not
   * completed (overdue, with their features) or are completed with two features still open.
   */
  dirty?: boolean;
  /** Prefix of the IDs, so that several files can share a workspace: `REL-`, `FEAT-`. */
  prefix?: string;
  /**
   * Milestones linked by `predecessors`: each names the one before it and the one seven before
   * (two links a milestone, 20,000 at 10,000 milestones). Dirty, one milestone in a hundred also
   * names the one after it, which names it back: a cycle of two, and a predecessor due after.
   */
  links?: boolean;
}

const first = Date.UTC(2017, 0, 1);
const span = 3650; // days: dates run from 2017 to 2026; asOf (2021-08-11) falls in the middle
const asOf = '2021-08-11';
const day = (offset: number) => new Date(first + Math.min(offset, span + 90) * 86_400_000).toISOString().slice(0, 10);

/** A misspelling of a feature ID, of one of the kinds people make: a transposition, a dropped, doubled or wrong character. */
export function misspelt(id: string, variant: number): string {
  const dash = id.indexOf('-');
  switch (variant % 4) {
    case 0:
      return `${id.slice(0, 1)}${id.charAt(2)}${id.charAt(1)}${id.slice(3)}`; // FEAT → FAET
    case 1:
      return `${id.slice(0, dash - 1)}${id.slice(dash)}`; // FEAT-1-2 → FEA-1-2
    case 2:
      return `${id.slice(0, dash)}${id.charAt(dash - 1)}${id.slice(dash)}`; // FEAT → FEATT
    default:
      return `${id.slice(0, dash)}_${id.slice(dash + 1)}`; // FEAT-1 → FEAT_1
  }
}

/** An acronym no glossary defines, different for each `n`: three or four letters. */
export function unknownAcronym(n: number): string {
  let word = '';
  for (let rest = n + 26 * 26 * 3; rest > 0; rest = Math.floor(rest / 26)) word += String.fromCharCode(65 + ((rest * 7 + word.length) % 26));
  return `Q${word}`;
}

interface PlanParts {
  milestones: string[];
  features: string[];
}

/**
 * The milestone and feature entries of a plan, as lines. `featureOwner` is the prefix of the
 * features' IDs (the file that defines them may be another).
 */
function planParts(milestoneCount: number, options: PlanOptions): PlanParts {
  const prefix = options.prefix ?? '';
  const milestones: string[] = [];
  const features: string[] = [];
  for (let m = 0; m < milestoneCount; m++) {
    const at = Math.floor((m / milestoneCount) * span) + 30;
    const due = day(at);
    const past = due <= asOf;
    // Dirty: four milestones in ten before asOf are overdue, or completed with features still open.
    const overdue = options.dirty && past && (m % 10 === 1 || m % 10 === 3 || m % 10 === 6);
    const openFeature = options.dirty && past && m % 10 === 8;
    const completed = past && !overdue;
    milestones.push(`  ${prefix}REL-${m}:`);
    milestones.push(`    name: Release ${m} of the DM pipelines with HSC data`);
    milestones.push(`    due: ${due}`);
    if (completed) milestones.push(`    completed: ${due}`);
    milestones.push('    level: 2');
    if (options.links) {
      const predecessors = [m - 1, m - 7, ...(options.dirty && m % 100 === 50 ? [m + 1] : [])].filter((other) => other >= 0 && other < milestoneCount);
      if (predecessors.length > 0) milestones.push(`    predecessors: [${predecessors.map((other) => `${prefix}REL-${other}`).join(', ')}]`);
    }
    milestones.push('    description: >-');
    milestones.push(`      Demonstrates the AP and DRP payloads at NCSA for release ${m}.`);
    milestones.push('    features:');
    for (let f = 0; f < 5; f++) {
      const id = `${prefix}FEAT-${m}-${f}`;
      // Dirty: one milestone in fifty lists a misspelt ID (and so leaves the feature unused).
      milestones.push(`      - ${options.dirty && m % 50 === 7 && f === 2 ? misspelt(id, Math.floor(m / 50)) : id}`);
      // One feature in fifty is due after its milestone.
      const featureDue = (m * 5 + f) % 50 === 0 ? day(at + 30) : day(at - 30 + f);
      const featureDone = completed && !(openFeature && f >= 3);
      const acronym = options.dirty && (m * 5 + f) % 50 === 21 ? ` and ${unknownAcronym(m * 5 + f)}` : '';
      features.push(`  ${id}:`);
      features.push(`    name: Feature ${f} of release ${m}, with the LSST Science Platform and TAP${acronym}.`);
      features.push(`    due: ${featureDue}`);
      if (featureDone) features.push(`    completed: ${featureDue}`);
      features.push(`    wbs: 02C.03.${f}`);
    }
  }
  return { milestones, features };
}

export function generatePlan(milestoneCount: number, options: PlanOptions = {}): string {
  const { milestones, features } = planParts(milestoneCount, options);
  const lines = ['# A generated plan for benchmarks.', 'document: BENCH-1', 'title: Generated release plan', `asOf: ${asOf}`, 'milestones:', ...milestones, 'features:', ...features];
  return `${lines.join('\n')}\n`;
}

/**
 * A workspace of `fileCount` plans of `milestoneCount` milestones each, where the features that the
 * milestones of file k list are defined in file k + 1 (the last file's in the first): every pair
 * check crosses files. Returns file names and texts.
 */
export function generateWorkspace(fileCount: number, milestoneCount: number, options: PlanOptions = {}): Map<string, string> {
  const parts = Array.from({ length: fileCount }, (_, k) => planParts(milestoneCount, { ...options, prefix: `P${k}-` }));
  const files = new Map<string, string>();
  for (let k = 0; k < fileCount; k++) {
    const features = parts[(k + fileCount - 1) % fileCount]!.features;
    const lines = ['# A generated plan for benchmarks.', `document: BENCH-${k}`, `title: Generated release plan, part ${k}`, `asOf: ${asOf}`, 'milestones:', ...parts[k]!.milestones, 'features:', ...features];
    files.set(`part-${String(k).padStart(3, '0')}.milestones.yaml`, `${lines.join('\n')}\n`);
  }
  return files;
}

/**
 * A glossary CSV in the LSST glossary's form (Term, Description, Subsystem Tags, Documentation
 * Tags, Associated Acronyms and Alternative Terms, Type) with `rows` rows: mostly upper-case
 * acronyms of two to seven characters, some terms in mixed case (`FoVq`) and some of several words,
 * a few terms with two meanings told apart by their tags, quoted fields with commas.
 */
export function generateGlossaryCsv(rows: number): string {
  const lines = ['Term,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type'];
  let state = 0x2545f491;
  const random = () => {
    // xorshift32: the same glossary on every run
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
  const seen = new Set<string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const alphanumeric = `${letters}0123456789`;
  while (lines.length <= rows) {
    const kind = random();
    let term = letters[Math.floor(random() * 26)]!;
    const length = 1 + Math.floor(random() * 6);
    for (let index = 0; index < length; index++) term += alphanumeric[Math.floor(random() * 36)]!;
    let type = 'Acronym';
    if (kind > 0.97) {
      term = `${term.charAt(0)}${term.slice(1).toLowerCase()} Survey ${Math.floor(random() * 1000)}`;
      type = 'Term';
    } else if (kind > 0.92) {
      term = `${term.slice(0, 2)}${term.slice(2).toLowerCase()}`;
      if (/^[A-Z][A-Z0-9]+$/.test(term)) term += 'x';
    }
    const twoMeanings = kind < 0.01 && !seen.has(term);
    if (seen.has(term) && !twoMeanings) continue;
    seen.add(term);
    lines.push(`${term},"Definition of ${term}, number ${lines.length}",DM,,,${type}`);
    if (twoMeanings && lines.length <= rows) lines.push(`${term},Another meaning of ${term},Camera,,,${type}`);
  }
  return `${lines.join('\n')}\n`;
}
