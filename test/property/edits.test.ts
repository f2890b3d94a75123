// Every edit the server offers, applied to generated workspaces (test/property/styledWorkspaces.ts):
// for every problem of the plan and the overrides file, every code action in turn; fix-all until it
// has nothing left; the glossary file and skip list edits; and a rename of every ID. Each edit
// replaces a piece of one line or whole lines in the file's line ends, keeps every comment (but one
// after a list's item that goes: it is about the item) and the quotes of what it replaces; the files still parse; the `yaml` package's reading of them changes
// exactly where the action says (test/property/intents.ts); no problem appears that the change does
// not explain; a fix resolves the problem it is for. The moves of "Move by N days…" likewise, each
// date where the effective plan takes it from. MILESTONES_PROPERTY_EDITS sets the number of edits
// checked (1,000 by default, 10,000 in .ci/run); a failure prints the seed that replays it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import { createPlanService, type FixTargets, type PlanCodeAction, type PlanService, type ReportedProblem, type TextEdit } from '../../server/src/service';
import { parseGlossaryFile, parseSkipList } from '../../server/src/service/glossary/glossaryFiles';
import { applyEdits, assertCommentsAndLineEndsKept, assertPreciseEdit, commentsOf, itemComments } from './editShapes';
import { propertySeed, replayable } from './generators';
import { changesBetween, pathText, sectionOf, unintended, yamlValue, type Change } from './intents';
import { workspaceArbitrary, type GeneratedWorkspace } from './styledWorkspaces';

/** How many edits to check: code actions, fix-all rounds and moves in one test, renames in the other. */
const edits = Number(process.env.MILESTONES_PROPERTY_EDITS ?? 1000);

const planUri = 'file:///ws/a.milestones.yaml';
const overridesUri = 'file:///ws/data/local.yaml';
const glossaryUri = 'file:///ws/etc/glossary';
const skipUri = 'file:///ws/etc/skipacronyms.txt';

/** The texts of a workspace's files, by role. */
interface Texts {
  plan: string;
  overrides: string | undefined;
  glossary: string;
  skip: string;
}

/** A workspace loaded into a service as the hosts load one: the glossary file read, the skip list, the plan, the overrides file. */
class Loaded {
  readonly service: PlanService = createPlanService();
  readonly targets: FixTargets;

  constructor(
    readonly generated: GeneratedWorkspace,
    readonly texts: Texts,
  ) {
    const glossaryName = generated.glossary.name;
    this.targets = { glossaryFile: { uri: glossaryUri, name: glossaryName, text: texts.glossary }, skipFile: { uri: skipUri, name: generated.skip.name, text: texts.skip } };
    this.service.setSettings({ asOf: '2021-08-11' });
    this.service.setGlossaryFiles(parseGlossaryFile(glossaryName, texts.glossary, glossaryName).entries, parseSkipList(texts.skip));
    this.service.setFile(planUri, texts.plan);
    if (texts.overrides !== undefined) this.service.setOverridesFile(overridesUri, texts.overrides);
  }

  private found: { uri: string; problem: ReportedProblem }[] | undefined;

  /** The problems of the plan and the overrides file, each with its file. */
  problems(): { uri: string; problem: ReportedProblem }[] {
    const of = (uri: string) => this.service.problems(uri).map((problem) => ({ uri, problem }));
    return (this.found ??= [...of(planUri), ...(this.texts.overrides === undefined ? [] : of(overridesUri))]);
  }
}

const textOf = (texts: Texts, uri: string): string | undefined =>
  uri === planUri ? texts.plan : uri === overridesUri ? texts.overrides : uri === glossaryUri ? texts.glossary : uri === skipUri ? texts.skip : undefined;

/** The texts after a workspace edit, each file's edits checked for their shape. */
function edited(texts: Texts, edits: Map<string, TextEdit[]>, what: string): Texts {
  const next = { ...texts };
  for (const [uri, list] of edits) {
    const text = textOf(texts, uri);
    assert.ok(text !== undefined, `${what} edits ${uri}, a file of the workspace`);
    assert.ok(list.length > 0, `${what} has edits for ${uri}`);
    const output = applyEdits(text, list);
    assertLineEndsKept(text, output, what);
    if ((uri === planUri || uri === overridesUri) && !extendsDirective(text, list, output)) {
      const gone = new Set(list.flatMap((edit) => [...itemComments(text, edit)]));
      const comments = commentsOf(text).filter((comment) => !gone.has(comment.offset));
      for (const edit of list) {
        assertPreciseEdit(text, edit, comments, what);
        assertQuotesKept(text, edit, what);
      }
      assertCommentsAndLineEndsKept(text, output, what, gone);
    }
    if (uri === planUri) next.plan = output;
    else if (uri === overridesUri) next.overrides = output;
    else if (uri === glossaryUri) next.glossary = output;
    else next.skip = output;
  }
  return next;
}

/** The one edit that changes a comment: a code added to a `milestones-disable-next-line` comment that silences others on the same line. */
function extendsDirective(text: string, edits: readonly TextEdit[], output: string): boolean {
  if (edits.length !== 1 || edits[0]!.start !== edits[0]!.end || !/^, [a-z-]+$/.test(edits[0]!.text)) return false;
  const lineStart = text.lastIndexOf('\n', edits[0]!.start - 1) + 1;
  const before = text.slice(lineStart, edits[0]!.start);
  return /^[ \t]*# milestones-disable-next-line [a-z, -]+$/.test(before) && output.length === text.length + edits[0]!.text.length;
}

/** A scalar replaced whole keeps its quotes. */
function assertQuotesKept(text: string, edit: TextEdit, what: string): void {
  const replaced = text.slice(edit.start, edit.end);
  const quote = replaced[0];
  if (edit.text !== '' && /^("[^"]*"|'[^']*')$/.test(replaced)) {
    assert.ok(edit.text.startsWith(quote!) && edit.text.endsWith(quote!), `${what}: replaces ${replaced} with ${edit.text}, losing its quotes`);
  }
}

/** The line ends a text uses, and its byte-order mark, are those it had. */
function assertLineEndsKept(text: string, output: string, what: string): void {
  const kinds = (value: string) => new Set(value.match(/\r\n|\r|\n/g) ?? []);
  const before = kinds(text);
  if (before.size === 1) for (const kind of kinds(output)) assert.ok(before.has(kind), `${what} wrote ${JSON.stringify(kind)} into a file whose lines end in ${JSON.stringify([...before][0])}`);
  assert.equal(output.startsWith('\uFEFF'), text.startsWith('\uFEFF'), `${what} keeps the byte-order mark, or its absence`);
}

/** What a problem is, whatever its place: its code and what it is about. */
function identity(entry: { uri: string; problem: ReportedProblem }): string {
  const { problem } = entry;
  return `${entry.uri} ${problem.code} ${problem.data ? JSON.stringify(problem.data) : problem.message}`;
}

/** The problems of `after` that `before` did not have (as many times as they are new). */
function newProblems(before: Loaded, after: Loaded): { uri: string; problem: ReportedProblem }[] {
  const counts = new Map<string, number>();
  for (const entry of before.problems()) counts.set(identity(entry), (counts.get(identity(entry)) ?? 0) + 1);
  return after.problems().filter((entry) => {
    const left = counts.get(identity(entry)) ?? 0;
    counts.set(identity(entry), left - 1);
    return left <= 0;
  });
}

/** Problems no fix may bring: the file stops parsing or fitting its schema, an ID twice. */
const structural = new Set(['yaml-syntax', 'schema', 'duplicate-id', 'file-too-large']);

/** Every ID an action's changes or title name: a new problem about one of them is a consequence of the fix (a date moved, a feature no longer listed). */
function namedIds(action: PlanCodeAction, changes: readonly Change[]): Set<string> {
  const ids = new Set<string>(action.title.match(/[A-Z][\w.-]*/g) ?? []);
  for (const change of changes) {
    for (const part of change.path) if (typeof part === 'string') ids.add(part);
    // The values it changed, and their words: a text now read as prose (a key's spelling corrected) has its acronyms checked.
    for (const value of [change.before, change.after]) {
      for (const listed of Array.isArray(value) ? value : [value]) {
        if (typeof listed !== 'string') continue;
        ids.add(listed);
        for (const word of listed.split(/[^\w&.-]+/)) if (word !== '') ids.add(word);
      }
    }
  }
  const data = action.problem?.data as Record<string, unknown> | undefined;
  for (const value of Object.values(data ?? {})) if (typeof value === 'string') ids.add(value);
  return ids;
}

function explained(entry: { problem: ReportedProblem }, ids: ReadonlySet<string>): boolean {
  if (structural.has(entry.problem.code)) return false;
  // A bad date a fix brings to light (a misspelt key corrected) is one of the values it changed, which the message quotes.
  if (entry.problem.code === 'invalid-date') return [...ids].some((value) => entry.problem.message.startsWith(`"${value}"`));
  const data = entry.problem.data as Record<string, unknown> | undefined;
  const about = data ? Object.values(data).filter((value): value is string => typeof value === 'string') : [];
  return about.some((id) => ids.has(id)) || [...ids].some((id) => entry.problem.message.includes(id));
}

/** The values of the plan and the overrides file as the `yaml` package reads them, and what changed. */
function valueChanges(before: Texts, after: Texts, what: string): Change[] {
  const plan = [yamlValue(before.plan), yamlValue(after.plan)] as const;
  assert.ok(plan[1].errors.length <= plan[0].errors.length, `${what} leaves a plan that YAML reads: ${plan[1].errors.join('; ')}\n${after.plan}`);
  const changes = changesBetween('plan', plan[0].value, plan[1].value);
  if (before.overrides !== undefined) {
    const overrides = [yamlValue(before.overrides), yamlValue(after.overrides!)] as const;
    assert.ok(overrides[1].errors.length <= overrides[0].errors.length, `${what} leaves an overrides file that YAML reads: ${overrides[1].errors.join('; ')}\n${after.overrides}`);
    changes.push(...changesBetween('overrides', overrides[0].value, overrides[1].value));
  }
  return changes;
}

/** The glossary file or skip list an "Add … to" action edits: one more term, read as the file's format reads it, and nothing else. */
function checkGlossaryEdit(loaded: Loaded, after: Texts, action: PlanCodeAction, what: string): void {
  const term = /^Add (\S+) to /.exec(action.title)?.[1];
  assert.ok(term, what);
  if (action.edits.has(skipUri)) {
    assert.deepEqual(parseSkipList(after.skip), [...parseSkipList(loaded.texts.skip), term], `${what}: the skip list has the term once more`);
    return;
  }
  const name = loaded.generated.glossary.name;
  const before = parseGlossaryFile(name, loaded.texts.glossary, name);
  const read = parseGlossaryFile(name, after.glossary, name);
  const entries = (list: typeof before.entries) => list.map((entry) => `${entry.term}\u0000${entry.definition}\u0000${entry.tags.join(',')}`).sort();
  assert.deepEqual(entries(read.entries), entries([...before.entries, { term, definition: `TODO define ${term}`, source: name, tags: [] }]), `${what}: the glossary reads as before, with the term added:\n${after.glossary}`);
  assert.deepEqual(read.problems.map((problem) => problem.message), before.problems.map((problem) => problem.message), `${what}: no new problem in the glossary`);
  if (action.select) assert.equal(after.glossary.slice(action.select.span.start, action.select.span.end), `TODO define ${term}`, `${what}: the placeholder is selected`);
}

/** Applies one action and checks what it may and may not change. */
function checkAction(loaded: Loaded, action: PlanCodeAction): Loaded {
  const what = `"${action.title}"${action.problem ? ` (for ${action.problem.code} "${action.problem.message}")` : ''}`;
  const texts = edited(loaded.texts, action.edits, what);
  const changes = valueChanges(loaded.texts, texts, what);
  const reason = unintended(action, yamlValue(loaded.texts.plan).value, changes);
  assert.equal(reason, undefined, `${reason}\n--- plan:\n${texts.plan}${texts.overrides === undefined ? '' : `\n--- overrides:\n${texts.overrides}`}`);
  if (action.edits.has(glossaryUri) || action.edits.has(skipUri)) checkGlossaryEdit(loaded, texts, action, what);
  const after = new Loaded(loaded.generated, texts);
  const ids = namedIds(action, changes);
  const unexplained = newProblems(loaded, after).filter((entry) => !explained(entry, ids));
  assert.deepEqual(unexplained.map(identity), [], `${what} brings problems its change does not explain:\n${texts.plan}${texts.overrides === undefined ? '' : `\n--- overrides:\n${texts.overrides}`}`);
  if (action.problem) {
    // Fewer problems of its kind about what it is about (a repeat of the same ID may take the place of the one fixed, as one problem less).
    const fixed = action.problem;
    const about = (entry: { problem: ReportedProblem }) => (fixed.data !== undefined ? JSON.stringify(entry.problem.data) === JSON.stringify(fixed.data) : entry.problem.code === fixed.code && entry.problem.message === fixed.message);
    const count = (state: Loaded): [number, number] => [state.problems().filter((entry) => about(entry) && entry.problem.code === fixed.code).length, state.problems().filter(about).length];
    const [sameBefore, aboutBefore] = count(loaded);
    const [sameAfter, aboutAfter] = count(after);
    assert.ok(sameAfter < sameBefore || aboutAfter < aboutBefore, `${what} resolves the problem it is for:\n${texts.plan}${texts.overrides === undefined ? '' : `\n--- overrides:\n${texts.overrides}`}`);
  }
  return after;
}

/** Fix-all of a file, again and again: each round valid, and in a few rounds nothing is left for it. */
function checkFixAll(start: Loaded, uri: string): number {
  let loaded = start;
  for (let round = 1; round <= 8; round++) {
    const all = loaded.service.fixAll(uri);
    if (!all) return round - 1;
    const what = `fix-all, round ${round}`;
    const texts = edited(loaded.texts, all.edits, what);
    valueChanges(loaded.texts, texts, what);
    const after = new Loaded(loaded.generated, texts);
    const brought = newProblems(loaded, after).filter((entry) => structural.has(entry.problem.code));
    assert.deepEqual(brought.map(identity), [], `${what} brings problems:\n${texts.plan}`);
    loaded = after;
  }
  assert.fail(`fix-all still has something to do after 8 rounds:\n${loaded.texts.plan}`);
}

/** Every move the service previews for an item, by a few days either way, alone and pushing: each date written where it is taken from, and nothing else. */
function checkMoves(loaded: Loaded, days: readonly number[]): number {
  let checked = 0;
  for (const item of loaded.service.effectivePlan().milestones().concat(loaded.service.effectivePlan().features())) {
    for (const by of days) {
      const preview = loaded.service.previewMove(item.id, by);
      if ('message' in preview) continue;
      for (const option of [preview.only, preview.push]) {
        const what = `"Move ${item.id} by ${by} days" (${option.kind})`;
        const made = loaded.service.moveDate({ id: item.id, days: by, kind: option.kind, from: preview.from });
        if (option.blocked !== null) {
          assert.ok('message' in made, `${what} is blocked in the preview (${option.blocked}) and made anyway`);
          continue;
        }
        assert.ok(!('message' in made), `${what}: ${'message' in made ? made.message : ''}`);
        assert.deepEqual(made.moves, option.moves, `${what} makes the moves it previewed`);
        const texts = edited(loaded.texts, made.edits, what);
        const changes = valueChanges(loaded.texts, texts, what);
        const planBefore = yamlValue(loaded.texts.plan).value;
        const expected = made.moves.map((move) => `${move.file === 'local.yaml' ? `overrides:${move.id}` : `plan:${sectionOf(planBefore, move.id)}.${move.id}`}.${move.field} → ${move.to}`).sort();
        assert.deepEqual(changes.map((change) => `${pathText(change)} → ${String(change.after)}`).sort(), expected, `${what} changes exactly the dates it moves:\n${texts.plan}${texts.overrides === undefined ? '' : `\n--- overrides:\n${texts.overrides}`}`);
        const after = new Loaded(loaded.generated, texts);
        const brought = newProblems(loaded, after).filter((entry) => structural.has(entry.problem.code));
        assert.deepEqual(brought.map(identity), [], `${what} brings problems:\n${texts.plan}`);
        checked++;
      }
    }
  }
  return checked;
}

/**
 * Runs `check` on generated workspaces until it has checked `count` edits (a workspace's check
 * says how many it did), then on none: the same seed replays the same workspaces, and once one
 * fails, fast-check's shrinking runs every smaller one it tries.
 */
function forEdits(count: number, check: (generated: GeneratedWorkspace) => number): void {
  const seed = propertySeed();
  let checked = 0;
  let failed = false;
  fc.assert(
    fc.property(workspaceArbitrary, (generated) => {
      if (!failed && checked >= count) return;
      try {
        checked += check(generated);
      } catch (error) {
        failed = true;
        throw error;
      }
    }),
    // At least one edit per workspace: no more workspaces than edits are needed.
    replayable(seed, count),
  );
  assert.ok(checked >= count, `${checked} edits checked, of ${count}`);
}

const loadedFrom = (generated: GeneratedWorkspace) => new Loaded(generated, { plan: generated.plan, overrides: generated.overrides, glossary: generated.glossary.text, skip: generated.skip.text });

describe('every edit the server offers', () => {
  test('every code action of every problem, fix-all, the glossary and skip-list edits and the moves of dates, on generated workspaces', () => {
    forEdits(edits, (generated) => {
      const loaded = loadedFrom(generated);
      const invalid = loaded.problems().filter((entry) => entry.problem.code === 'yaml-syntax' || (entry.problem.code === 'schema' && entry.problem.data?.kind !== 'unknown-key'));
      assert.deepEqual(invalid.map(identity), [], `the generated workspace reads:\n${generated.plan}\n--- overrides:\n${generated.overrides ?? ''}`);
      const seen = new Set<string>();
      let checked = 0;
      for (const { uri, problem } of loaded.problems()) {
        for (const action of loaded.service.codeActions(uri, problem, loaded.targets)) {
          const key = `${action.title}\u0000${JSON.stringify([...action.edits])}`;
          if (action.problem !== problem || seen.has(key)) continue;
          seen.add(key);
          checkAction(loaded, action);
          checked++;
        }
      }
      checked += checkFixAll(loaded, planUri);
      if (generated.overrides !== undefined) checked += checkFixAll(loaded, overridesUri);
      // A move later and one earlier, of every item; a fortnight either way breaks and clears checks.
      checked += checkMoves(loaded, [14, -15]);
      return checked;
    });
  });

  test('a rename of every ID, in the plan and from the overrides file, to IDs YAML would read as numbers, dates or booleans too', () => {
    const newIds = ['NEW-1', 'F-1x2', 'null', 'true', '0x1F', '1e3', '2021-01-01', 'Yes', 'a.b_c-d'];
    let which = 0;
    forEdits(Math.max(1, Math.floor(edits / 4)), (generated) => {
      const newId = newIds[which++ % newIds.length]!;
      const loaded = loadedFrom(generated);
      const file = loaded.service.getFile(planUri)!;
      const places: { uri: string; offset: number; id: string }[] = [...file.milestones, ...file.features].map((item) => ({ uri: planUri, offset: item.idSpan.start, id: item.id }));
      const overrides = loaded.service.getOverridesFile(overridesUri);
      for (const entry of overrides?.entries ?? []) if (file.milestones.concat(file.features).some((item) => item.id === entry.code)) places.push({ uri: overridesUri, offset: entry.keySpan.start, id: entry.code });
      const defined = new Set(places.map((place) => place.id));
      let checked = 0;
      for (const place of places) {
        if (defined.has(newId)) continue;
        const what = `rename ${place.id} → ${newId} from ${place.uri === planUri ? 'the plan' : 'the overrides file'}`;
        const result = loaded.service.rename(place.uri, place.offset, newId);
        assert.ok('edits' in result, `${what}: ${'message' in result ? result.message : ''}`);
        const texts = edited(loaded.texts, result.edits, what);
        for (const [uri, list] of result.edits) {
          for (const edit of list) {
            const written = textOf(loaded.texts, uri)!.slice(edit.start, edit.end);
            // Quoted IDs stay quoted; a plain one is quoted only when YAML would read the new ID as a number, boolean or null.
            const quote = /^["']/.test(written) ? written[0]! : typeof parse(newId) === 'string' ? '' : '"';
            assert.equal(edit.text, `${quote}${newId}${quote}`, `${what}: keeps the quoting of ${written}`);
          }
        }
        const changes = valueChanges(loaded.texts, texts, what);
        const renamedIn = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[]).map((listed) => (listed === place.id ? newId : listed)) : value);
        for (const change of changes) {
          const renamedKey = change.path.at(-1) === newId && change.before === undefined;
          const oldKey = change.path.at(-1) === place.id && change.after === undefined;
          const list = Array.isArray(change.before) && JSON.stringify(renamedIn(change.before)) === JSON.stringify(change.after);
          assert.ok(renamedKey || oldKey || list, `${what} changes ${change.file}:${change.path.join('.')} beyond the ID: ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`);
        }
        const after = new Loaded(generated, texts);
        const codes = (state: Loaded) => state.problems().map((entry) => entry.problem.code).filter((code) => code !== 'unknown-acronym').sort();
        assert.deepEqual(codes(after), codes(loaded), `${what} changes no check's outcome:\n${texts.plan}`);
        checked++;
      }
      return checked;
    });
  });
});
