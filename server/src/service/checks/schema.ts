// The `schema` rule: validates plan segments against the JSON Schema in schemas/ with ajv, and
// places each error on the key or value it is about.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { dateKeys, overridesSchema, planSchema } from '../model/schema';
import { SpellingIndex } from '../text/matching';
import { findPair, scalarText, toValue, type YMap, type YNode, type YPair } from '../yaml/nodes';
import type { Problem } from './problems';

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
ajv.addSchema(planSchema, 'plan');
ajv.addSchema(overridesSchema, 'overrides');
const validators = new Map<string, ValidateFunction>();

/** The validator of the plan (no argument), of a section (`milestones`), or of a part of the schema by its path. */
function validatorFor(part: string | undefined): ValidateFunction | undefined {
  const ref = part === undefined ? 'plan' : part === 'id' ? 'plan#/definitions/id' : `plan#/properties/${part}`;
  const section = part?.split('/')[0];
  if (section !== undefined && part !== 'id' && !(section in (planSchema.properties as object))) return undefined;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.getSchema(ref);
    if (!validate) return undefined;
    validators.set(ref, validate);
  }
  return validate;
}

/**
 * Schema problems of a segment's root node. For an entry segment (one milestone, feature or
 * acronym), `section` names the map it belongs to and the root is validated as that map.
 */
export function checkSchema(root: YNode | null, section: string | undefined): Problem[] {
  if (!root) return [];
  if (section !== undefined) return root.kind === 'map' && sectionNames.has(section) ? checkEntries(root, section) : validateNode(root, section, toValue(root));
  if (root.kind !== 'map') return validateNode(root, undefined, toValue(root));
  // A whole file: its top level, then each section's entries, exactly as when the file is parsed
  // in segments (and so that an ID defined twice is validated twice).
  const top: Record<string, unknown> = {};
  const problems: Problem[] = [];
  const sections: { name: string; map: YMap }[] = [];
  for (const pair of root.pairs) {
    const key = scalarText(pair.key) ?? '';
    if (sectionNames.has(key) && pair.value?.kind === 'map') {
      if (!(key in top)) top[key] = {};
      sections.push({ name: key, map: pair.value });
    } else if (!(key in top)) {
      Object.defineProperty(top, key, { value: toValue(pair.value), enumerable: true, writable: true, configurable: true });
    }
  }
  problems.push(...validateNode(root, undefined, top));
  for (const { name, map } of sections) for (const problem of checkEntries(map, name)) problems.push(problem);
  return problems;
}

const sectionNames = new Set(['milestones', 'features', 'acronyms']);

/**
 * The entries of a section's map, each validated on its own against the section's schema for an
 * entry, and each key against the schema for an ID. (Validating the map itself would build an
 * object keyed by every ID, and V8 a hidden class for each.)
 */
function checkEntries(map: YMap, section: string, validateEntry = validatorFor(`${section}/additionalProperties`), validateId = section === 'acronyms' ? undefined : validatorFor('id')): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const pair of map.pairs) {
    const id = scalarText(pair.key) ?? '';
    const idValid = !validateId || validateId(id);
    const entryValid = !validateEntry || validateEntry(toValue(pair.value));
    if (idValid && entryValid) continue;
    // The pair alone, as the map its errors are located in, so that a second entry with the same ID finds its own nodes.
    const root: YMap = { kind: 'map', pairs: [pair], flow: false, start: pair.start, end: pair.end };
    const prefix = `/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const errors: ErrorObject[] = idValid ? [] : [{ keyword: 'propertyNames', instancePath: '', schemaPath: '', params: { propertyName: id } }];
    if (!entryValid) for (const error of validateEntry.errors ?? []) errors.push({ ...error, instancePath: prefix + error.instancePath });
    addProblems(problems, seen, errors, root, section);
  }
  return problems;
}

/**
 * Schema problems of an overrides file: a map whose keys are milestone codes and whose values are
 * overrides. Dates are left to `invalid-date`, as in a plan.
 */
export function checkOverridesSchema(root: YNode | null): Problem[] {
  if (!root || (root.kind === 'scalar' && root.value === null)) return [];
  if (root.kind !== 'map') return [{ code: 'schema', message: 'An overrides file is a map keyed by milestone code, each with the fields it overrides (description, due, …).', start: root.start, end: root.end }];
  return checkEntries(root, 'overrides', ajv.getSchema('overrides#/definitions/override'), ajv.getSchema('overrides#/definitions/code'));
}

/** The keys of each map of the schema, with their "did you mean" answers, kept as long as the schema. */
const keySpellings = new WeakMap<object, SpellingIndex>();

function keySpelling(parentSchema: object, known: readonly string[]): SpellingIndex {
  let spelling = keySpellings.get(parentSchema);
  if (!spelling) keySpellings.set(parentSchema, (spelling = new SpellingIndex(known, { caseInsensitive: true })));
  else if (spelling.answered > 1024) spelling.retain(() => false); // typos of keys come and go: keep a bounded few
  return spelling;
}

function validateNode(root: YNode, section: string | undefined, value: unknown): Problem[] {
  const validate = validatorFor(section);
  if (!validate || validate(value)) return [];
  const problems: Problem[] = [];
  addProblems(problems, new Set(), validate.errors ?? [], root, section);
  return problems;
}

/** Adds the problems of ajv's errors about `root`, each once. */
function addProblems(problems: Problem[], seen: Set<string>, errors: readonly ErrorObject[], root: YNode, section: string | undefined): void {
  for (const error of errors) {
    const problem = toProblem(error, root, section);
    if (!problem) continue;
    const key = `${problem.start}:${problem.end}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
}

interface Located {
  node: YNode | null;
  /** The pair whose value `node` is, when it is a map's value. */
  pair: YPair | undefined;
  path: string[];
}

function locate(root: YNode, instancePath: string): Located | undefined {
  const path = instancePath === '' ? [] : instancePath.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: YNode | null = root;
  let pair: YPair | undefined;
  for (const token of path) {
    if (!node) return undefined;
    if (node.kind === 'map') {
      pair = findPair(node, token);
      if (!pair) return undefined;
      node = pair.value;
    } else if (node.kind === 'seq') {
      node = node.items[Number(token)] ?? null;
      pair = undefined;
    } else {
      return undefined;
    }
  }
  return { node, pair, path };
}

function toProblem(error: ErrorObject, root: YNode, section: string | undefined): Problem | undefined {
  if (error.keyword === 'anyOf' || error.keyword === 'if' || error.keyword === '$ref') return undefined;
  const located = locate(root, error.instancePath);
  if (!located) return undefined;
  const path = section === undefined ? located.path : [section, ...located.path];
  const last = path.at(-1);
  if (last !== undefined && dateKeys.has(last) && isDateField(path)) return undefined;
  const what = describe(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const span = located.pair?.key ?? located.node ?? root;
      return { code: 'schema', message: `${what} has no "${String(params.missingProperty)}": add it.`, start: span.start, end: span.end };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const pair = located.node?.kind === 'map' ? findPair(located.node, key) : undefined;
      if (!pair) return undefined;
      const parent = (error.parentSchema ?? {}) as { properties?: object };
      const known = Object.keys(parent.properties ?? {});
      const suggestion = keySpelling(parent, known).suggest(key);
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : ` Known keys: ${known.join(', ')}.`;
      return {
        code: 'schema',
        message: `Unknown key "${key}" in ${what.charAt(0).toLowerCase()}${what.slice(1)}.${hint}`,
        start: pair.key.start,
        end: pair.key.end,
        data: { kind: 'unknown-key', key, suggestion },
      };
    }
    case 'propertyNames': {
      const name = String(params.propertyName);
      const pair = located.node?.kind === 'map' ? findPair(located.node, name) : undefined;
      const span = pair?.key ?? located.node ?? root;
      return {
        code: 'schema',
        message: `"${name}" is not a valid ID: use letters, digits, ".", "_" and "-", starting with a letter or digit.`,
        start: span.start,
        end: span.end,
      };
    }
    case 'pattern':
    case 'type':
    case 'minLength':
    case 'minimum':
    case 'enum': {
      if (error.keyword === 'pattern' && params.propertyName !== undefined) return undefined; // reported by propertyNames
      const span = located.node ?? located.pair?.key ?? root;
      return { code: 'schema', message: `${what} ${explain(error)}.`, start: span.start, end: span.end };
    }
    default: {
      const span = located.node ?? located.pair?.key ?? root;
      return { code: 'schema', message: `${what} ${error.message ?? 'is not valid'}.`, start: span.start, end: span.end };
    }
  }
}

/** `due`, `completed` of a milestone or feature, or the plan's `asOf`. */
export function isDateField(path: readonly string[]): boolean {
  if (path.length === 1) return path[0] === 'asOf';
  return path.length === 3 && (path[0] === 'milestones' || path[0] === 'features' || path[0] === 'overrides') && (path[2] === 'due' || path[2] === 'completed');
}

function describe(path: readonly string[]): string {
  if (path.length === 0) return 'The plan';
  const [section, id, key, ...rest] = path;
  const item = section === 'milestones' ? `Milestone ${id}` : section === 'features' ? `Feature ${id}` : section === 'overrides' ? `The override of ${id}` : undefined;
  if (path.length === 1) return `"${section}"`;
  if (!item) return section === 'acronyms' ? `The acronym ${id}` : `"${path.join('.')}"`;
  if (key === undefined) return item;
  if (rest.length === 0) return `"${key}" of ${item.charAt(0).toLowerCase()}${item.slice(1)}`;
  return `"${key}" item ${Number(rest[0]) + 1} of ${item.charAt(0).toLowerCase()}${item.slice(1)}`;
}

function explain(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const types = ([] as string[]).concat(params.type as string | string[]).filter((type) => type !== 'null');
      const names: Record<string, string> = { string: 'text', integer: 'a whole number', number: 'a number', array: 'a list', object: 'a map', boolean: 'true or false' };
      return `must be ${types.map((type) => names[type] ?? type).join(' or ')}`;
    }
    case 'minLength':
      return 'must not be empty';
    case 'minimum':
      return `must be at least ${String(params.limit)}`;
    case 'pattern':
      return 'is not a valid ID: use letters, digits, ".", "_" and "-", starting with a letter or digit';
    default:
      return error.message ?? 'is not valid';
  }
}

