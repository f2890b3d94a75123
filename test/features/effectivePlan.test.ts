// One plan with an overrides file that moves a milestone's and its feature's due dates, taken
// through every consumer of the effective plan: the checks and their messages, each offered date
// fix (applied where it edits, it clears its problem), the hover, the outline, the hints and
// lenses, completion's dates, the driving path, the snapshot (tree, timeline, burndown), the
// reports and every export. They all agree on each item's dates, status and state.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { burndownItemsOf, burndownSeries } from '../../common/burndownSeries';
import { createPlanService, type PlanService, type ReportedProblem } from '../../server/src/service';
import { applyEdits } from '../../server/src/service/text/edits';

const planUri = 'file:///repo/plan.milestones.yaml';
const localUri = 'file:///repo/data/local.yaml';

const plan = `asOf: 2021-08-11
milestones:
  M-1:
    name: Release one
    due: 2021-12-01
    features: [F-1, F-2]
  M-2:
    name: Release two
    due: 2022-06-01
    predecessors: [M-1]
    features:
      - F-3
features:
  F-1:
    name: Alert production
    due: 2021-11-01
  F-2:
    name: Data release
    due: 2021-06-01
  F-3:
    name: Science platform
    due: 2021-10-01
`;

// F-1 moves after M-1; M-2 moves before its predecessor M-1 (and before F-3 no more: F-3 stays
// before it); F-2, overdue in the plan, is completed here; F-3 gets a new name.
const local = `# Corrections of the schedule.
F-1:
  due: 2022-01-15
M-2:
  due: 2021-11-15
  jira:
F-2:
  completed: 2021-06-20
F-3:
  name: Science platform, first release
`;

function service(planText = plan, localText = local): PlanService {
  const planService = createPlanService();
  planService.setFile(planUri, planText);
  planService.setOverridesFile(localUri, localText);
  return planService;
}

function problems(planService: PlanService): [string, string, string][] {
  return planService.problems(planUri).map((problem) => [problem.code, planService.getFile(planUri)!.text.slice(problem.start, problem.end), problem.message]);
}

describe('the effective plan', () => {
  test('each item has its overridden values, their origin, its expected date and one status', () => {
    const effective = service().effectivePlan();
    const f1 = effective.item('F-1')!;
    assert.deepEqual([f1.due, f1.expected, f1.status, f1.isOverridden('due'), f1.ownValue('due')], ['2022-01-15', { field: 'due', date: '2022-01-15' }, 'open', true, '2021-11-01']);
    const origin = f1.origin('due');
    assert.deepEqual([origin.kind, origin.uri, origin.fileName, local.slice(origin.valueSpan!.start, origin.valueSpan!.end)], ['overrides', localUri, 'local.yaml', '2022-01-15']);
    const planOrigin = effective.item('M-1')!.origin('due');
    assert.deepEqual([planOrigin.kind, plan.slice(planOrigin.valueSpan!.start, planOrigin.valueSpan!.end)], ['plan', '2021-12-01']);
    assert.deepEqual([effective.item('F-2')!.status, effective.item('F-2')!.completed], ['completed', '2021-06-20']);
    assert.equal(effective.item('F-3')!.name, 'Science platform, first release');
    // `jira:` with no value is absent: nothing of M-2 but its due date is overridden.
    assert.deepEqual([effective.item('M-2')!.due, effective.item('M-2')!.isOverridden('name')], ['2021-11-15', false]);
  });

  test('the checks read it, and their messages name the overrides file of every date they quote', () => {
    assert.deepEqual(problems(service()), [
      ['feature-due-after-milestone', 'F-1', 'F-1 is due 2022-01-15 (local.yaml), after M-1 (due 2021-12-01).'],
      ['predecessor-due-after', 'M-1', 'M-2 is due 2021-11-15 (local.yaml), before its predecessor M-1 (due 2021-12-01).'],
    ]);
    // Without the overrides file, the plan's own: F-2 is overdue, nothing else.
    const bare = createPlanService();
    bare.setFile(planUri, plan);
    assert.deepEqual(bare.problems(planUri).map((problem) => problem.code), ['overdue']);
  });

  test('each date fix edits the text that owns the date — the overrides file where it sets it — and, applied, clears its problem', () => {
    const before = service();
    for (const problem of before.problems(planUri)) {
      const actions = before.codeActions(planUri, problem).filter((action) => action.title.startsWith('Move '));
      assert.equal(actions.length, 2, `${problem.code}: ${actions.map((action) => action.title).join('; ')}`);
      for (const action of actions) {
        const inLocal = action.edits.has(localUri);
        assert.equal(action.title.endsWith(' in local.yaml'), inLocal, action.title);
        const after = service(applyEdits(plan, action.edits.get(planUri) ?? []), applyEdits(local, action.edits.get(localUri) ?? []));
        const still = after.problems(planUri).filter((other) => other.code === problem.code && sameData(other, problem));
        assert.deepEqual(still, [], `"${action.title}" leaves ${problem.code}`);
      }
    }
    const titles = before.codeActions(planUri, before.problems(planUri)[0]!).map((action) => action.title);
    assert.deepEqual(titles.slice(0, 2), ["Move M-1's due date to 2022-01-15", "Move F-1's due date to 2021-12-01 in local.yaml"]);
  });

  test('reopening and completing edit the overrides file that clears or sets the completion', () => {
    const planText = plan.replace('    due: 2021-12-01\n', '    due: 2021-12-01\n    completed: 2021-07-01\n');
    const planService = service(planText, `${local}M-1:\n  completed: ""\nF-1:\n  completed: 2021-06-01\n`);
    // M-1's completion is taken away by local.yaml: it is open, so no open-feature problem, and the overdue fix completes it in local.yaml.
    assert.equal(planService.effectivePlan().item('M-1')!.status, 'open');
    const withPast = service(planText.replace('due: 2021-12-01', 'due: 2021-07-15'), `M-1:\n  completed: ""\n`);
    const overdue = withPast.problems(planUri).find((problem) => problem.code === 'overdue')!;
    const complete = withPast.codeActions(planUri, overdue).find((action) => action.title.includes('(as of)'))!;
    assert.equal(complete.title, 'Mark M-1 completed on 2021-08-11 (as of) in local.yaml');
    assert.equal(applyEdits(`M-1:\n  completed: ""\n`, complete.edits.get(localUri)!), 'M-1:\n  completed: "2021-08-11"\n');
  });

  test('hover and outline show both values where they differ', () => {
    const planService = service();
    const hover = planService.hover(planUri, plan.indexOf('F-1:') + 1)!.markdown;
    assert.match(hover, /^\*\*F-1\*\* · Feature\n\nAlert production\n\nDue 2022-01-15 — local\.yaml; the plan says 2021-11-01 · open\n/);
    assert.match(hover, /- M-1: Release one \(due 2021-12-01\) — ⚠ feature-due-after-milestone/);
    const features = planService.documentSymbols(planUri).find((symbol) => symbol.name === 'features')!.children;
    assert.deepEqual(
      features.map((symbol) => [symbol.name, symbol.detail]),
      [
        ['F-1', 'Alert production · due 2022-01-15 — local.yaml; the plan says 2021-11-01'],
        ['F-2', 'Data release · due 2021-06-01 · completed 2021-06-20 — local.yaml; the plan says none'],
        ['F-3', 'Science platform, first release · due 2021-10-01'],
      ],
    );
  });

  test('hints, lenses, completion and the driving path read the effective dates', () => {
    const planService = service();
    assert.deepEqual(
      planService.inlayHints(planUri, { start: 0, end: plan.length }).map((hint) => hint.label),
      ['due 2022-01-15 · open', '✓ 2021-06-20', 'due 2021-10-01 · open'],
    );
    assert.deepEqual(planService.codeLenses(planUri).map((lens) => lens.title), ['2 features · 1 open · latest due 2022-01-15', '1 feature · 1 open · latest due 2021-10-01']);
    const edited = plan.replace('  F-1:\n    name: Alert production\n    due: 2021-11-01', '  F-1:\n    name: Alert production\n    due: 2021-11-01\n    forecast: ');
    const completing = service(edited);
    const dates = completing.complete(planUri, edited.indexOf('forecast: ') + 'forecast: '.length).map((item) => [item.label, item.detail]);
    assert.ok(dates.some(([label, detail]) => label === '2022-01-15' && detail === 'its due date'), JSON.stringify(dates));
    const steps = planService.drivingPath(planUri, plan.indexOf('M-2:') + 1);
    assert.deepEqual(steps.map((step) => [step.id, step.due]), [['M-1', '2021-12-01'], ['M-2', '2021-11-15']]);
  });

  test('the snapshot, the burndown, the reports and every export show the same dates and states', () => {
    const planService = service();
    const snapshot = planService.snapshot();
    const m1 = snapshot.milestones.find((milestone) => milestone.id === 'M-1')!;
    assert.deepEqual(snapshot.milestones.map((milestone) => [milestone.id, milestone.due, milestone.state]), [['M-2', '2021-11-15', 'inconsistent'], ['M-1', '2021-12-01', 'inconsistent']]);
    assert.deepEqual(m1.features.map((row) => [row.id, row.state]), [['F-1', 'inconsistent'], ['F-2', 'completed']]);
    assert.deepEqual([snapshot.features['F-1']!.due, snapshot.features['F-2']!.progress, snapshot.features['F-3']!.name], ['2022-01-15', 'completed', 'Science platform, first release']);
    // The Burndown view's series is the command line's.
    const view = burndownSeries(burndownItemsOf(snapshot), snapshot.asOf).points.map(({ date, baseline, forecast, achieved }) => ({ date, baseline, forecast, achieved }));
    assert.deepEqual(planService.burndown([]).rows, view);
    // Delayed is exactly what `overdue` reports.
    const overdueIds = (planService2: PlanService) => planService2.problems(planUri).filter((problem) => problem.code === 'overdue').map((problem) => planService2.getFile(planUri)!.text.slice(problem.start, problem.end));
    const late = service(plan, local.replace('  completed: 2021-06-20\n', '')); // F-2 overdue again
    assert.deepEqual(late.report('delayed', 'csv').items.map((item) => item.id), overdueIds(late));
    assert.deepEqual(planService.report('delayed', 'csv').items.map((item) => item.id), overdueIds(planService));
    const markdown = planService.exportPlan('md');
    assert.match(markdown, /- F-1: Alert production \(\*Due: 2022-01-15; currently incomplete\*\)/);
    assert.match(markdown, /- F-2: Data release \(\*Due: 2021-06-01; completed 2021-06-20\*\)/);
    assert.match(planService.exportPlan('tex'), /Due: 2022-01-15; currently incomplete/);
    const dot = planService.exportGraph('dot');
    // F-1 (2022-01-15) is 61 days past M-1, which must be done by M-2 (2021-11-15 in local.yaml).
    assert.match(dot, /"F-1" \[label="F-1\\nAlert production\\ndue 2022-01-15\\nfloat −61 d · critical", shape=ellipse, fillcolor="#fb6a4a", color="#cb181d", penwidth=2, class="inconsistent"/);
    assert.match(dot, /"F-2" \[label="F-2\\nData release\\ncompleted 2021-06-20", shape=ellipse, fillcolor="#9ecae1", class="completed"/);
    assert.match(planService.exportGraph('mermaid'), /F-1 Alert production :[^\n]*2022-01-15/);
  });

  test('"inconsistent" is decided once: a feature listed twice is open in the tree and the graph alike', () => {
    const twice = plan.replace('features: [F-1, F-2]', 'features: [F-2, F-2]');
    const planService = createPlanService();
    planService.setFile(planUri, twice);
    const snapshot = planService.snapshot();
    const f2 = snapshot.features['F-2']!;
    assert.equal(f2.state, 'overdue');
    assert.match(planService.exportGraph('dot'), /"F-2" \[[^\n]*class="overdue"/);
    assert.match(planService.exportGraph('dot'), /"M-1" \[[^\n]*class="open"/);
  });

  test('with several overrides files, the first by path wins for each field, whatever the order they came in', () => {
    const orders = [
      ['file:///repo/data/a.yaml', 'file:///repo/data/b.yaml'],
      ['file:///repo/data/b.yaml', 'file:///repo/data/a.yaml'],
    ];
    const texts: Record<string, string> = { 'file:///repo/data/a.yaml': 'F-1:\n  due: 2022-02-01\n', 'file:///repo/data/b.yaml': 'F-1:\n  due: 2022-03-01\nF-2:\n  due: 2021-05-01\n' };
    for (const order of orders) {
      const planService = createPlanService();
      planService.setFile(planUri, plan);
      for (const uri of order) planService.setOverridesFile(uri, texts[uri]!);
      const effective = planService.effectivePlan();
      assert.deepEqual([effective.item('F-1')!.due, effective.item('F-1')!.origin('due').fileName, effective.item('F-2')!.due], ['2022-02-01', 'a.yaml', '2021-05-01']);
    }
  });

  test('an edit of the overrides file that changes no value checks nothing again; one that does, only what compares with it', () => {
    const planService = service();
    const first = planService.analyze();
    planService.setOverridesFile(localUri, local.replace('# Corrections', '# Hand-kept corrections'));
    const again = planService.analyze();
    assert.deepEqual([...again.changed], [localUri]);
    assert.equal(first.problems.get(planUri), again.problems.get(planUri));
    planService.setOverridesFile(localUri, local.replace('due: 2022-01-15', 'due: 2021-11-30'));
    const moved = planService.analyze();
    assert.ok(moved.changed.has(planUri));
    assert.deepEqual(problems(planService).map(([code]) => code), ['predecessor-due-after']);
  });
});

function sameData(a: ReportedProblem, b: ReportedProblem): boolean {
  return JSON.stringify(a.data) === JSON.stringify(b.data);
}

describe('acronyms two plans define differently', () => {
  test('the plan whose path sorts first gives the meaning that applies, whatever the order the plans were opened in', () => {
    const first = 'file:///repo/a.milestones.yaml';
    const second = 'file:///repo/b.milestones.yaml';
    const texts: Record<string, string> = {
      [first]: 'milestones:\n  M-1:\n    name: The QQA release\n    due: 2030-01-01\nacronyms:\n  QQA: Quality Quick Assessment\n',
      [second]: 'acronyms:\n  QQA: Quarterly Queue Audit\n',
    };
    for (const order of [[first, second], [second, first]]) {
      const planService = createPlanService();
      for (const uri of order) planService.setFile(uri, texts[uri]!);
      const markdown = planService.hover(first, texts[first]!.indexOf('QQA') + 1)!.markdown;
      assert.match(markdown, /^\*\*QQA\*\* has 2 meanings:\n\n- Quality Quick Assessment ✓/, order.join(' then '));
    }
  });
});
