// An overrides file (the shape of lsst-dm/milestones' data/local.yaml) read by the service: its
// schema, its dates and the acronyms of its prose, with the JSON Schema it ships with.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import schema from '../../schemas/overrides.schema.json';
import { matchesGlobs } from '../../server/src/host/fileSystem';
import { createPlanService } from '../../server/src/service';

const fixture = readFileSync(new URL('../fixtures/overrides/local.yaml', import.meta.url), 'utf8');
const uri = 'file:///repo/data/local.yaml';

/** The problems of an overrides file alone (no plan defines its codes: `unknown-override` is left out here, and tested below). */
function problemsOf(text: string): [string, string, string][] {
  const service = createPlanService();
  service.setSettings({ rules: { 'unknown-override': 'off' } });
  service.setOverridesFile(uri, text);
  return service.problems(uri).map((problem) => [problem.code, text.slice(problem.start, problem.end), problem.message]);
}

describe('an overrides file', () => {
  test('in the shape of data/local.yaml: valid against its JSON Schema, and no problem when opened', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.equal(validate(parse(fixture)), true, JSON.stringify(validate.errors));
    assert.deepEqual(problemsOf(fixture), []);
  });

  test('a misspelt key, a value of the wrong type, a date that is not one and an unknown acronym are each reported where they are', () => {
    const text = `DLP-552:\n  descripton: The alert stream.\n  level: two\n  due: 2021-11-31\n  completed: ""\n  comment: Agreed with the QQXZ team.\n`;
    assert.deepEqual(problemsOf(text), [
      ['schema', 'descripton', 'Unknown key "descripton" in the override of DLP-552. Did you mean "description"?'],
      ['schema', 'two', '"level" of the override of DLP-552 must be a whole number.'],
      ['invalid-date', '2021-11-31', '"2021-11-31" is not a real day: November 2021 has 30 days.'],
      ['unknown-acronym', 'QQXZ', "Unknown acronym QQXZ: no glossary defines it. Add it to the plan's acronyms or a glossary, or to the skip list."],
    ]);
  });

  test('a file that is not a map of codes', () => {
    assert.deepEqual(problemsOf('- A4369.9\n'), [['schema', '- A4369.9\n', 'An overrides file is a map keyed by milestone code, each with the fields it overrides (description, due, …).']]);
    assert.deepEqual(problemsOf(''), []);
  });
});

describe('milestones.overrideFiles', () => {
  test('globs relative to the workspace folder name the overrides files', () => {
    const folder = 'file:///work/milestones';
    const matches = (path: string, globs: string[]) => matchesGlobs(`${folder}/${path}`, folder, globs);
    assert.equal(matches('data/local.yaml', ['data/local.yaml']), true);
    assert.equal(matches('data/local.yaml', ['./data/local.yaml']), true);
    assert.equal(matches('data/local.yaml', ['data/*.yaml']), true);
    assert.equal(matches('data/sub/local.yaml', ['data/*.yaml']), false);
    assert.equal(matches('data/sub/local.yaml', ['**/local.yaml']), true);
    assert.equal(matches('local.yaml', ['**/local.yaml']), true);
    assert.equal(matches('data/local.yml', ['data/local.yaml']), false);
    assert.equal(matches('data/local.yaml', []), false);
    assert.equal(matchesGlobs('file:///elsewhere/data/local.yaml', folder, ['data/local.yaml']), false);
  });
});

describe('overridden dates in the date checks of the plans', () => {
  const planUri = 'file:///repo/plan.milestones.yaml';
  const plan = `asOf: 2021-08-11\nmilestones:\n  DLP-552:\n    name: Alert distribution\n    due: 2021-07-01\n  DLP-560:\n    name: Alert filtering\n    due: 2021-07-01\n    completed: 2021-06-01\n  DLP-570:\n    name: Alert archive\n    due: 2021-07-01\n    completed: 2021-06-01\n`;
  function dateProblems(overrides: string | undefined): [string, string, string][] {
    const service = createPlanService();
    service.setFile(planUri, plan);
    if (overrides !== undefined) service.setOverridesFile(uri, overrides);
    return service.problems(planUri).filter((problem) => ['overdue', 'completed-in-future'].includes(problem.code)).map((problem) => [problem.code, plan.slice(problem.start, problem.end), problem.message]);
  }

  test('a due date moved later clears overdue; a completion taken back ("") makes the item overdue; a completion in the future is reported on the ID', () => {
    assert.deepEqual(dateProblems(undefined), [['overdue', 'DLP-552', 'Milestone DLP-552 was due 2021-07-01 and is not completed (as of 2021-08-11).']]);
    assert.deepEqual(dateProblems(`DLP-552:\n  due: 2021-11-30\nDLP-560:\n  completed: ""\nDLP-570:\n  completed: 2021-09-01\n`), [
      ['overdue', 'DLP-560', 'Milestone DLP-560 was due 2021-07-01 and is not completed: local.yaml takes its completion date away (as of 2021-08-11).'],
      ['completed-in-future', 'DLP-570', 'Milestone DLP-570 is marked completed 2021-09-01 (local.yaml), after 2021-08-11 (as of).'],
    ]);
  });

  test('an overridden date that is not one is not applied (it is the overrides file\'s invalid-date), and removing the file restores the plan\'s dates', () => {
    assert.deepEqual(dateProblems('DLP-552:\n  due: 2021-11-31\n'), dateProblems(undefined));
    const service = createPlanService();
    service.setFile(planUri, plan);
    service.setOverridesFile(uri, 'DLP-552:\n  due: 2021-11-30\n');
    assert.deepEqual(service.problems(planUri).filter((problem) => problem.code === 'overdue'), []);
    service.removeOverridesFile(uri);
    assert.deepEqual(service.problems(planUri).filter((problem) => problem.code === 'overdue').map((problem) => plan.slice(problem.start, problem.end)), ['DLP-552']);
  });
});

/** A milestone M-1 due 2030-01-01 listing a feature F-1 due 2029-01-01, as of 2021-08-11: no problem until overrides apply. */
const releasePlan = `asOf: 2021-08-11\nmilestones:\n  M-1:\n    name: Release\n    due: 2030-01-01\n    features: [F-1]\nfeatures:\n  F-1:\n    name: Feature\n    due: 2029-01-01\n`;
const releasePlanUri = 'file:///repo/plan.milestones.yaml';

function serviceWithReleasePlan() {
  const service = createPlanService();
  service.setFile(releasePlanUri, releasePlan);
  return service;
}

describe('overridden dates in the pair checks', () => {
  test("a feature's overridden due date is compared with its milestone's", () => {
    const [planUri, service] = [releasePlanUri, serviceWithReleasePlan()];
    assert.deepEqual(service.problems(planUri).map((problem) => problem.code), []);
    service.setOverridesFile(uri, 'F-1:\n  due: 2031-01-01\n');
    assert.deepEqual(service.problems(planUri).map((problem) => [problem.code, problem.message]), [['feature-due-after-milestone', 'F-1 is due 2031-01-01 (local.yaml), after M-1 (due 2030-01-01).']]);
  });
});

describe('overridden dates in what the views show', () => {
  test("the snapshot (tree and timeline), the hover, the inlay hints and the lenses show an item's overridden dates and state", () => {
    const [planUri, plan, service] = [releasePlanUri, releasePlan, serviceWithReleasePlan()];
    service.setOverridesFile(uri, 'M-1:\n  due: 2021-07-01\nF-1:\n  completed: 2021-06-30\n');
    const snapshot = service.snapshot();
    assert.deepEqual([snapshot.milestones[0]!.due, snapshot.milestones[0]!.progress], ['2021-07-01', 'overdue']);
    assert.deepEqual([snapshot.features['F-1']!.due, snapshot.features['F-1']!.completed, snapshot.features['F-1']!.progress], ['2029-01-01', '2021-06-30', 'completed']);
    assert.match(service.hover(planUri, plan.indexOf('M-1') + 1)!.markdown, /^\*\*M-1\*\* · Milestone\n\nRelease\n\nDue 2021-07-01 — local.yaml; the plan says 2030-01-01 · \*\*overdue\*\*/);
    assert.deepEqual(service.inlayHints(planUri, { start: 0, end: plan.length }).map((hint) => hint.label), ['✓ 2021-06-30']);
    assert.deepEqual(service.codeLenses(planUri).map((lens) => lens.title), ['1 feature · 0 open · latest due 2029-01-01']);
  });
});
