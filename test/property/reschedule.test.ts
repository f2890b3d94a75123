// Every move, applied to generated plans full of comments, blank lines, flow and block styles and
// quoted scalars, changes only the bytes it must — each edit replaces a date within one line, every
// comment stays byte-identical — and the plan still parses with the same items; each item moved has
// its expected date moved by the days asked, every other keeps its own; and the preview told the
// truth: the checks it said would newly fail or clear are those that do, once the edit is applied.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createPlanService, type PlanService, type ReportedProblem } from '../../server/src/service';
import { addDays } from '../../server/src/service/text/dates';
import { applyEdits, assertCommentsAndLineEndsKept, assertPreciseEdit, commentsOf } from './editShapes';
import { planArbitrary, propertySeed, replayable } from './generators';

const uri = 'file:///plans/a.milestones.yaml';
const runs = Number(process.env.MILESTONES_PROPERTY_RUNS ?? 60);

function analysed(text: string): PlanService {
  const workspace = createPlanService();
  workspace.setSettings({ asOf: '2021-08-11', rules: { slipped: 'warning' } });
  workspace.setFile(uri, text);
  return workspace;
}

/** Each item's expected date, by ID (the first definition of each). */
function expectedDates(workspace: PlanService): Map<string, string | undefined> {
  const plan = workspace.effectivePlan();
  return new Map([...plan.milestones(), ...plan.features()].map((item) => [item.id, item.expected?.date]));
}

/** A problem's identity across a move (its message quotes dates, which move). */
function key(problem: ReportedProblem): string {
  return `${problem.code}\u0000${problem.data ? JSON.stringify(problem.data) : problem.message}`;
}

/** The problems of `after` whose identity `before` has not, as `code: message`, sorted. */
function added(before: readonly ReportedProblem[], after: readonly ReportedProblem[]): string[] {
  const known = new Set(before.map(key));
  return after.filter((problem) => !known.has(key(problem))).map((problem) => `${problem.code}: ${problem.message}`).sort();
}

describe('moves change only the dates they move, as their preview says', () => {
  test('moving each item of generated plans by random days, alone and pushing what it would break', () => {
    const seed = propertySeed();
    let moved = 0;
    fc.assert(
      fc.property(planArbitrary, fc.array(fc.integer({ min: -400, max: 400 }), { minLength: 1, maxLength: 3 }), (plan, shifts) => {
        const workspace = analysed(plan.text);
        const before = expectedDates(workspace);
        const comments = commentsOf(plan.text);
        for (const [id, date] of before) {
          if (date === undefined) continue;
          for (const [index, days] of shifts.entries()) {
            const kind = index % 2 === 0 ? 'push' : 'only';
            const what = `${id} by ${days} days (${kind})`;
            const preview = workspace.previewMove(id, days);
            assert.ok(!('message' in preview), `${what}: ${'message' in preview ? preview.message : ''}`);
            const option = preview[kind];
            const made = workspace.moveDate({ id, days, kind, from: date });
            if ('message' in made) {
              assert.equal(made.message, option.blocked, what);
              continue;
            }
            assert.deepEqual([...made.edits.keys()], [uri], `${what} edits only the plan`);
            assert.deepEqual(made.moves, option.moves, `${what}: the preview's moves`);
            const edits = made.edits.get(uri)!;
            for (const edit of edits) assertPreciseEdit(plan.text, edit, comments, what);
            const output = applyEdits(plan.text, edits);
            assertCommentsAndLineEndsKept(plan.text, output, what);
            const after = analysed(output);
            const problems = after.problems(uri);
            assert.deepEqual(problems.filter((problem) => problem.code === 'yaml-syntax' || problem.code === 'schema'), [], `${what} leaves a plan that parses and fits the schema:\n${output}`);
            const dates = expectedDates(after);
            assert.deepEqual([...dates.keys()].sort(), [...before.keys()].sort(), `${what} keeps the items`);
            const movedIds = new Set(made.moves.map((move) => move.id));
            for (const [other, was] of before) assert.equal(dates.get(other), movedIds.has(other) ? addDays(was!, days) : was, `${what}: ${other}'s expected date:\n${output}`);
            assert.deepEqual(option.failing.map((check) => `${check.code}: ${check.message}`).sort(), added(workspace.problems(uri), problems), `${what}: the checks that newly fail:\n${output}`);
            assert.deepEqual(option.clearing.map((check) => `${check.code}: ${check.message}`).sort(), added(problems, workspace.problems(uri)), `${what}: the checks that clear:\n${output}`);
            moved++;
          }
        }
      }),
      replayable(seed, runs, { shrink: false }),
    );
    assert.ok(moved > runs, `${moved} moves applied`);
  });
});
