// Every quick fix, fix-all and rename, applied to generated plans full of comments, blank lines,
// flow and block styles and quoted scalars, changes only the bytes it must: each edit replaces a
// piece of one line (never a comment), or inserts or deletes whole lines in the file's line-end
// style; every comment stays byte-identical; the result still parses, holds the same items, and no
// longer has the problem the fix was for.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import { createPlanService, type PlanCodeAction, type PlanService, type ReportedProblem } from '../../server/src/service';
import { applyEdits, assertCommentsAndLineEndsKept, assertPreciseEdit, commentsOf } from './editShapes';
import { planArbitrary, propertySeed, replayable, type GeneratedPlan } from './generators';

const uri = 'file:///plans/a.milestones.yaml';
const runs = Number(process.env.MILESTONES_PROPERTY_RUNS ?? 60);

function analysed(text: string): PlanService {
  const workspace = createPlanService();
  workspace.setSettings({ asOf: '2021-08-11' });
  workspace.setFile(uri, text);
  return workspace;
}

function itemIds(workspace: PlanService): { milestones: string[]; features: string[] } {
  const file = workspace.getFile(uri)!;
  return { milestones: file.milestones.map((item) => item.id).sort(), features: file.features.map((item) => item.id).sort() };
}

function sameProblem(a: ReportedProblem, b: ReportedProblem): boolean {
  return a.code === b.code && JSON.stringify(a.data) === JSON.stringify(b.data) && (a.data !== undefined || a.message === b.message);
}

/** Applies one action and checks what it may and may not change. */
function checkAction(plan: GeneratedPlan, before: PlanService, action: PlanCodeAction): void {
  const text = plan.text;
  const what = `"${action.title}"`;
  const edits = action.edits.get(uri) ?? [];
  assert.deepEqual([...action.edits.keys()].filter((other) => other !== uri), [], `${what} edits only the plan`);
  assert.ok(edits.length > 0, `${what} has edits`);
  const comments = commentsOf(text);
  for (const edit of edits) assertPreciseEdit(text, edit, comments, what);
  const output = applyEdits(text, edits);
  assertCommentsAndLineEndsKept(text, output, what);
  const after = analysed(output);
  const problems = after.problems(uri);
  assert.deepEqual(problems.filter((problem) => problem.code === 'yaml-syntax' || problem.code === 'schema'), [], `${what} leaves a plan that parses and fits the schema:\n${output}`);
  // The same items, plus the feature a stub creates.
  const created = /^Create feature (\S+)$/.exec(action.title)?.[1];
  const expected = itemIds(before);
  if (created) expected.features = [...expected.features, created].sort();
  assert.deepEqual(itemIds(after), expected, `${what} keeps the plan's items:\n${output}`);
  if (action.problem) {
    const fixed = action.problem;
    const count = (list: ReportedProblem[]) => list.filter((problem) => sameProblem(problem, fixed)).length;
    assert.ok(count(problems) < count(before.problems(uri)), `${what} fixes ${fixed.code} "${fixed.message}":\n${output}`);
  }
}

describe('quick fixes change only the bytes they must', () => {
  test('every quick fix and fix-all on generated plans', () => {
    const seed = propertySeed();
    let applied = 0;
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const workspace = analysed(plan.text);
        assert.deepEqual(workspace.problems(uri).filter((problem) => problem.code === 'yaml-syntax' || problem.code === 'schema'), [], `the generated plan is valid:\n${plan.text}`);
        const seen = new Set<string>();
        for (const problem of workspace.problems(uri)) {
          for (const action of workspace.codeActions(uri, problem)) {
            const key = `${action.title}\u0000${JSON.stringify([...action.edits])}`;
            if (action.problem !== problem || seen.has(key)) continue;
            seen.add(key);
            checkAction(plan, workspace, action);
            applied++;
          }
        }
        const all = workspace.fixAll(uri);
        if (all) {
          checkAction(plan, workspace, all);
          // Fix-all writes every date that has one obvious spelling and removes every repeated feature.
          const problemsBefore = workspace.problems(uri);
          const normalizable = problemsBefore.filter((problem) => problem.code === 'invalid-date' && workspace.codeActions(uri, problem).some((action) => action.title.startsWith('Change to')));
          const left = analysed(applyEdits(plan.text, all.edits.get(uri)!)).problems(uri);
          assert.equal(left.filter((problem) => problem.code === 'invalid-date').length, problemsBefore.filter((problem) => problem.code === 'invalid-date').length - normalizable.length, 'fix-all rewrites every date it can');
          assert.deepEqual(left.filter((problem) => problem.code === 'duplicate-feature'), [], 'fix-all leaves no repeated feature');
        }
      }),
      replayable(seed, runs),
    );
    assert.ok(applied > runs, `${applied} quick fixes applied`);
  });
});

describe('rename changes exactly the occurrences of the ID', () => {
  const newIds = ['NEW-1', 'F-1x2', 'null', 'true', '0x1F', '1e3', '2021-01-01', 'Yes', 'a.b_c-d'];
  test('renaming every ID of generated plans, to IDs that YAML would read as numbers, dates or booleans too', () => {
    const seed = propertySeed();
    fc.assert(
      fc.property(planArbitrary, fc.constantFrom(...newIds), (plan, newId) => {
        const workspace = analysed(plan.text);
        const file = workspace.getFile(uri)!;
        const comments = commentsOf(plan.text);
        const problemCodes = (analysedWorkspace: PlanService) => analysedWorkspace.problems(uri).map((problem) => problem.code).sort();
        for (const item of [...file.milestones, ...file.features]) {
          const what = `rename ${item.id} → ${newId}`;
          const result = workspace.rename(uri, item.idSpan.start, newId);
          assert.ok('edits' in result, `${what}: ${'message' in result ? result.message : ''}`);
          const edits = result.edits.get(uri)!;
          const occurrences = edits.length;
          const listings = [...plan.milestones.flatMap((milestone) => milestone.features), ...[...plan.milestones, ...plan.features].flatMap((other) => other.predecessors)];
          const listed = listings.filter((id) => id === item.id).length;
          assert.equal(occurrences, 1 + listed, `${what}: the definition and each listing, in features and predecessors lists`);
          for (const edit of edits) {
            assertPreciseEdit(plan.text, edit, comments, what);
            const written = plan.text.slice(edit.start, edit.end);
            // Quoted IDs stay quoted; a plain one is quoted only when YAML would read the new ID as a number, boolean or null.
            const quote = /^["']/.test(written) ? written[0]! : typeof parse(newId) === 'string' ? '' : '"';
            assert.equal(edit.text, `${quote}${newId}${quote}`, `${what}: keeps the quoting of ${written}`);
          }
          const output = applyEdits(plan.text, edits);
          const after = analysed(output);
          const renamedFile = after.getFile(uri)!;
          const kind = item.kind === 'milestone' ? renamedFile.milestones : renamedFile.features;
          assert.ok(kind.some((renamed) => renamed.id === newId), `${what}: defined under the new ID:\n${output}`);
          assert.ok(![...renamedFile.milestones, ...renamedFile.features].some((other) => other.id === item.id), `${what}: the old ID is gone`);
          const references = [
            ...renamedFile.milestones.flatMap((milestone) => milestone.references.map((reference) => reference.id)),
            ...[...renamedFile.milestones, ...renamedFile.features].flatMap((other) => other.predecessorIdList),
          ];
          assert.equal(references.filter((id) => id === newId).length, listed, `${what}: every listing follows`);
          // A rename changes no check's outcome (a new ID of the shape of a date or number is still an ID).
          assert.deepEqual(problemCodes(after).filter((code) => code !== 'unknown-acronym'), problemCodes(workspace).filter((code) => code !== 'unknown-acronym'), `${what}:\n${output}`);
        }
      }),
      replayable(seed, runs),
    );
  });
});
