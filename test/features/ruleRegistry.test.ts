// A rule is one module: added to the registry inside this test, a rule that wants a level on every
// milestone shows up in the diagnostics (with its default severity, and set by the settings), in
// the quick fixes and in "fix all", in the marks the tree draws, and in the generated rules page and
// settings schema — without touching anything else.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPlanService } from '../../server/src/service';
import { builtinRules, RuleRegistry } from '../../server/src/service/rules/registry';
import { ruleSettingsSchema, rulesMarkdown } from '../../server/src/service/rules/reference';
import { defineRule, type FixContext, type PlanCodeAction } from '../../server/src/service/rules/rule';
import { indentAt, lineEnding, singleEdit, wholeLine } from '../../server/src/service/text/edits';
import type { ReportedProblem } from '../../server/src/service';

const uri = 'file:///plans/a.milestones.yaml';

function addLevel(problem: ReportedProblem, context: FixContext): PlanCodeAction | undefined {
  if (problem.data?.kind !== 'item' || context.document.kind !== 'plan') return undefined;
  const item = context.plan.milestone(problem.data.id);
  const due = item?.origin('due');
  if (!due?.keySpan) return undefined;
  const text = context.document.file.text;
  const line = wholeLine(text, due.keySpan.start);
  return context.action('Add level 3', singleEdit(context.document.uri, { start: line.end, end: line.end }, `${indentAt(text, due.keySpan.start)}level: 3${lineEnding(text)}`), true);
}

const milestoneLevel = defineRule({
  code: 'milestone-without-level',
  severity: 'warning',
  short: 'Milestone without a level',
  full: 'A milestone has no `level`, so the summary charts cannot place it.',
  marks: ['unlevelled'],
  checkItem(item, _context, problems) {
    if (item.kind !== 'milestone' || item.level !== undefined) return;
    problems.push({ code: 'milestone-without-level', message: `${item.id} has no level: add one (1 is the highest).`, ...item.definition.idSpan, data: { kind: 'item', id: item.id } });
  },
  fixes: (problem, context) => [addLevel(problem, context)].filter((action) => action !== undefined),
  safeFix: addLevel,
});

const plan = 'milestones:\n  M-1:\n    name: One\n    due: 2030-01-01\n  M-2:\n    name: Two\n    due: 2030-02-01\n    level: 2\n';

describe('a rule added as one module', () => {
  test('is checked, set by the settings, fixed one by one and by fix-all, and marks its items', () => {
    const service = createPlanService({ rules: [...builtinRules, milestoneLevel] });
    service.setFile(uri, plan);
    const problems = service.problems(uri);
    assert.deepEqual(problems.map((problem) => [problem.code, problem.severity, plan.slice(problem.start, problem.end), problem.message]), [['milestone-without-level', 'warning', 'M-1', 'M-1 has no level: add one (1 is the highest).']]);
    assert.deepEqual([...service.effectivePlan().marks('M-1')], ['unlevelled']);
    const fix = service.codeActions(uri, problems[0]!).find((action) => action.title === 'Add level 3')!;
    assert.equal(fix.isPreferred, true);
    const all = service.fixAll(uri)!;
    assert.deepEqual(all.edits, fix.edits);
    service.setFile(uri, plan.replace('    due: 2030-01-01\n', '    due: 2030-01-01\n    level: 3\n'));
    assert.deepEqual(service.problems(uri), []);
    service.setFile(uri, plan);
    service.setSettings({ rules: { 'milestone-without-level': 'error' } });
    assert.deepEqual(service.problems(uri).map((problem) => problem.severity), ['error']);
    service.setSettings({ rules: { 'milestone-without-level': 'off' } });
    assert.deepEqual(service.problems(uri), []);
  });

  test('is in the generated rules page and the settings schema, and a service without it knows nothing of it', () => {
    const registry = new RuleRegistry([...builtinRules, milestoneLevel]);
    assert.match(rulesMarkdown(registry), /^\| `milestone-without-level` \| warning \| A milestone has no `level`, so the summary charts cannot place it\. \| unlevelled \| quick fixes, fix all \|$/m);
    const schema = ruleSettingsSchema(registry) as { properties: Record<string, { default: string }> };
    assert.equal(schema.properties['milestone-without-level']!.default, 'warning');
    const builtin = createPlanService();
    builtin.setFile(uri, plan);
    assert.deepEqual(builtin.problems(uri), []);
    assert.throws(() => new RuleRegistry([...builtinRules, { ...milestoneLevel, code: 'overdue' }]), /Two rules have the code overdue/);
  });
});
