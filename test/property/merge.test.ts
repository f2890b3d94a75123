// The merge driver's three-way merge (service/history/planMerge.ts) on generated plans full of
// comments, flow and block styles, quoting and CRLF: two sides that change other items, other
// fields of one item, or one list, merge cleanly into the base with both sides' edits — byte for
// byte when they touch different fields — and the result parses; a date changed two ways is one
// conflict, around that field alone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { createPlanService } from '../../server/src/service';
import { mergePlans } from '../../server/src/service/history/planMerge';
import { planArbitrary, propertySeed, replayable, type GeneratedPlan, type Splice } from './generators';

const uri = 'file:///plans/a.milestones.yaml';
const runs = Number(process.env.MILESTONES_PROPERTY_RUNS ?? 200);

type ChangeKind = 'due' | 'name' | 'list' | 'new-feature';

interface Change {
  kind: ChangeKind;
  /** Which item (modulo their count). */
  item: number;
  value: number;
}

const changeArbitrary: fc.Arbitrary<Change> = fc.record({
  kind: fc.constantFrom<ChangeKind>('due', 'due', 'name', 'list', 'list', 'new-feature'),
  item: fc.nat(),
  value: fc.integer({ min: 1, max: 28 }),
});

/** A side's edit of the base: where it lands, and what it is about (`M-1/due`; a list may be changed by both sides). */
interface SideEdit extends Splice {
  target: string;
  list: boolean;
}

/** The edits of one side (`a` or `b`) on the base plan; changes that cannot apply to this plan are left out. */
function sideEdits(plan: GeneratedPlan, side: string, changes: readonly Change[]): SideEdit[] {
  const service = createPlanService();
  service.setFile(uri, plan.text);
  const file = service.getFile(uri)!;
  const text = plan.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const items = [...file.milestones, ...file.features].filter((item) => item.valueNode?.kind === 'map');
  const edits: SideEdit[] = [];
  for (const change of changes) {
    const item = items[change.item % items.length];
    if (!item) continue;
    if (change.kind === 'due' || change.kind === 'name') {
      const field = item.field(change.kind);
      if (!field || field.value?.kind !== 'scalar') continue;
      const value = change.kind === 'due' ? `2024-0${1 + (change.value % 9)}-${String(change.value).padStart(2, '0')}` : `Renamed by ${side} ${change.value}`;
      edits.push({ ...field.valueSpan, text: value, target: `${item.id}/${change.kind}`, list: false });
    } else if (change.kind === 'list') {
      const list = item.field('features')?.value;
      if (item.kind !== 'milestone' || list?.kind !== 'seq' || list.items.length === 0) continue;
      const last = item.absolute(list.items[list.items.length - 1]!);
      const id = `F-${side}${change.value}`;
      if (list.flow) {
        edits.push({ start: last.end, end: last.end, text: `, ${id}`, target: `${item.id}/features`, list: true });
      } else {
        const lineStart = text.lastIndexOf('\n', last.start) + 1;
        const at = text.indexOf('\n', last.end) + 1;
        edits.push({ start: at, end: at, text: `${text.slice(lineStart, text.indexOf('-', lineStart))}- ${id}${eol}`, target: `${item.id}/features`, list: true });
      }
    } else {
      const first = file.features[0];
      if (!first) continue;
      const at = text.lastIndexOf('\n', first.idSpan.start) + 1;
      edits.push({ start: at, end: at, text: `  F-NEW-${side}:${eol}    name: Added by ${side}${eol}    due: 2022-01-${String(change.value).padStart(2, '0')}${eol}`, target: `new/${side}`, list: false });
    }
  }
  // One edit per target and place on a side.
  return edits.filter((edit, index) => edits.findIndex((other) => other.target === edit.target || other.start === edit.start) === index);
}

function applySplices(text: string, splices: readonly Splice[]): string {
  let result = text;
  for (const splice of [...splices].sort((a, b) => b.start - a.start)) result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
  return result;
}

/** The plan as data, each item's lists as sets (sorted): what a merge by item and field must give. */
function meaning(text: string): unknown {
  const document = parseDocument(text, { uniqueKeys: false });
  assert.deepEqual(document.errors.map((error) => error.message), [], `parses:\n${text}`);
  const data = document.toJS() as Record<string, Record<string, Record<string, unknown> | null> | null>;
  for (const section of ['milestones', 'features']) {
    for (const entry of Object.values(data[section] ?? {})) {
      for (const key of ['features', 'predecessors']) if (entry && Array.isArray(entry[key])) entry[key] = [...(entry[key] as string[])].sort();
    }
  }
  return data;
}

const sidesArbitrary = fc.record({
  plan: planArbitrary,
  ours: fc.array(changeArbitrary, { minLength: 1, maxLength: 3 }),
  theirs: fc.array(changeArbitrary, { minLength: 1, maxLength: 3 }),
});

describe('the merge by item and field, on generated plans', () => {
  test('changes to other items, other fields or one list merge cleanly into the base with both sides', () => {
    let exact = 0;
    fc.assert(
      fc.property(sidesArbitrary, ({ plan, ours: ourChanges, theirs: theirChanges }) => {
        const ours = sideEdits(plan, 'a', ourChanges);
        // Theirs touch what ours do not, but for lists, which both may change.
        const theirs = sideEdits(plan, 'b', theirChanges).filter((edit) => !ours.some((other) => other.target === edit.target && !edit.list));
        const oursText = applySplices(plan.text, ours);
        const theirsText = applySplices(plan.text, theirs);
        const expected = applySplices(plan.text, [...ours, ...theirs]);
        const result = mergePlans(plan.text, oursText, theirsText);
        assert.ok(result.merged, `merged by item: ${result.merged ? '' : result.reason}`);
        assert.deepEqual(result.conflicts, [], `no conflict:\n${result.text}`);
        assert.deepEqual(meaning(result.text), meaning(expected), `the base with both sides' changes:\n${result.text}\n--- expected ---\n${expected}`);
        if (plan.text.includes('\r\n')) assert.ok(!/(?<!\r)\n/.test(result.text), 'no bare LF in a CRLF plan');
        const shared = ours.some((edit) => theirs.some((other) => other.target === edit.target || other.start === edit.start));
        if (!shared) {
          assert.equal(result.text, expected, 'byte for byte: comments, order, quoting and line ends kept');
          exact++;
        }
      }),
      replayable(propertySeed(), runs),
    );
    assert.ok(exact > runs / 4, `${exact} of ${runs} merges compared byte for byte`);
  });

  test('a due date changed two ways is one conflict around that field; taking either side gives that side with the other changes', () => {
    fc.assert(
      fc.property(sidesArbitrary, fc.nat(), ({ plan, ours: ourChanges, theirs: theirChanges }, pick) => {
        const service = createPlanService();
        service.setFile(uri, plan.text);
        const candidates = [...service.getFile(uri)!.milestones, ...service.getFile(uri)!.features].filter((item) => item.valueNode?.kind === 'map' && !(item.valueNode.flow) && item.field('due')?.value?.kind === 'scalar');
        fc.pre(candidates.length > 0);
        const item = candidates[pick % candidates.length]!;
        const due = item.field('due')!.valueSpan;
        const ourDue: SideEdit = { ...due, text: '2030-01-01', target: `${item.id}/due`, list: false };
        const theirDue: SideEdit = { ...due, text: '2031-02-02', target: `${item.id}/due`, list: false };
        const clear = (edit: SideEdit) => edit.target !== ourDue.target && !(edit.start <= due.end && due.start <= edit.end) && !edit.target.startsWith(`${item.id}/`);
        const ours = [ourDue, ...sideEdits(plan, 'a', ourChanges).filter(clear)];
        const theirs = [theirDue, ...sideEdits(plan, 'b', theirChanges).filter((edit) => clear(edit) && !ours.some((other) => other.target === edit.target || other.start === edit.start))];
        const result = mergePlans(plan.text, applySplices(plan.text, ours), applySplices(plan.text, theirs));
        assert.ok(result.merged);
        assert.equal(result.conflicts.length, 1, result.text);
        const [found] = result.conflicts;
        assert.equal(found!.key, item.id);
        assert.equal(found!.field, 'due');
        assert.match(found!.ours ?? '', /due: 2030-01-01/);
        assert.match(found!.theirs ?? '', /due: 2031-02-02/);
        const eol = plan.text.includes('\r\n') ? '\r\n' : '\n';
        const markers = new RegExp(`<<<<<<< ours${eol}([^]*?)=======${eol}([^]*?)>>>>>>> theirs${eol}`);
        assert.equal(result.text.replace(markers, '$1'), applySplices(plan.text, [...ours, ...theirs.slice(1)]), 'taking ours');
        assert.equal(result.text.replace(markers, '$2'), applySplices(plan.text, [theirDue, ...ours.slice(1), ...theirs.slice(1)]), 'taking theirs');
      }),
      replayable(propertySeed(), runs),
    );
  });
});
