// Every check of SPEC §2 on in-memory plans: cases that must fire, with the exact text each
// problem covers, and cases that must not.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, codes, describeProblems, workspaceOf } from '../helpers/plans';

const consistent = `document: LDM-564
asOf: 2021-08-11
milestones:
  LDM-503-02:
    name: HSC reprocessing
    due: 2017-12-01
    completed: 2017-12-01
    features:
      - DM-AP-1
features:
  DM-AP-1:
    name: Basic single frame measurement pipeline.
    due: 2017-11-01
    completed: 2017-11-01
`;

describe('a consistent plan', () => {
  test('has no problems', () => {
    assert.deepEqual(check(consistent), []);
  });
});

describe('yaml-syntax', () => {
  test('each error at its own place, and the rest of the file is still checked', () => {
    const text = `milestones:
  M-1:
    name: "unterminated
    due: 2021-01-01
  M-2:
    name: fine
    due: 2021-02-30
`;
    const found = check(text);
    const syntax = codes(found, 'yaml-syntax');
    assert.ok(syntax.length >= 1, JSON.stringify(found));
    assert.ok(syntax.every((problem) => problem.line >= 3 && problem.line <= 5), JSON.stringify(syntax));
    const date = codes(found, 'invalid-date');
    assert.deepEqual(date.map((problem) => [problem.text, problem.line]), [['2021-02-30', 7]]);
  });
  test('a flow collection left open', () => {
    const found = check(`milestones:\n  M-1:\n    name: x\n    due: 2021-01-01\n    features: [A, B\n`);
    assert.ok(codes(found, 'yaml-syntax').length >= 1);
  });
});

describe('schema', () => {
  test('an unknown key sits on the key, with a suggestion', () => {
    const found = codes(check(consistent.replace('    completed: 2017-12-01\n    features', '    complted: 2017-12-01\n    features')), 'schema');
    assert.deepEqual(found.map((problem) => [problem.text, problem.line]), [['complted', 7]]);
    assert.match(found[0]!.message, /Unknown key "complted".*did you mean "completed"/i);
  });
  test('a missing due sits on the item ID', () => {
    const found = codes(check(consistent.replace('    due: 2017-11-01\n', '')), 'schema');
    assert.deepEqual(found.map((problem) => [problem.text, problem.line]), [['DM-AP-1', 11]]);
    assert.match(found[0]!.message, /Feature DM-AP-1 has no "due"/);
  });
  test('a missing name', () => {
    const found = codes(check(consistent.replace('    name: HSC reprocessing\n', '')), 'schema');
    assert.deepEqual(found.map((problem) => problem.text), ['LDM-503-02']);
  });
  test('a wrong type sits on the value', () => {
    const found = codes(check(consistent.replace('    features:\n      - DM-AP-1', '    level: two\n    features:\n      - DM-AP-1')), 'schema');
    assert.deepEqual(found.map((problem) => problem.text), ['two']);
    assert.match(found[0]!.message, /"level" of milestone LDM-503-02 must be a whole number/);
  });
  test('an unknown top-level key', () => {
    const found = codes(check(`${consistent}milestone:\n  X: 1\n`), 'schema');
    assert.deepEqual(found.map((problem) => problem.text), ['milestone']);
  });
  test('an invalid ID', () => {
    const found = codes(check(consistent.replace('  DM-AP-1:\n', '  -DM-AP-1:\n').replace('      - DM-AP-1', '      - "-DM-AP-1"')), 'schema');
    assert.ok(found.some((problem) => problem.text === '-DM-AP-1' && /not a valid ID/.test(problem.message)), JSON.stringify(found));
  });
  test('a plan that is a list', () => {
    const found = codes(check(`- a\n- b\n`), 'schema');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.line, 1);
  });
});

describe('invalid-date', () => {
  for (const [value, pattern] of [
    ['2021-02-30', /not a real day: February 2021 has 28 days/],
    ['2021-13-01', /no month 13/],
    ['2021-7-1', /did you mean 2021-07-01/],
    ['"01/07/2021"', /write it as YYYY-MM-DD/],
    ['20210701', /write it as YYYY-MM-DD/],
  ] as const) {
    test(`${value}`, () => {
      const found = codes(check(consistent.replace('    due: 2017-11-01', `    due: ${value}`)), 'invalid-date');
      assert.deepEqual(found.map((problem) => problem.text), [value]);
      assert.match(found[0]!.message, pattern);
    });
  }
  test('a leap day is a real day, quoted or not', () => {
    assert.deepEqual(codes(check(consistent.replace('    due: 2017-11-01', '    due: "2016-02-29"')), 'invalid-date'), []);
  });
  test('asOf is checked too', () => {
    const found = codes(check(consistent.replace('asOf: 2021-08-11', 'asOf: 2021-08-32'), { asOf: undefined }), 'invalid-date');
    assert.deepEqual(found.map((problem) => problem.text), ['2021-08-32']);
  });
});

describe('duplicate-id', () => {
  test('twice in one map, both places reported', () => {
    const text = consistent + `  DM-AP-1:\n    name: again\n    due: 2017-11-01\n    completed: 2017-11-01\n`;
    const found = codes(check(text), 'duplicate-id');
    assert.deepEqual(found.map((problem) => [problem.text, problem.line]), [['DM-AP-1', 11], ['DM-AP-1', 15]]);
    assert.match(found[0]!.message, /also as feature at a\.milestones\.yaml:15/);
  });
  test('across the two maps', () => {
    const text = consistent + `  LDM-503-02:\n    name: a feature named like a milestone\n    due: 2017-11-01\n`;
    assert.equal(codes(check(text), 'duplicate-id').length, 2);
  });
  test('across files', () => {
    const workspace = workspaceOf({ 'a.milestones.yaml': consistent, 'b.milestones.yaml': `features:\n  DM-AP-1:\n    name: x\n    due: 2017-01-01\n` }, { asOf: '2021-08-11' });
    const inB = codes(describeProblems(workspace, 'b.milestones.yaml'), 'duplicate-id');
    assert.deepEqual(inB.map((problem) => [problem.text, problem.line]), [['DM-AP-1', 2]]);
    assert.match(inB[0]!.message, /a\.milestones\.yaml:11/);
  });
});

describe('unknown-feature', () => {
  test('with a suggestion', () => {
    const found = codes(check(consistent.replace('      - DM-AP-1', '      - DM-AP-1\n      - DM-AP-l')), 'unknown-feature');
    assert.deepEqual(found.map((problem) => [problem.text, problem.line]), [['DM-AP-l', 10]]);
    assert.match(found[0]!.message, /LDM-503-02 lists DM-AP-l, which no plan defines: did you mean DM-AP-1\?/);
  });
  test('defined in another file is known', () => {
    const workspace = workspaceOf(
      {
        'a.milestones.yaml': `milestones:\n  M-1:\n    name: x\n    due: 2021-01-01\n    features: [F-1]\n`,
        'b.milestones.yaml': `features:\n  F-1:\n    name: y\n    due: 2020-01-01\n`,
      },
      { asOf: '2019-01-01' },
    );
    assert.deepEqual(describeProblems(workspace, 'a.milestones.yaml'), []);
    assert.deepEqual(describeProblems(workspace, 'b.milestones.yaml'), []);
  });
});

describe('duplicate-feature', () => {
  test('the repeat is reported, once', () => {
    const found = codes(check(consistent.replace('      - DM-AP-1', '      - DM-AP-1\n      - DM-AP-1')), 'duplicate-feature');
    assert.deepEqual(found.map((problem) => [problem.text, problem.line, problem.severity]), [['DM-AP-1', 10, 'warning']]);
  });
});

/** A milestone listing one feature, with the given date lines of each. */
const pair = (milestone: string, feature: string) => `asOf: 2021-08-11
milestones:
  LDM-503-05:
    name: Alert distribution validation
${milestone}    features:
      - DM-NCSA-8
features:
  DM-NCSA-8:
    name: Alert Filtering Service receives alert streams
${feature}`;

describe('the three pair checks', () => {
  test('due after the milestone and open in a completed milestone', () => {
    const found = check(pair('    due: 2018-07-17\n    completed: 2018-07-17\n', '    due: 2021-07-01\n'));
    const due = codes(found, 'feature-due-after-milestone');
    assert.deepEqual(due.map((problem) => [problem.text, problem.line, problem.severity]), [['DM-NCSA-8', 8, 'warning']]);
    assert.equal(due[0]!.message, 'DM-NCSA-8 is due 2021-07-01, after LDM-503-05 (due 2018-07-17).');
    const open = codes(found, 'feature-open-in-completed-milestone');
    assert.deepEqual(open.map((problem) => [problem.text, problem.line]), [['DM-NCSA-8', 8]]);
    assert.match(open[0]!.message, /LDM-503-05 was completed 2018-07-17, but DM-NCSA-8 \(due 2021-07-01\) is not completed/);
    assert.deepEqual(codes(found, 'feature-completed-after-milestone'), []);
  });
  test('completed after the milestone', () => {
    const found = check(pair('    due: 2018-07-17\n    completed: 2018-07-17\n', '    due: 2018-07-01\n    completed: 2018-08-01\n'));
    assert.deepEqual(found.map((problem) => problem.code), ['feature-completed-after-milestone']);
    assert.match(found[0]!.message, /DM-NCSA-8 was completed 2018-08-01, after LDM-503-05 \(completed 2018-07-17\)/);
  });
  test('on the same day is fine', () => {
    assert.deepEqual(check(pair('    due: 2018-07-17\n    completed: 2018-07-17\n', '    due: 2018-07-17\n    completed: 2018-07-17\n')), []);
  });
});

describe('forecasts in the pair checks', () => {
  test("a feature's forecast after the milestone's due date: the message says the forecast was used", () => {
    const found = codes(check(pair('    due: 2021-12-01\n', '    due: 2021-11-01\n    forecast: 2022-02-01\n')), 'feature-due-after-milestone');
    assert.deepEqual(found.map((problem) => [problem.text, problem.message]), [['DM-NCSA-8', 'DM-NCSA-8 is forecast 2022-02-01, after LDM-503-05 (due 2021-12-01).']]);
  });
  test("the milestone's forecast counts too: a feature due after the baseline but before the forecast is fine", () => {
    assert.deepEqual(codes(check(pair('    due: 2021-10-01\n    forecast: 2022-03-01\n', '    due: 2021-11-01\n')), 'feature-due-after-milestone'), []);
    const found = codes(check(pair('    due: 2021-12-01\n    forecast: 2022-01-15\n', '    due: 2021-11-01\n    forecast: 2022-02-01\n')), 'feature-due-after-milestone');
    assert.deepEqual(found.map((problem) => problem.message), ['DM-NCSA-8 is forecast 2022-02-01, after LDM-503-05 (forecast 2022-01-15).']);
  });
  test('a forecast earlier than the due date takes a due-date problem away', () => {
    assert.deepEqual(check(pair('    due: 2021-10-01\n', '    due: 2021-11-01\n    forecast: 2021-09-15\n')), []);
  });
  test('overdue stays on the due date, whatever the forecast', () => {
    const found = check(pair('    due: 2021-12-01\n', '    due: 2021-07-01\n    forecast: 2021-11-01\n'));
    assert.deepEqual(found.map((problem) => [problem.code, problem.text]), [['overdue', 'DM-NCSA-8']]);
  });
  test('a forecast that is not a date is an invalid-date error; an empty one is allowed', () => {
    const found = check(pair('    due: 2021-12-01\n    forecast:\n', '    due: 2021-11-01\n    forecast: 2021-11-31\n'));
    assert.deepEqual(found.map((problem) => [problem.code, problem.text, problem.message]), [['invalid-date', '2021-11-31', '"2021-11-31" is not a real day: November 2021 has 30 days.']]);
  });
});

describe('slipped', () => {
  const slipping = `asOf: 2021-08-11
milestones:
  LDM-503-11:
    name: Alert production at scale
    due: 2021-12-01
    forecast: 2022-01-30
  LDM-503-12:
    name: Done, late
    due: 2021-01-01
    forecast: 2021-06-01
    completed: 2021-06-01
  LDM-503-13:
    name: Early
    due: 2021-12-01
    forecast: 2021-11-01
`;
  test('off by default', () => {
    assert.deepEqual(check(slipping), []);
  });
  test('when on: an open item whose forecast is later than its due date by more than the threshold, on the forecast', () => {
    const found = codes(check(slipping, { rules: { slipped: 'information' } }), 'slipped');
    assert.deepEqual(found.map((problem) => [problem.text, problem.line, problem.severity, problem.message]), [
      ['2022-01-30', 6, 'information', 'Milestone LDM-503-11 is forecast 2022-01-30, 60 days after its due date 2021-12-01 (milestones.slipThresholdDays is 0).'],
    ]);
    const within = { rules: { slipped: 'information' as const }, slipThresholdDays: 60 };
    assert.deepEqual(codes(check(slipping, within), 'slipped'), []);
    const beyond = codes(check(slipping, { ...within, slipThresholdDays: 59 }), 'slipped');
    assert.deepEqual(beyond.map((problem) => problem.message), ['Milestone LDM-503-11 is forecast 2022-01-30, 60 days after its due date 2021-12-01 (more than the 59 days milestones.slipThresholdDays allows).']);
  });
});

describe('completed-in-future and overdue', () => {
  test('a completion after asOf', () => {
    const found = codes(check(consistent.replace('    completed: 2017-11-01', '    completed: 2022-01-01')), 'completed-in-future');
    assert.deepEqual(found.map((problem) => [problem.text, problem.severity]), [['2022-01-01', 'error']]);
  });
  test('not completed and due before asOf', () => {
    const found = codes(check(consistent.replace('    completed: 2017-11-01\n', '').replace('    completed: 2017-12-01\n', '')), 'overdue');
    assert.deepEqual(found.map((problem) => [problem.text, problem.severity]), [['LDM-503-02', 'information'], ['DM-AP-1', 'information']]);
  });
  test('the plan asOf is used, and the setting overrides it', () => {
    const open = consistent.replace('    completed: 2017-11-01\n', '').replace('    completed: 2017-12-01\n', '').replace('2021-08-11', '2017-01-01');
    assert.deepEqual(codes(check(open, { asOf: undefined }), 'overdue'), []);
    assert.equal(codes(check(open, { asOf: '2018-01-01' }), 'overdue').length, 2);
  });
});

describe('unused-feature', () => {
  test('a feature no milestone lists', () => {
    const found = codes(check(consistent + `  DM-AP-2:\n    name: Alard & Lupton-style image differencing.\n    due: 2017-11-01\n    completed: 2017-11-01\n`), 'unused-feature');
    assert.deepEqual(found.map((problem) => [problem.text, problem.severity]), [['DM-AP-2', 'hint']]);
  });
});

describe('unknown-acronym', () => {
  test('in a name and a description, with a suggestion', () => {
    const text = consistent.replace('name: HSC reprocessing', 'name: HSC reprocessing for DP0 and DP9').replace('    features:', '    description: >-\n      Uses the XYZQ service.\n    features:');
    const found = codes(check(text), 'unknown-acronym');
    // DP0 is in the built-in glossary, spelt right (LDM-564's table has DPO).
    assert.deepEqual(found.map((problem) => [problem.text, problem.line]), [['DP9', 5], ['XYZQ', 9]]);
    assert.match(found[0]!.message, /did you mean DP0 \(Data Preview 0\)/);
  });
  test('the plan\'s acronyms and the skip list count', () => {
    const text = consistent.replace('name: HSC reprocessing', 'name: HSC reprocessing with XYZQ and ABCD') + `acronyms:\n  XYZQ: A made-up service\n`;
    const found = codes(check(text, { skipAcronyms: ['ABCD'] }), 'unknown-acronym');
    assert.deepEqual(found, []);
  });
  test('IDs are not free text', () => {
    assert.deepEqual(codes(check(consistent.replace('LDM-503-02', 'QQQ-503-02')), 'unknown-acronym'), []);
  });
});

describe('settings and suppression', () => {
  const open = consistent.replace('    completed: 2017-11-01\n', '');
  test('a rule can be turned off or made an error', () => {
    assert.deepEqual(codes(check(open, { rules: { 'feature-open-in-completed-milestone': 'off', overdue: 'off' } })), []);
    const found = check(open, { rules: { 'feature-open-in-completed-milestone': 'error' } });
    assert.equal(codes(found, 'feature-open-in-completed-milestone')[0]!.severity, 'error');
  });
  test('# milestones-disable-next-line silences one place, for the codes it names', () => {
    const silenced = open.replace('      - DM-AP-1', '      # milestones-disable-next-line feature-open-in-completed-milestone\n      - DM-AP-1');
    assert.deepEqual(codes(check(silenced), 'feature-open-in-completed-milestone'), []);
    const other = open.replace('      - DM-AP-1', '      # milestones-disable-next-line overdue\n      - DM-AP-1');
    assert.equal(codes(check(other), 'feature-open-in-completed-milestone').length, 1);
  });
});

describe('bad input', () => {
  test('binary bytes and NUL', () => {
    const found = check(`milestones:\n  M-1:\n    name: "a\u0000b"\n    due: 2021-01-01\n\u0001\u0002\u0003`);
    assert.ok(found.length > 0);
  });
  test('an alias bomb is bounded', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 10; level++) bomb.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
    // Bounded, not timed: the expansion stops at its limit and says so (unbounded, it would not end).
    const found = check(bomb.join('\n'));
    assert.ok(found.some((problem) => problem.code === 'yaml-syntax' && /Aliases expand to more than 10000 nodes/.test(problem.message)), JSON.stringify(found));
  });
  test('a file over the size limit gets one problem', () => {
    const found = check(consistent.repeat(3), { maxFileSize: 100 });
    assert.deepEqual(found.map((problem) => [problem.code, problem.line]), [['file-too-large', 1]]);
  });
  test('an empty file and a comment-only file have no problems', () => {
    assert.deepEqual(check(''), []);
    assert.deepEqual(check('# nothing yet\n'), []);
  });
});
