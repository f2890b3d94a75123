// The monthly update from a schedule, applied to generated plans full of comments, flow and block
// styles and quoted scalars: each edit is of a shape that keeps the rest byte for byte, every
// comment stays, the plan still parses and fits the schema, it holds exactly the schedule's names,
// dates and links afterwards, it reports what `milestones diff` finds, items gone are kept (or
// pruned), and a second update changes nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createPlanService, type PlanFile } from '../../server/src/service';
import { diffPlans } from '../../server/src/service/history/planDiff';
import { updatePlan } from '../../server/src/service/schedules/planUpdate';
import type { ImportedItem, ImportedPlan } from '../../server/src/service/schedules/scheduleToPlan';
import { applyEdits, assertCommentsAndLineEndsKept, assertPreciseEdit, commentsOf } from './editShapes';
import { dateArbitrary, nameArbitrary, planArbitrary, propertySeed, replayable } from './generators';

const uri = 'file:///plans/a.milestones.yaml';
const runs = Number(process.env.MILESTONES_PROPERTY_RUNS ?? 60);

function parsed(text: string): { file: PlanFile; blocking: string[] } {
  const service = createPlanService();
  service.setSettings({ asOf: '2021-08-11' });
  service.setFile(uri, text);
  return { file: service.getFile(uri)!, blocking: service.problems(uri).filter((problem) => problem.code === 'yaml-syntax' || problem.code === 'schema').map((problem) => problem.message) };
}

/** What the schedule says of one item this month: kept or gone, and its values. */
const changeArbitrary = fc.record({
  gone: fc.constantFrom(false, false, false, false, true),
  name: fc.option(nameArbitrary, { nil: undefined }),
  due: fc.option(dateArbitrary, { nil: undefined }),
  forecast: fc.option(dateArbitrary, { nil: undefined }),
  completed: fc.option(dateArbitrary, { nil: undefined }),
  predecessors: fc.array(fc.nat(), { maxLength: 3 }),
});

const newItemArbitrary = fc.record({ milestone: fc.boolean(), name: nameArbitrary, due: dateArbitrary, predecessors: fc.array(fc.nat(), { maxLength: 2 }) });

/** The value a plan's field holds, as the update compares it. */
function written(file: PlanFile, id: string, key: string): unknown {
  const item = [...file.milestones, ...file.features].find((candidate) => candidate.id === id)!;
  const value = item.field(key)?.value;
  return value?.kind === 'scalar' && value.value !== null ? value.value : undefined;
}

describe('the schedule update changes only the bytes it must', () => {
  test('an update of generated plans, then the same update again', () => {
    const seed = propertySeed();
    let edited = 0;
    fc.assert(
      fc.property(planArbitrary, fc.array(changeArbitrary, { minLength: 12, maxLength: 12 }), fc.array(newItemArbitrary, { maxLength: 2 }), fc.boolean(), (plan, changes, newItems, prune) => {
        const { file } = parsed(plan.text);
        const existing = [...file.milestones, ...file.features];
        const kept = existing.filter((_, index) => !changes[index % changes.length]!.gone);
        const ids = [...kept.map((item) => item.id), ...newItems.map((_, index) => `NEW-${index + 1}`)];
        const pick = (picks: number[], self: string) => [...new Set(picks.map((index) => ids[index % ids.length]!))].filter((id) => id !== self).map((id) => ({ id }));
        const items: ImportedItem[] = kept.map((item) => {
          const change = changes[existing.indexOf(item) % changes.length]!;
          return {
            id: item.id,
            kind: item.kind,
            name: change.name ?? item.ownName ?? 'Unnamed',
            due: change.due ?? item.ownDue ?? '2021-01-01',
            forecast: change.forecast,
            completed: change.completed,
            predecessors: pick(change.predecessors, item.id),
            features: [],
            place: 'line 1',
          };
        });
        newItems.forEach((item, index) => items.push({ id: `NEW-${index + 1}`, kind: item.milestone ? 'milestone' : 'feature', name: item.name, due: item.due, predecessors: pick(item.predecessors, `NEW-${index + 1}`), features: [], place: 'line 1' }));
        const schedule: ImportedPlan = { items, notes: [] };
        const update = updatePlan(file, schedule, { prune });
        const what = `the update (prune: ${prune})`;
        const comments = commentsOf(plan.text);
        if (!prune) for (const edit of update.edits) assertPreciseEdit(plan.text, edit, comments, what);
        const output = applyEdits(plan.text, update.edits);
        if (!prune) assertCommentsAndLineEndsKept(plan.text, output, what);
        const after = parsed(output);
        assert.deepEqual(after.blocking, [], `${what} leaves a plan that parses and fits the schema:\n${output}`);
        const gone = existing.filter((item) => !kept.includes(item)).map((item) => item.id);
        assert.deepEqual(update.gone, [...new Set(gone)]);
        const afterIds = new Set([...after.file.milestones, ...after.file.features].map((item) => item.id));
        for (const id of gone) assert.equal(afterIds.has(id), !prune, `${id} is ${prune ? 'removed' : 'kept'}:\n${output}`);
        for (const item of items) {
          const now = [...after.file.milestones, ...after.file.features].find((candidate) => candidate.id === item.id);
          assert.ok(now, `${item.id} is in the plan:\n${output}`);
          assert.deepEqual(
            { name: written(after.file, item.id, 'name'), due: written(after.file, item.id, 'due'), forecast: written(after.file, item.id, 'forecast'), completed: written(after.file, item.id, 'completed') },
            { name: item.name, due: item.due, forecast: item.forecast, completed: item.completed },
            `${what}: ${item.id}'s values:\n${output}`,
          );
          assert.deepEqual(new Set(now.predecessorIdList), new Set(item.predecessors.map((link) => link.id)), `${what}: ${item.id}'s predecessors:\n${output}`);
        }
        assert.deepEqual(update.changes, diffPlans({ plans: [{ uri, text: plan.text }] }, { plans: [{ uri, text: output }] }), `${what} reports what \`milestones diff\` finds:\n${output}`);
        assert.deepEqual(updatePlan(after.file, schedule, { prune }).edits, [], `a second update changes nothing:\n${output}`);
        if (update.edits.length > 0) edited++;
      }),
      replayable(seed, runs),
    );
    assert.ok(edited > runs / 2, `${edited} plans edited`);
  });
});
