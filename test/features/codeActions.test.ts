// Quick fixes and fix-all (server/src/service/features/codeActions.ts) in memory: a plan with `|`
// on a problem, the fixes offered there, and the plan after one is applied with applyEdits.
// (test/code-actions/ holds the golden files run through a real server.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { createPlanService } from '../../server/src/service';
import { today } from '../../server/src/service/text/dates';
import { applyEdits } from '../../server/src/service/text/edits';
import { atCursor, edited, openPlan, otherUri, planUri, type PlanOptions } from '../helpers/cursor';

const localUri = 'file:///plans/data/local.yaml';

/** The titles of the fixes offered at the cursor, the preferred one marked with `*`. */
function titles(marked: string, options?: PlanOptions): string[] {
  const { service, uri, offset } = atCursor(marked, options);
  return service.codeActions(uri, { start: offset, end: offset }).map((action) => `${action.isPreferred ? '*' : ''}${action.title}`);
}

/** The plans after the fix titled `title` at the cursor: the text of each file it edits, by name. */
function fixed(marked: string, title: string, options?: PlanOptions): Record<string, string> {
  const { service, uri, offset } = atCursor(marked, options);
  const actions = service.codeActions(uri, { start: offset, end: offset });
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no fix "${title}" among ${JSON.stringify(actions.map((candidate) => candidate.title))}`);
  const result: Record<string, string> = {};
  for (const [file, edits] of action.edits) result[file === planUri ? 'a' : file === otherUri ? 'b' : file] = edited(service, file, edits);
  return result;
}

describe('quick fixes', () => {
  test('a date not written as YYYY-MM-DD, keeping its quotes and its comment', () => {
    const plan = `milestones:\n  M-1:\n    name: x\n    due: "2021-7-|1"   # agreed in June\n`;
    assert.deepEqual(titles(plan), ['*Change to 2021-07-01', 'Silence invalid-date on this line']);
    assert.deepEqual(fixed(plan, 'Change to 2021-07-01'), { a: `milestones:\n  M-1:\n    name: x\n    due: "2021-07-01"   # agreed in June\n` });
  });

  test('a feature due after its milestone: move either date, in its own file, or remove the feature', () => {
    const releases = `asOf: 2021-08-11
milestones:
  LDM-503-05:
    name: Alert distribution validation
    due: 2018-07-17
    features:
      - DM-NCSA-|8   # filtering
      - DM-NCSA-9
`;
    const features = `features:
  DM-NCSA-8:
    name: Alert Filtering Service
    due: 2021-07-01
  DM-NCSA-9:
    name: Test instance
    due: 2018-05-31
`;
    assert.deepEqual(titles(releases, { other: features }), ["Move LDM-503-05's due date to 2021-07-01", "Move DM-NCSA-8's due date to 2018-07-17", 'Remove DM-NCSA-8 from LDM-503-05', 'Silence feature-due-after-milestone on this line']);
    assert.deepEqual(fixed(releases, "Move LDM-503-05's due date to 2021-07-01", { other: features }), { a: releases.replace('|', '').replace('due: 2018-07-17', 'due: 2021-07-01') });
    assert.deepEqual(fixed(releases, "Move DM-NCSA-8's due date to 2018-07-17", { other: features }), { b: features.replace('due: 2021-07-01', 'due: 2018-07-17') });
    assert.deepEqual(fixed(releases, 'Remove DM-NCSA-8 from LDM-503-05', { other: features }), { a: releases.replace('      - DM-NCSA-|8   # filtering\n', '') });
    assert.deepEqual(fixed(releases, 'Silence feature-due-after-milestone on this line', { other: features }), {
      a: releases.replace('      - DM-NCSA-|8', '      # milestones-disable-next-line feature-due-after-milestone\n      - DM-NCSA-8'),
    });
  });

  test('a feature forecast after its milestone: the fixes move the dates the check compared', () => {
    const plan = `asOf: 2021-08-11
milestones:
  M-1:
    name: Release
    due: 2021-12-01
    features: [F-|1]
features:
  F-1:
    name: Late
    due: 2021-11-01
    forecast: 2022-01-10   # after the review
`;
    assert.deepEqual(titles(plan).slice(0, 2), ["Move M-1's due date to 2022-01-10", "Move F-1's forecast to 2021-12-01"]);
    assert.deepEqual(fixed(plan, "Move F-1's forecast to 2021-12-01"), { a: plan.replace('|', '').replace('forecast: 2022-01-10', 'forecast: 2021-12-01') });
  });

  test('an item forecast before its predecessor: the fixes move the dates the check compared', () => {
    const plan = `milestones:\n  M-1:\n    name: First\n    due: 2021-09-01\n    forecast: 2021-12-15\n  M-2:\n    name: Second\n    due: 2021-12-01\n    predecessors: [M-|1]\n`;
    assert.deepEqual(titles(plan).slice(0, 2), ["Move M-2's due date to 2021-12-15", "Move M-1's forecast to 2021-12-01"]);
    assert.deepEqual(fixed(plan, "Move M-1's forecast to 2021-12-01"), { a: plan.replace('|', '').replace('forecast: 2021-12-15', 'forecast: 2021-12-01') });
  });

  test('an open feature in a completed milestone: complete the feature on that date, or reopen the milestone', () => {
    const plan = `asOf: 2021-08-11
milestones:
  LDM-503-05:
    name: Alert distribution validation
    due: 2021-07-17
    completed: 2021-07-17
    features: [DM-NCSA-|8]
features:
  DM-NCSA-8:
    name: Alert Filtering Service
    due: 2021-07-01
`;
    assert.deepEqual(titles(plan), ['Mark DM-NCSA-8 completed on 2021-07-17', 'Reopen LDM-503-05', 'Remove DM-NCSA-8 from LDM-503-05', 'Silence feature-open-in-completed-milestone on this line']);
    assert.deepEqual(fixed(plan, 'Mark DM-NCSA-8 completed on 2021-07-17'), { a: `${plan.replace('|', '')}    completed: 2021-07-17\n` });
    assert.deepEqual(fixed(plan, 'Reopen LDM-503-05'), { a: plan.replace('|', '').replace('    completed: 2021-07-17\n', '') });
    assert.deepEqual(fixed(plan, 'Remove DM-NCSA-8 from LDM-503-05'), { a: plan.replace('[DM-NCSA-|8]', '[]') });
  });

  test('an unknown feature: the close matches, the closest preferred, or a stub feature due with its milestone', () => {
    const plan = `milestones:
  LDM-503-05:
    name: Alert distribution validation
    due: 2018-07-17
    features: [DM-NCSA-9, DM-NCSA-|99]
features:
  DM-NCSA-9:
    name: Test instance
    due: 2018-05-31
  DM-NCSA-8:
    name: Alert Filtering Service
    due: 2018-07-01
`;
    assert.deepEqual(titles(plan), ['*Replace with DM-NCSA-9', 'Replace with DM-NCSA-8', 'Create feature DM-NCSA-99', 'Silence unknown-feature on this line']);
    assert.deepEqual(fixed(plan, 'Replace with DM-NCSA-8'), { a: plan.replace('DM-NCSA-|99', 'DM-NCSA-8') });
    assert.deepEqual(fixed(plan, 'Create feature DM-NCSA-99'), { a: `${plan.replace('|', '')}  DM-NCSA-99:\n    name: to be described\n    due: 2018-07-17\n` });
  });

  test('a repeated feature in a flow list goes with its comma', () => {
    const plan = `milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n    features: [F-1, F-2, F-|1]\nfeatures:\n  F-1: {name: one, due: 2021-07-01}\n  F-2: {name: two, due: 2021-07-01}\n`;
    assert.deepEqual(titles(plan), ['*Remove the repeated feature', 'Silence duplicate-feature on this line']);
    assert.deepEqual(fixed(plan, 'Remove the repeated feature'), { a: plan.replace('[F-1, F-2, F-|1]', '[F-1, F-2]') });
  });

  test('an unknown acronym: the close term, or add it to the plan', () => {
    const plan = `milestones:\n  M-1:\n    name: The AP and the DRPP|\n    due: 2030-01-01\nacronyms:\n  AP: Alert Production\n`;
    assert.deepEqual(titles(plan), ['*Replace with DRP', "Add DRPP to this plan's acronyms", 'Silence unknown-acronym on this line']);
    assert.deepEqual(fixed(plan, 'Replace with DRP'), { a: plan.replace('DRPP|', 'DRP') });
    assert.deepEqual(fixed(plan, "Add DRPP to this plan's acronyms"), { a: `${plan.replace('|', '')}  DRPP: TODO define DRPP\n` });
  });

  test("an overdue item: completed on the plan's asOf date, which is past, or today; in a flow map, inside its braces", () => {
    const plan = `asOf: 2021-08-11\nfeatures:\n  DM-NCSA-|8: {name: Alert Filtering Service, due: 2021-07-01}\n`;
    assert.deepEqual(titles(plan), ['Mark DM-NCSA-8 completed on 2021-08-11 (as of)', `Mark DM-NCSA-8 completed today (${today()})`, 'Silence overdue on this line', 'Silence unused-feature on this line']);
    assert.deepEqual(fixed(plan, 'Mark DM-NCSA-8 completed on 2021-08-11 (as of)'), { a: plan.replace('|', '').replace('due: 2021-07-01}', 'due: 2021-07-01, completed: 2021-08-11}') });
  });

  test('a misspelt key, in a plan with CR LF line ends that stay', () => {
    const plan = `milestones:\r\n  M-1:\r\n    name: x\r\n    due: 2021-08-01\r\n    complted|: 2021-08-01\r\n`;
    assert.deepEqual(titles(plan, { settings: { asOf: '2021-08-11' } }), ['*Rename to completed', 'Silence schema on this line']);
    assert.deepEqual(fixed(plan, 'Rename to completed', { settings: { asOf: '2021-08-11' } }), { a: plan.replace('complted|', 'completed') });
    assert.deepEqual(fixed(plan, 'Silence schema on this line', { settings: { asOf: '2021-08-11' } }), { a: plan.replace('    complted|', '    # milestones-disable-next-line schema\r\n    complted') });
  });
});

describe('adding an unknown acronym to the glossary file', () => {
  const header = 'Term,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type';
  /** The glossary after "Add COOB to NAME", and the text selected for the definition. */
  function addCoob(name: string, glossary: string): { text: string; selected: string } {
    const { service, uri, offset } = atCursor(`milestones:\n  M-1:\n    name: Bench the COOB|\n    due: 2030-01-01\n`);
    const glossaryUri = `file:///plans/${name}`;
    const actions = service.codeActions(uri, { start: offset, end: offset }, { glossaryFile: { uri: glossaryUri, name, text: glossary } });
    const action = actions.find((candidate) => candidate.title === `Add COOB to ${name}`);
    assert.ok(action, JSON.stringify(actions.map((candidate) => candidate.title)));
    const text = applyEdits(glossary, action.edits.get(glossaryUri)!);
    assert.equal(action.select!.uri, glossaryUri);
    return { text, selected: text.slice(action.select!.span.start, action.select!.span.end) };
  }

  test('a sorted CSV with CR LF and a byte-order mark: the row goes where it sorts among the rows of Type A, line ends kept, the definition selected', () => {
    const glossary = `\uFEFF${header}\r\nCCD,Charge-Coupled Device,Camera,,,A\r\nComCam,Commissioning Camera,Camera,,,A\r\ncoord,"coordinate, as in code",DM,,,G\r\nDM,Data Management,DM,,,A\r\n`;
    assert.deepEqual(addCoob('glossarydefs.csv', glossary), {
      text: `\uFEFF${header}\r\nCCD,Charge-Coupled Device,Camera,,,A\r\nComCam,Commissioning Camera,Camera,,,A\r\ncoord,"coordinate, as in code",DM,,,G\r\nCOOB,TODO define COOB,,,,A\r\nDM,Data Management,DM,,,A\r\n`,
      selected: 'TODO define COOB',
    });
  });

  test("LSST's layout, the acronyms sorted (but for a pair out of place) and then the glossary terms: the row goes among the acronyms", () => {
    const acronyms = ['AP', 'BBB', 'CAM', 'CCD', 'CDR', 'CI', 'CSC', 'DAQ', 'DMS', 'DP0', 'DRP', 'EFD', 'FWHM', 'HSC', 'ISR', 'LSP', 'OCS', 'PSF', 'QA', 'SAL', 'T/CAM', 'T&S', 'TMA', 'WAL', 'WAAS', 'ZZ'].map((term) => `${term},The ${term},,,,A`);
    const terms = ['Alert', 'Butler', 'Coadd'].map((term) => `${term},"A ${term}, the word",DM,,,G`);
    const glossary = `${header}\n${[...acronyms, ...terms].join('\n')}\n`;
    const lines = addCoob('glossarydefs.csv', glossary).text.split('\n');
    assert.deepEqual(lines.slice(5, 9), ['CDR,The CDR,,,,A', 'CI,The CI,,,,A', 'COOB,TODO define COOB,,,,A', 'CSC,The CSC,,,,A']);
    // A term after every acronym goes after the last of them, before the glossary terms.
    const { service, uri, offset } = atCursor(`milestones:\n  M-1:\n    name: Bench the ZZZ|\n    due: 2030-01-01\n`);
    const action = service.codeActions(uri, { start: offset, end: offset }, { glossaryFile: { uri: 'file:///g.csv', name: 'glossarydefs.csv', text: glossary } }).find((candidate) => candidate.title === 'Add ZZZ to glossarydefs.csv')!;
    assert.deepEqual(applyEdits(glossary, action.edits.get('file:///g.csv')!).split('\n').slice(26, 29), ['ZZ,The ZZ,,,,A', 'ZZZ,TODO define ZZZ,,,,A', 'Alert,"A Alert, the word",DM,,,G']);
  });

  test('a CSV with old Mac line ends (CR alone) and a description over two lines: the row between rows, in CR', () => {
    const glossary = `${header}\rAP,"Alert\rProduction",DM,,,A\rDM,Data Management,DM,,,A\r`;
    assert.deepEqual(addCoob('glossarydefs.csv', glossary), {
      text: `${header}\rAP,"Alert\rProduction",DM,,,A\rCOOB,TODO define COOB,,,,A\rDM,Data Management,DM,,,A\r`,
      selected: 'TODO define COOB',
    });
  });

  test('a CSV not in order, in its own columns, without a last line break: added at the end', () => {
    const glossary = `Type,Term,Description\nA,DM,Data Management\nA,AP,Alert Production`;
    assert.deepEqual(addCoob('terms.csv', glossary), { text: `${glossary}\nA,COOB,TODO define COOB\n`, selected: 'TODO define COOB' });
  });

  test('a CSV sorted by code units, and one with its last row before the term', () => {
    assert.equal(addCoob('g.csv', `Term,Description\nCCD,x\nDM,y\ncoord,z\n`).text, `Term,Description\nCCD,x\nCOOB,TODO define COOB\nDM,y\ncoord,z\n`);
    assert.equal(addCoob('g.csv', `Term,Description\nAP,x\nCCD,y\n`).text, `Term,Description\nAP,x\nCCD,y\nCOOB,TODO define COOB\n`);
  });

  test('a YAML glossary and a TERM:definition file: appended, the definition selected', () => {
    assert.deepEqual(addCoob('terms.yaml', 'AP: Alert Production\r\n'), { text: 'AP: Alert Production\r\nCOOB: TODO define COOB\r\n', selected: 'TODO define COOB' });
    assert.deepEqual(addCoob('myacronyms.txt', 'AP:Alert Production'), { text: 'AP:Alert Production\nCOOB:TODO define COOB\n', selected: 'TODO define COOB' });
  });
});

describe('fix all', () => {
  test('every fix with one obvious answer, in one edit: dates, repeated features, a misspelt ID or key with one close match', () => {
    const plan = `asOf: 2021-08-11
milestones:
  LDM-503-05:   # the alert milestone
    name: Alert distribution validation
    due: 2018-7-17
    features:
      - DM-NCSA-9
      - DM-NCSA-9
      - DM-AP-01
    levle: 2
features:
  DM-NCSA-9:
    name: Test instance
    due: 2018-05-31
    completed: 2018-05-31
  DM-AP-1:
    name: Basic single frame measurement pipeline.
    due: 2018-07-01
    completed: 2018-07-1
`;
    const { service, uri } = openPlan(plan);
    const action = service.fixAll(uri)!;
    assert.equal(action.title, 'Fix all obvious problems (5)');
    assert.equal(action.kind, 'source.fixAll.milestones');
    assert.deepEqual([...action.edits.keys()], [uri]);
    assert.equal(
      edited(service, uri, action.edits.get(uri)),
      `asOf: 2021-08-11
milestones:
  LDM-503-05:   # the alert milestone
    name: Alert distribution validation
    due: 2018-07-17
    features:
      - DM-NCSA-9
      - DM-AP-1
    level: 2
features:
  DM-NCSA-9:
    name: Test instance
    due: 2018-05-31
    completed: 2018-05-31
  DM-AP-1:
    name: Basic single frame measurement pipeline.
    due: 2018-07-01
    completed: 2018-07-01
`,
    );
  });

  test('a misspelt ID whose one close match the milestone lists already is left to the user: replacing it would list that feature twice', () => {
    const { service, uri } = openPlan(`milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n    features: [F-1, F-11, F-2]\nfeatures:\n  F-1: {name: one, due: 2021-07-01}\n  F-2: {name: two, due: 2021-07-01}\n`);
    assert.equal(service.fixAll(uri), undefined);
  });

  test('nothing to fix: no action; an unknown ID with two close matches is left to the user', () => {
    const { service, uri } = openPlan(`milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n    features: [F-3]\nfeatures:\n  F-1: {name: one, due: 2021-07-01}\n  F-2: {name: two, due: 2021-07-01}\n`);
    assert.equal(service.fixAll(uri), undefined);
  });
});

describe('quick fixes in an overrides file', () => {
  test('an unknown acronym in a description: the close term, the glossary file, the skip list, or silence it', () => {
    const text = 'A4369.9:\n  description: The DRPP team\n';
    const service = createPlanService();
    service.setOverridesFile('file:///repo/data/local.yaml', text);
    const offset = text.indexOf('DRPP') + 1;
    const targets = { glossaryFile: { uri: 'file:///repo/myacronyms.txt', name: 'myacronyms.txt', text: 'AP:Alert Production\n' }, skipFile: { uri: 'file:///repo/skip.txt', name: 'skip.txt', text: '' } };
    const actions = service.codeActions('file:///repo/data/local.yaml', { start: offset, end: offset }, targets);
    assert.deepEqual(actions.map((action) => `${action.isPreferred ? '*' : ''}${action.title}`), ['*Replace with DRP', 'Add DRPP to myacronyms.txt', 'Add DRPP to the skip list skip.txt', 'Silence unknown-acronym on this line']);
    assert.equal(applyEdits(text, actions[0]!.edits.get('file:///repo/data/local.yaml')!), text.replace('DRPP', 'DRP'));
    assert.equal(applyEdits(text, actions[3]!.edits.get('file:///repo/data/local.yaml')!), 'A4369.9:\n  # milestones-disable-next-line unknown-acronym\n  description: The DRPP team\n');
    assert.equal(applyEdits(targets.glossaryFile.text, actions[1]!.edits.get(targets.glossaryFile.uri)!), 'AP:Alert Production\nDRPP:TODO define DRPP\n');
  });
});

describe('fixes that keep the file valid (cases the property test found)', () => {
  /** The service's problems after `text` replaces the plan. */
  const problemsOf = (text: string) => openPlan(text).service.problems(planUri).map((problem) => problem.code);

  test('silencing a problem on the second line of a wrapped description: the comment goes above the description, and silences it', () => {
    const plan = `milestones:\n  M-1:\n    name: x\n    due: 2030-01-01\n    description: The first line\n      with ZZQX| here.\nacronyms:\n  AP: Alert Production\n`;
    const result = fixed(plan, 'Silence unknown-acronym on this line').a!;
    assert.equal(result, plan.replace('|', '').replace('    description:', '    # milestones-disable-next-line unknown-acronym\n    description:'));
    assert.deepEqual(parse(result), parse(plan.replace('|', '')));
    assert.deepEqual(problemsOf(result), []);
  });

  test("silencing a problem in a folded description and on an overrides file's wrapped description, in CR LF", () => {
    const plan = `milestones:\r\n  M-1:\r\n    name: x\r\n    due: 2030-01-01\r\n    description: >-\r\n      The first line\r\n      with ZZQX| here.\r\n`;
    const result = fixed(plan, 'Silence unknown-acronym on this line').a!;
    assert.equal(result, plan.replace('|', '').replace('    description:', '    # milestones-disable-next-line unknown-acronym\r\n    description:'));
    assert.deepEqual(problemsOf(result), []);
    const text = 'M-1:\r\n  description: Rubin wrapped\r\n    with ZZQX here.\r\n';
    const service = createPlanService();
    service.setFile(planUri, 'milestones:\n  M-1: {name: x, due: 2030-01-01}\n');
    service.setOverridesFile(localUri, text);
    const offset = text.indexOf('ZZQX');
    const silence = service.codeActions(localUri, { start: offset, end: offset }).find((action) => action.title === 'Silence unknown-acronym on this line')!;
    const after = applyEdits(text, silence.edits.get(localUri)!);
    assert.equal(after, 'M-1:\r\n  # milestones-disable-next-line unknown-acronym\r\n  description: Rubin wrapped\r\n    with ZZQX here.\r\n');
    service.setOverridesFile(localUri, after);
    assert.deepEqual(service.problems(localUri), []);
  });

  test('silencing a problem on the first line of a file that starts with a byte-order mark: the comment after the mark, the key below it read as before', () => {
    const service = createPlanService();
    service.setFile(planUri, 'milestones:\n  M-1: {name: x, due: 2030-01-01}\n');
    const text = '\uFEFFM-1x:\n  due: 2030-02-01\n';
    service.setOverridesFile(localUri, text);
    const silence = service.codeActions(localUri, { start: 1, end: 1 }).find((action) => action.title === 'Silence unknown-override on this line')!;
    const after = applyEdits(text, silence.edits.get(localUri)!);
    assert.equal(after, '\uFEFF# milestones-disable-next-line unknown-override\nM-1x:\n  due: 2030-02-01\n');
    assert.deepEqual(Object.keys(parse(after) as object), ['M-1x']);
    service.setOverridesFile(localUri, after);
    assert.deepEqual(service.problems(localUri), []);
  });

  test('silencing a second rule on a line whose line above silences one: the code joins that comment, which keeps silencing the first', () => {
    const plan = `asOf: 2021-08-11\nfeatures:\n  # milestones-disable-next-line overdue\n  F-|1: {name: one, due: 2021-07-01}\n`;
    assert.deepEqual(problemsOf(plan.replace('|', '')), ['unused-feature']);
    const result = fixed(plan, 'Silence unused-feature on this line').a!;
    assert.equal(result, plan.replace('|', '').replace('next-line overdue', 'next-line overdue, unused-feature'));
    assert.deepEqual(problemsOf(result), []);
  });

  test('removing the last ID of a flow list written over two lines keeps its line break (a comma before the bracket is allowed)', () => {
    const plan = `milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n    features: [F-1, F-1,\n      F-|1]\nfeatures:\n  F-1: {name: one, due: 2021-07-01}\n`;
    const result = fixed(plan, 'Remove the repeated feature').a!;
    assert.equal(result, plan.replace('F-|1]', ']'));
    assert.deepEqual((parse(result) as { milestones: Record<string, { features: string[] }> }).milestones['M-1']!.features, ['F-1', 'F-1']);
  });

  test("adding an acronym to a plan whose acronyms are an empty flow map, nothing, or null: inside that map, not a second 'acronyms' key", () => {
    const head = `milestones:\n  M-1:\n    name: The DRPP| team\n    due: 2030-01-01\n`;
    const cases: [string, string][] = [
      ['acronyms: {} # none yet\n', 'acronyms: {DRPP: TODO define DRPP} # none yet\n'],
      ['acronyms: {AP: Alert Production}\n', 'acronyms: {AP: Alert Production, DRPP: TODO define DRPP}\n'],
      ['acronyms: # none yet\n', 'acronyms: # none yet\n  DRPP: TODO define DRPP\n'],
      ['acronyms: null\n', 'acronyms: {DRPP: TODO define DRPP}\n'],
    ];
    for (const [acronyms, expected] of cases) {
      const result = fixed(head + acronyms, "Add DRPP to this plan's acronyms").a!;
      assert.equal(result, head.replace('|', '') + expected, acronyms);
      assert.deepEqual(problemsOf(result), [], acronyms);
    }
  });

  test('a date with an anchor that other dates alias is not moved by a fix or a move: that would move them all', () => {
    const plan = `milestones:\n  M-1:\n    name: one\n    due: &release 2021-06-01\n    features: [F-|1]\n  M-2:\n    name: two\n    due: *release\nfeatures:\n  F-1: {name: f, due: 2021-07-01}\n`;
    assert.deepEqual(titles(plan), ["Move F-1's due date to 2021-06-01", 'Remove F-1 from M-1', 'Silence feature-due-after-milestone on this line']);
    const { service } = openPlan(plan.replace('|', ''));
    const preview = service.previewMove('M-1', 30);
    assert.ok(!('message' in preview));
    assert.match(preview.only.blocked ?? '', /M-1's due cannot be edited/);
  });

  test('an unknown ID listed twice: "Replace with" replaces both listings', () => {
    const plan = `milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n    features: [F-|9, F-9]\n  M-2:\n    name: y\n    due: 2021-09-01\n    predecessors: [M-9, M-9]\nfeatures:\n  F-1: {name: one, due: 2021-07-01}\n`;
    const result = fixed(plan, 'Replace with F-1').a!;
    assert.equal(result, plan.replace('[F-|9, F-9]', '[F-1, F-1]'));
    const predecessors = plan.replace('|', '').replace('[M-9, M-9]', '[M-|9, M-9]');
    assert.equal(fixed(predecessors, 'Replace with M-1').a, predecessors.replace('[M-|9, M-9]', '[M-1, M-1]'));
  });

  test("an overrides file's misspelt code: replaced in its quotes, and not offered where the file has an entry for the right code already", () => {
    const service = createPlanService();
    service.setFile(planUri, 'milestones:\n  M-1: {name: x, due: 2030-01-01}\n  M-2: {name: y, due: 2030-01-01}\n');
    const actions = (text: string) => {
      service.setOverridesFile(localUri, text);
      return service.codeActions(localUri, { start: 1, end: 1 }).filter((action) => action.title.startsWith('Replace'));
    };
    const quoted = "'M-1x':\n  due: 2030-02-01\n";
    assert.equal(applyEdits(quoted, actions(quoted)[0]!.edits.get(localUri)!), "'M-1':\n  due: 2030-02-01\n");
    assert.deepEqual(actions("M-1x:\n  due: 2030-02-01\nM-1:\n  level: 2\n").map((action) => action.title), []);
  });
});
