// What an edit of a plan or an overrides file is about: the values of the `yaml` package's parse
// before and after it compared path by path, and, for each quick fix by its title, the one change
// it may make. A fix the table does not know fails the test, so that a new fix says what it does.
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import type { PlanCodeAction, ReportedProblem } from '../../server/src/service';

export type Path = (string | number)[];

/** One value that differs: lists are compared whole. */
export interface Change {
  file: 'plan' | 'overrides';
  path: Path;
  before: unknown;
  after: unknown;
}

/** The texts last read by yamlValue: every edit of a workspace is compared with the same texts before it. */
const valuesRead = new Map<string, { value: unknown; errors: string[] }>();

/** The value of a YAML text as the `yaml` package reads it, and its errors (the same object for the same text: not to be changed). */
export function yamlValue(text: string): { value: unknown; errors: string[] } {
  const known = valuesRead.get(text);
  if (known) return known;
  const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  const errors = [...document.errors.map((error) => error.message)];
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: -1 });
  } catch (error) {
    errors.push((error as Error).message);
  }
  if (valuesRead.size >= 16) valuesRead.delete(valuesRead.keys().next().value!);
  valuesRead.set(text, { value, errors });
  return { value, errors };
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** The values that differ between two parses, maps compared key by key and anything else whole. */
export function changesBetween(file: Change['file'], before: unknown, after: unknown, path: Path = []): Change[] {
  if (isMap(before) && isMap(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) => changesBetween(file, before[key], after[key], [...path, key]));
  }
  return isDeepStrictEqual(before, after) ? [] : [{ file, path, before, after }];
}

/** What a plan's value at `path` is: `milestones.M-1.due`. */
export const pathText = (change: Change) => `${change.file}:${change.path.join('.')}`;

/** The section of an ID in a plan's value: where it is defined. */
export function sectionOf(plan: unknown, id: string): 'milestones' | 'features' | undefined {
  if (!isMap(plan)) return undefined;
  for (const section of ['milestones', 'features'] as const) if (isMap(plan[section]) && id in plan[section]) return section;
  return undefined;
}

/** `list` with the occurrences `drop` chooses left out. */
const without = (list: unknown, drop: (value: unknown, index: number) => boolean) => (Array.isArray(list) ? list.filter((value, index) => !drop(value, index)) : list);

/** A list as expected: the same items, or, for no items, a key with nothing after it (null, which the schema allows). */
const sameList = (after: unknown, expected: unknown) => isDeepStrictEqual(after, expected) || (Array.isArray(expected) && expected.length === 0 && after === null);

const date = '(\\d{4}-\\d\\d-\\d\\d)';
const id = '([\\w.-]+)';

/**
 * Whether `changes` are exactly what `action` is for, given the plan's value before; a reason when
 * they are not. Dates set in an overrides file (the title ends "in local.yaml") change that file.
 */
export function unintended(action: PlanCodeAction, planBefore: unknown, changes: readonly Change[]): string | undefined {
  const title = action.title;
  const problem = action.problem;
  const only = (expected: (change: Change) => boolean, what: string): string | undefined =>
    changes.length === 1 && expected(changes[0]!) ? undefined : `"${title}" should change ${what}, and changed ${changes.length === 0 ? 'nothing' : changes.map((change) => `${pathText(change)}: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`).join('; ')}`;
  const itemField = (itemId: string, field: string, inOverrides: boolean) => (change: Change) =>
    inOverrides ? change.file === 'overrides' && isDeepStrictEqual(change.path, [itemId, field]) : change.file === 'plan' && isDeepStrictEqual(change.path, [sectionOf(planBefore, itemId), itemId, field]);
  let match: RegExpExecArray | null;

  if (/^Silence \S+ on this line$/.test(title)) return changes.length === 0 ? undefined : only(() => false, 'no value (a comment only)');
  if (/^Add \S+ to (?!this plan's acronyms)/.test(title)) return changes.length === 0 ? undefined : only(() => false, 'no value of the plan (the glossary file or skip list only)');

  if ((match = new RegExp(`^(?:Move ${id}'s (due date|forecast|completion) to|Set ${id}'s (completion) to|Mark ${id} completed (?:on|today \\()) ?${date}\\)?(?: \\(as of\\))?( in \\S+)?$`).exec(title))) {
    const itemId = match[1] ?? match[3] ?? match[5]!;
    const field = { 'due date': 'due', forecast: 'forecast', completion: 'completed' }[match[2] ?? match[4] ?? 'completion']!;
    const value = match[6]!;
    return only((change) => itemField(itemId, field, match![7] !== undefined)(change) && change.after === value, `${itemId}'s ${field} to ${value}`);
  }
  if ((match = new RegExp(`^Reopen ${id}( in \\S+)?$`).exec(title))) {
    const itemId = match[1]!;
    const inOverrides = match[2] !== undefined;
    return only((change) => itemField(itemId, 'completed', inOverrides)(change) && (inOverrides ? change.after === '' : change.after === undefined), `${itemId}'s completion, taken away`);
  }
  if ((match = new RegExp(`^Remove ${id} from ${id}'s predecessors$`).exec(title))) {
    const [, gone, itemId] = match as unknown as [string, string, string];
    return only((change) => itemField(itemId, 'predecessors', false)(change) && sameList(change.after, without(change.before, (value) => value === gone)), `${itemId}'s predecessors, without ${gone}`);
  }
  if ((match = new RegExp(`^Remove ${id} from ${id}$`).exec(title))) {
    const [, gone, itemId] = match as unknown as [string, string, string];
    return only((change) => itemField(itemId, 'features', false)(change) && sameList(change.after, without(change.before, (value) => value === gone)), `${itemId}'s features, without ${gone}`);
  }
  if (title === 'Remove the repeated feature' && problem?.data?.kind === 'pair') {
    const { milestone, feature } = problem.data;
    return only((change) => {
      if (!itemField(milestone, 'features', false)(change) || !Array.isArray(change.before)) return false;
      const before = change.before as unknown[];
      // One later occurrence of the feature taken out, the rest in order.
      return before.some((value, index) => value === feature && before.indexOf(feature) < index && isDeepStrictEqual(change.after, without(before, (_, other) => other === index)));
    }, `${milestone}'s features, without one repeat of ${feature}`);
  }
  if ((match = new RegExp(`^Replace with (.+)$`).exec(title)) && problem) return replacement(match[1]!, problem, planBefore, changes, only, itemField);
  if ((match = /^Rename to (\S+)$/.exec(title)) && problem?.data?.kind === 'unknown-key') {
    const [key, newKey] = [problem.data.key, match[1]!];
    const removed = changes.find((change) => change.path.at(-1) === key && change.after === undefined);
    const added = changes.find((change) => change.path.at(-1) === newKey && change.before === undefined);
    const ok = changes.length === 2 && removed && added && removed.file === added.file && isDeepStrictEqual(removed.path.slice(0, -1), added.path.slice(0, -1)) && isDeepStrictEqual(removed.before, added.after);
    return ok ? undefined : only(() => false, `the key ${key} to ${newKey}, its value kept`);
  }
  if ((match = new RegExp(`^Change to ${date}$`).exec(title))) {
    // The same date spelt right: where an anchor shares it (`due: &d 2021-7-1`, `due: *d`), every use reads the new spelling.
    const value = match[1]!;
    const ok = changes.length > 0 && changes.every((change) => change.after === value && change.before === changes[0]!.before && change.before !== value);
    return ok ? undefined : only(() => false, `a date's spelling to ${value}`);
  }
  if ((match = new RegExp(`^Create feature ${id}$`).exec(title))) {
    const featureId = match[1]!;
    return only((change) => change.file === 'plan' && (isDeepStrictEqual(change.path, ['features', featureId]) ? change.before === undefined && isMap(change.after) : isDeepStrictEqual(change.path, ['features']) && !isMap(change.before) && isMap(change.after) && Object.keys(change.after).length === 1 && featureId in change.after), `a new feature ${featureId}`);
  }
  if ((match = /^Add (\S+) to this plan's acronyms$/.exec(title))) {
    const term = match[1]!;
    return only((change) => change.file === 'plan' && (isDeepStrictEqual(change.path, ['acronyms', term]) ? change.before === undefined : isDeepStrictEqual(change.path, ['acronyms']) && !isMap(change.before) && isMap(change.after) && term in change.after), `a new acronym ${term}`);
  }
  return `the property test does not know what "${title}" (for ${problem?.code ?? 'no problem'}) is meant to change: add it to test/property/intents.ts`;
}

/** "Replace with X": the one listed ID, word or code the problem is about, replaced by X. */
function replacement(
  replaced: string,
  problem: ReportedProblem,
  planBefore: unknown,
  changes: readonly Change[],
  only: (expected: (change: Change) => boolean, what: string) => string | undefined,
  itemField: (itemId: string, field: string, inOverrides: boolean) => (change: Change) => boolean,
): string | undefined {
  const data = problem.data;
  // Every listing of the ID, a repeat being the same one.
  const oneReplaced = (list: unknown, from: string) => (change: Change) => Array.isArray(list) && list.includes(from) && isDeepStrictEqual(change.after, (list as unknown[]).map((other) => (other === from ? replaced : other)));
  switch (data?.kind) {
    case 'unknown-feature':
      return only((change) => itemField(data.milestone, 'features', false)(change) && oneReplaced(change.before, data.feature)(change), `${data.milestone}'s ${data.feature} to ${replaced}`);
    case 'unknown-predecessor':
      return only((change) => itemField(data.item, 'predecessors', false)(change) && oneReplaced(change.before, data.predecessor)(change), `${data.item}'s predecessor ${data.predecessor} to ${replaced}`);
    case 'acronym':
      return only((change) => {
        if (typeof change.before !== 'string' || typeof change.after !== 'string') return false;
        const before = change.before;
        for (let at = before.indexOf(data.term); at >= 0; at = before.indexOf(data.term, at + 1)) if (before.slice(0, at) + replaced + before.slice(at + data.term.length) === change.after) return true;
        return false;
      }, `one ${data.term} to ${replaced} in its text`);
    case 'unknown-code': {
      const removed = changes.find((change) => change.file === 'overrides' && isDeepStrictEqual(change.path, [data.code]) && change.after === undefined);
      const added = changes.find((change) => change.file === 'overrides' && isDeepStrictEqual(change.path, [replaced]) && change.before === undefined);
      return changes.length === 2 && removed && added && isDeepStrictEqual(removed.before, added.after) ? undefined : only(() => false, `the code ${data.code} to ${replaced}, its entry kept`);
    }
    default:
      void planBefore;
      return `the property test does not know what "Replace with ${replaced}" is meant to change for ${problem.code}`;
  }
}
