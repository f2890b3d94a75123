// Float and the critical chains (server/src/service/model/float.ts) on small networks whose answers
// are worked out by hand in each test: features and the milestones that list them, predecessor
// chains, forecasts, overrides, completed and undated items, cycles, the `slipped` rule's limit, and
// the same answers after edits as from a fresh service.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPlanService, type PlanService } from '../../server/src/service';
import { openPlan, planUri } from '../helpers/cursor';

/** Each ID's float as `days/limitedBy` (`*` when critical), or why it has none. */
function floats(service: PlanService, ids: string[]): Record<string, string> {
  const float = service.analyze().float;
  return Object.fromEntries(
    ids.map((id) => {
      const answer = float.of(id);
      return [id, answer.kind === 'float' ? `${answer.days}/${answer.limitedBy}${answer.critical ? '*' : ''}` : answer.reason];
    }),
  );
}

const release = `milestones:
  M:
    name: Release
    due: 2022-08-24
    features: [F-EARLY, F-SAME, F-LATE]
features:
  F-EARLY:
    name: early
    due: 2022-07-10
  F-SAME:
    name: on the day
    due: 2022-08-24
  F-LATE:
    name: late
    due: 2022-09-01
`;

describe('float of features and the milestone that lists them', () => {
  test('each feature may move up to its milestone, which ends the chain: negative where it is already after it', () => {
    // 2022-07-10 → 2022-08-24 is 21 + 24 = 45 days; 2022-09-01 is 8 days after 2022-08-24.
    const { service } = openPlan(release);
    assert.deepEqual(floats(service, ['M', 'F-EARLY', 'F-SAME', 'F-LATE']), { M: '0/M*', 'F-EARLY': '45/M', 'F-SAME': '0/M*', 'F-LATE': '-8/M*' });
    const float = service.analyze().float.of('F-EARLY');
    assert.equal(float.kind === 'float' && float.late, '2022-08-24');
  });

  test('milestones.criticalFloatDays makes the items within that many days critical', () => {
    const { service } = openPlan(release, { settings: { criticalFloatDays: 45 } });
    assert.deepEqual(floats(service, ['M', 'F-EARLY']), { M: '0/M*', 'F-EARLY': '45/M*' });
  });

  test('a feature listed by two milestones is limited by the earlier', () => {
    const plan = `milestones:
  M-1:
    name: one
    due: 2022-03-01
    features: [F]
  M-2:
    name: two
    due: 2022-02-01
    features: [F]
features:
  F:
    name: f
    due: 2022-01-01
`;
    // 2022-01-01 → 2022-02-01: 31 days; → 2022-03-01 would be 59.
    assert.deepEqual(floats(openPlan(plan).service, ['F', 'M-1', 'M-2']), { F: '31/M-2', 'M-1': '0/M-1*', 'M-2': '0/M-2*' });
  });
});

const chain = `milestones:
  A:
    name: a
    due: 2022-01-01
  B:
    name: b
    due: 2022-03-01
    predecessors: [A]
  C:
    name: c
    due: 2022-06-01
    predecessors: [B]
`;

describe('float along predecessors', () => {
  test('an item may move as far as the end of its chain allows, the items between pushed ahead of it', () => {
    // A → B → C, C ends the chain. B: 2022-03-01 → 2022-06-01 is 31 + 30 + 31 = 92 days; A: 31 + 28 + 92 = 151.
    const { service } = openPlan(chain);
    assert.deepEqual(floats(service, ['A', 'B', 'C']), { A: '151/C', B: '92/C', C: '0/C*' });
    assert.deepEqual(service.analyze().float.limitPath('A'), ['A', 'B', 'C']);
    assert.equal(service.analyze().float.via('C'), undefined);
  });

  test('with two ends after it, the earlier limits it', () => {
    const plan = `${chain}  D:
    name: d
    due: 2022-04-01
    predecessors: [A]
`;
    // A → D (2022-04-01): 31 + 28 + 31 = 90 days, before C's 151.
    assert.deepEqual(floats(openPlan(plan).service, ['A', 'B', 'D']), { A: '90/D', B: '92/C', D: '0/D*' });
  });

  test('a forecast is the date that counts, and across files', () => {
    const other = `milestones:
  D:
    name: d
    due: 2022-02-01
    forecast: 2022-07-01
    predecessors: [C]
`;
    // C is no end now: D (forecast 2022-07-01) is. C: 30 days; B: 92 + 30 = 122; A: 151 + 30 = 181.
    assert.deepEqual(floats(openPlan(chain, { other }).service, ['A', 'B', 'C', 'D']), { A: '181/D', B: '122/D', C: '30/D', D: '0/D*' });
  });

  test('with the slipped rule on, a forecast may not pass its due date by more than milestones.slipThresholdDays', () => {
    const plan = `milestones:
  M:
    name: m
    due: 2022-08-24
    forecast: 2022-09-30
    features: [F]
features:
  F:
    name: f
    due: 2022-07-10
`;
    // Off: M ends its chain at its forecast, F has 21 + 31 + 30 = 82 days.
    assert.deepEqual(floats(openPlan(plan).service, ['M', 'F']), { M: '0/M*', F: '82/M' });
    // On: M is limited by its due date, 37 days before its forecast; F by that date too, 45 days off.
    assert.deepEqual(floats(openPlan(plan, { settings: { rules: { slipped: 'warning' } } }).service, ['M', 'F']), { M: '-37/M*', F: '45/M' });
    // A threshold of 10 days moves the limit 10 days later.
    assert.deepEqual(floats(openPlan(plan, { settings: { rules: { slipped: 'warning' }, slipThresholdDays: 10 } }).service, ['M', 'F']), { M: '-27/M*', F: '55/M' });
  });
});

describe('items that have no float', () => {
  test('a completed item does not move, and constrains nothing after its completion', () => {
    const plan = `milestones:
  A:
    name: a
    due: 2022-01-01
  B:
    name: b
    due: 2022-03-01
    completed: 2022-02-15
    predecessors: [A]
  C:
    name: c
    due: 2022-06-01
    predecessors: [B]
`;
    // B is done: A has nothing open after it and ends its own chain; C ends its own.
    assert.deepEqual(floats(openPlan(plan).service, ['A', 'B', 'C']), { A: '0/A*', B: 'completed', C: '0/C*' });
  });

  test('an item without a date has none and limits nothing; a feature nothing waits for is unlimited', () => {
    const plan = `milestones:
  M:
    name: m
    due: 2022-05-01
    features: [F-NODATE, F-1]
  N:
    name: n
    due: not a date
    predecessors: [M]
features:
  F-NODATE:
    name: no date
  F-1:
    name: one
    due: 2022-04-01
  F-ALONE:
    name: listed nowhere
    due: 2022-04-01
`;
    // N has no date, so M waits for nothing dated: it ends its chain.
    assert.deepEqual(floats(openPlan(plan).service, ['M', 'N', 'F-NODATE', 'F-1', 'F-ALONE', 'NOWHERE']), {
      M: '0/M*',
      N: 'undated',
      'F-NODATE': 'undated',
      'F-1': '30/M',
      'F-ALONE': 'unlimited',
      NOWHERE: 'unknown',
    });
  });

  test('items on a cycle have none; what comes before the cycle counts only what lies outside it', () => {
    const plan = `milestones:
  X:
    name: x
    due: 2022-03-01
    predecessors: [Y, W]
  Y:
    name: y
    due: 2022-04-01
    predecessors: [X]
  W:
    name: w
    due: 2022-01-01
  Z:
    name: z
    due: 2022-02-01
    predecessors: [W]
`;
    // W waits for X (on the cycle) and Z: only Z counts, 31 days.
    assert.deepEqual(floats(openPlan(plan).service, ['X', 'Y', 'W', 'Z']), { X: 'cycle', Y: 'cycle', W: '31/Z', Z: '0/Z*' });
  });
});

describe('float reads the effective plan', () => {
  test('a due date an overrides file sets counts, and one it takes away leaves the item undated', () => {
    const service = createPlanService();
    service.setFile(planUri, release);
    // M moves to 2022-09-15: F-EARLY has 21 + 31 + 15 = 67 days, F-LATE 14. F-SAME loses its date.
    service.setOverridesFile('file:///plans/local.yaml', 'M:\n  due: 2022-09-15\nF-SAME:\n  due: ""\n');
    assert.deepEqual(floats(service, ['M', 'F-EARLY', 'F-SAME', 'F-LATE']), { M: '0/M*', 'F-EARLY': '67/M', 'F-SAME': 'undated', 'F-LATE': '14/M' });
    service.removeOverridesFile('file:///plans/local.yaml');
    assert.deepEqual(floats(service, ['M', 'F-EARLY', 'F-SAME', 'F-LATE']), { M: '0/M*', 'F-EARLY': '45/M', 'F-SAME': '0/M*', 'F-LATE': '-8/M*' });
  });
});

describe('the critical chains', () => {
  test('the critical items each end limits, in date order, and the plan\'s last milestone', () => {
    const plan = `milestones:
  A:
    name: a
    due: 2022-06-01
    features: [F-1, F-2]
  B:
    name: b
    due: 2022-09-01
    predecessors: [A]
    features: [F-3]
features:
  F-1:
    name: one
    due: 2022-06-01
  F-2:
    name: two
    due: 2022-05-01
  F-3:
    name: three
    due: 2022-09-01
`;
    // A is no end (B follows it): A and F-1 have the 92 days to B, F-2 123; F-3 and B none to spare.
    const { service } = openPlan(plan, { settings: { criticalFloatDays: 100 } });
    const float = service.analyze().float;
    assert.deepEqual(floats(service, ['A', 'B', 'F-1', 'F-2', 'F-3']), { A: '92/B*', B: '0/B*', 'F-1': '92/B*', 'F-2': '123/B', 'F-3': '0/B*' });
    assert.deepEqual(float.criticalChain('B').map((item) => item.id), ['A', 'F-1', 'B', 'F-3']);
    assert.deepEqual(float.criticalChains().map(({ limitedBy, chain }) => [limitedBy, chain.length]), [['B', 4]]);
    assert.equal(float.lastMilestone()?.id, 'B');
  });
});

/** A plan of `n` milestones in a chain, each listing two features, some with forecasts and completions. */
function network(n: number): string {
  const lines = ['milestones:'];
  for (let index = 0; index < n; index++) {
    const month = String((index % 12) + 1).padStart(2, '0');
    lines.push(`  M-${index}:`, `    name: m${index}`, `    due: ${2022 + Math.floor(index / 12)}-${month}-15`);
    if (index % 5 === 3) lines.push(`    forecast: ${2022 + Math.floor(index / 12)}-${month}-25`);
    if (index > 0) lines.push(`    predecessors: [M-${index - 1}${index > 2 ? `, M-${index - 3}` : ''}]`);
    lines.push(`    features: [F-${index}-a, F-${index}-b]`);
  }
  lines.push('features:');
  for (let index = 0; index < n; index++) {
    const month = String((index % 12) + 1).padStart(2, '0');
    lines.push(`  F-${index}-a:`, `    name: a`, `    due: ${2022 + Math.floor(index / 12)}-${month}-0${1 + (index % 9)}`);
    if (index % 7 === 2) lines.push(`    completed: 2021-12-01`);
    lines.push(`  F-${index}-b:`, `    name: b`, `    due: ${2022 + Math.floor(index / 12)}-${month}-20`);
  }
  return `${lines.join('\n')}\n`;
}

describe('kept up to date after edits', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, index) => [`M-${index}`, `F-${index}-a`, `F-${index}-b`]).flat();

  /** Each edit applied in turn to a service that keeps its float, which must then equal a fresh one's. */
  function checkEdits(start: string, edits: [from: string, to: string][], n: number): void {
    const kept = createPlanService();
    kept.setFile(planUri, start);
    kept.analyze();
    let text = start;
    for (const [from, to] of edits) {
      assert.ok(text.includes(from), `not in the plan: ${from}`);
      text = text.replace(from, to);
      kept.setFile(planUri, text);
      const fresh = createPlanService();
      fresh.setFile(planUri, text);
      assert.deepEqual(floats(kept, ids(n)), floats(fresh, ids(n)), `after ${from} → ${to}`);
    }
  }

  test('the end moving later and earlier, a date in the middle, a link added and removed, a completion, a cycle made and broken', () => {
    checkEdits(
      network(8),
      [
        ['    due: 2022-08-15\n', '    due: 2022-10-15\n'],
        ['    due: 2022-10-15\n', '    due: 2022-03-01\n'],
        ['    due: 2022-04-15\n', '    due: 2022-05-30\n'],
        ['    predecessors: [M-3, M-1]\n', '    predecessors: [M-3, M-1, M-0]\n'],
        ['    predecessors: [M-6, M-4]\n', '    predecessors: [M-4]\n'],
        ['  F-5-b:\n    name: b\n', '  F-5-b:\n    name: b\n    completed: 2022-01-01\n'],
        ['    predecessors: [M-0]\n', '    predecessors: [M-0, M-5]\n'],
        ['    predecessors: [M-0, M-5]\n', '    predecessors: [M-0]\n'],
        ['    features: [F-7-a, F-7-b]\n', '    features: [F-7-a]\n'],
        ['    forecast: 2022-04-25\n', ''],
        ['  M-7:\n', '  M-7x:\n'],
      ],
      8,
    );
  });

  test('a duplicate definition: only the effective one links, and one that comes to shadow it takes its links away', () => {
    // An empty entry pasted above M-3 becomes its definition (the first): M-3 is undated, and what
    // it listed and named is no longer limited by it.
    checkEdits(network(6), [['  M-3:\n', '  M-3:\n  M-3:\n'], ['  M-3:\n  M-3:\n', '  M-3:\n']], 6);
  });

  test('across files, a duplicate that names a predecessor does not limit it while the other definition is the item', () => {
    const first = 'milestones:\n  M-1:\n    name: one\n    due: 2022-05-01\n';
    const second = 'features:\n  F-1:\n    name: f\n    due: 2022-01-01\n    completed: 2021-12-01\nmilestones:\n  M-1:\n    name: again\n    due: 2022-06-01\n    predecessors: [F-1]\n';
    const other = planUri.replace(/[^/]+$/, 'other.milestones.yaml');
    const kept = createPlanService();
    kept.setFile(planUri, first);
    kept.setFile(other, second);
    kept.analyze();
    // F-1 is no longer completed: it takes part, and nothing that is M-1 names it.
    const edited = second.replace('    completed: 2021-12-01\n', '');
    kept.setFile(other, edited);
    const fresh = createPlanService();
    fresh.setFile(planUri, first);
    fresh.setFile(other, edited);
    assert.deepEqual(floats(kept, ['F-1', 'M-1']), { 'F-1': 'unlimited', 'M-1': '0/M-1*' });
    assert.deepEqual(floats(kept, ['F-1', 'M-1']), floats(fresh, ['F-1', 'M-1']));
  });
});
