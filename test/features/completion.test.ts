// Completion (server/src/service/features/completion.ts) in memory: a plan being typed, with `|`
// where the cursor is, and the items offered there in the order the editor shows them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPlanService, type PlanCompletion } from '../../server/src/service';
import { today } from '../../server/src/service/text/dates';
import { atCursor, covered, type PlanOptions } from '../helpers/cursor';
import { linkedReleases } from '../helpers/plans';

interface Offered extends Omit<PlanCompletion, 'replace'> {
  /** The text the item replaces: what has been typed of it. */
  replaces: string;
}

/** The completions at the cursor, ordered as the editor orders them (by sortText, else label). */
function completionsAt(marked: string, options?: PlanOptions): Offered[] {
  const { service, uri, offset } = atCursor(marked, options);
  return service
    .complete(uri, offset)
    .map(({ replace, ...item }) => ({ ...item, replaces: covered(service, uri, replace) }))
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

const labels = (items: Offered[]) => items.map((item) => item.label);

/** The features of the workspace, in a plan of their own. */
const features = `asOf: 2021-08-11
features:
  DM-NCSA-9:
    name: Test instance of alert distribution
    due: 2019-05-31
    completed: 2019-05-31
  DM-NCSA-8:
    name: Alert Filtering Service receives alert streams
    due: 2021-07-01
  DM-AP-1:
    name: Basic single frame measurement pipeline.
    due: 2017-11-01
    completed: 2017-11-01
`;

describe("feature IDs in a milestone's features list", () => {
  test('in a block list: every feature with its name and state, by due date, those already listed last', () => {
    const items = completionsAt(
      `milestones:
  LDM-503-05:
    name: Alert distribution validation   # a comment
    due: 2021-08-01
    features:
      - DM-AP-1
      - |
`,
      { other: features },
    );
    assert.deepEqual(labels(items), ['DM-NCSA-9', 'DM-NCSA-8', 'DM-AP-1']);
    assert.deepEqual(
      items.map((item) => [item.kind, item.detail, item.insertText, item.replaces]),
      [
        ['feature', 'Test instance of alert distribution · ✓ 2019-05-31', 'DM-NCSA-9', ''],
        ['feature', 'Alert Filtering Service receives alert streams · due 2021-07-01 · overdue', 'DM-NCSA-8', ''],
        ['feature', 'Basic single frame measurement pipeline. · ✓ 2017-11-01', 'DM-AP-1', ''],
      ],
    );
  });

  test('in a flow list, replacing what is typed of the ID', () => {
    const items = completionsAt(`milestones:\n  LDM-503-05:\n    name: x\n    due: 2021-08-01\n    features: [DM-NCSA-9, NCSA|]\n`, { other: features });
    assert.deepEqual(labels(items), ['DM-NCSA-8', 'DM-NCSA-9']);
    assert.deepEqual(items.map((item) => item.replaces), ['NCSA', 'NCSA']);
  });

  test('typing any part of an ID or of its name finds the feature; after an opening quote, the quote stays', () => {
    assert.deepEqual(labels(completionsAt(`milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n    features:\n      - filter|\n`, { other: features })), ['DM-NCSA-8']);
    const quoted = completionsAt(`milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n    features:\n      - "DM-AP|\n`, { other: features });
    assert.deepEqual(quoted.map((item) => [item.label, item.replaces]), [['DM-AP-1', 'DM-AP']]);
  });

  test('a list that is not a milestone\'s features gets no IDs', () => {
    assert.deepEqual(completionsAt(`features:\n  F-1:\n    name: x\n    due: 2021-08-01\n    aka:\n      - |\n`, { other: features }), []);
  });
});

describe('acronyms in free text', () => {
  test('after an upper-case letter in a name: the terms that start so, the shortest first, with their meaning', () => {
    const items = completionsAt(`acronyms:\n  DRAGON: Data Reduction And General Operations Node\nmilestones:\n  M-1:\n    name: Alert DR|\n    due: 2021-08-01\n`);
    assert.deepEqual(
      items.map((item) => [item.label, item.kind, item.detail, item.replaces]),
      [
        ['DRP', 'acronym', 'Data Release Production', 'DR'],
        ['DRAGON', 'acronym', 'Data Reduction And General Operations Node', 'DR'],
      ],
    );
  });

  test('in a description written as block text, and in the title', () => {
    assert.deepEqual(labels(completionsAt(`milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n    description: >-\n      Runs the first\n      PS|\n`)), ['PSF']);
    assert.deepEqual(labels(completionsAt(`title: Releases of the DM|\n`)), ['DM', 'DMTN']);
  });

  test('nothing after a lower-case word', () => {
    assert.deepEqual(completionsAt(`milestones:\n  M-1:\n    name: alert dis|\n    due: 2021-08-01\n`), []);
  });

  test('a term with several meanings lists each once, as the hover does', () => {
    const glossaryFile = { name: 'glossarydefs.csv', text: 'Term,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type\nAP,Acceptance Procedure,TS,,,Acronym\n' };
    // The plan's AP and the built-in one say the same: one meaning, and a second from the glossary file.
    const [ap] = completionsAt(`acronyms:\n  AP: Alert Production\nmilestones:\n  M-1:\n    name: The A|\n    due: 2021-08-01\n`, { glossaryFile });
    assert.equal(ap!.label, 'AP');
    assert.equal(ap!.detail, 'Alert Production');
    assert.equal(ap!.documentation, '- Alert Production\n- Acceptance Procedure (TS)');
    // Without the glossary file there is one meaning, given in the detail alone.
    const [alone] = completionsAt(`acronyms:\n  AP: Alert Production\nmilestones:\n  M-1:\n    name: The A|\n    due: 2021-08-01\n`);
    assert.deepEqual([alone!.label, alone!.detail, alone!.documentation], ['AP', 'Alert Production', undefined]);
  });
});

describe('keys', () => {
  test("a milestone's keys, without those already written, above and below the cursor", () => {
    const items = completionsAt(`milestones:\n  M-1:\n    name: x\n    |\n    due: 2021-08-01\n`);
    assert.deepEqual(labels(items), ['completed', 'description', 'features', 'forecast', 'level', 'predecessors']);
    assert.ok(items.every((item) => item.kind === 'key' && item.replaces === ''));
    assert.equal(items.find((item) => item.label === 'features')!.insertText, 'features:\n      - ');
    assert.equal(items.find((item) => item.label === 'level')!.insertText, 'level: ');
    assert.equal(items.find((item) => item.label === 'predecessors')!.insertText, 'predecessors:\n      - ');
  });

  test('required keys first, and what is typed of the key is replaced', () => {
    const items = completionsAt(`features:\n  F-1:\n    completed: 2021-08-01\n    d|\n`);
    assert.deepEqual(labels(items), ['due', 'name', 'aka', 'description', 'forecast', 'jira', 'predecessors', 'wbs']);
    assert.ok(items.every((item) => item.replaces === 'd'));
  });

  test('keys of the plan at the left margin', () => {
    assert.deepEqual(labels(completionsAt(`document: LDM-564\n|\nmilestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n`)), ['acronyms', 'asOf', 'features', 'title']);
  });

  test('a new milestone or feature as a snippet with its required keys, due today', () => {
    const [milestone] = completionsAt(`milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n  |\n`);
    assert.deepEqual(milestone, {
      label: 'new milestone',
      kind: 'snippet',
      detail: 'A milestone with its required keys',
      insertText: `\${1:ID}:\n    name: \${2:name}\n    due: \${3:${today()}}\n    features:\n      - \${4}`,
      snippet: true,
      replaces: '',
    });
    const [feature] = completionsAt(`features:\n  |\n`);
    assert.equal(feature!.label, 'new feature');
    assert.equal(feature!.insertText, `\${1:ID}:\n    name: \${2:name}\n    due: \${3:${today()}}`);
  });
});

describe('dates', () => {
  const milestones = `asOf: 2021-08-11
milestones:
  LDM-503-05:
    name: Alert distribution validation
    due: 2021-08-01
    completed: 2021-07-30
    features:
      - DM-NCSA-8
  LDM-503-11:
    name: Alert production at scale
    due: 2021-12-01
    features: [DM-NCSA-8]
`;

  test("on a feature's completed: today, the plan's asOf, the dates of the milestones that list it, its own due date", () => {
    const items = completionsAt(`features:\n  DM-NCSA-8:\n    name: Alert Filtering Service\n    due: 2021-07-01\n    completed: 2021-0|\n`, { other: milestones });
    assert.deepEqual(
      items.map((item) => [item.label, item.detail]),
      [
        [today(), 'today'],
        ['2021-08-11', "the plan's asOf"],
        ['2021-08-01', 'due date of LDM-503-05'],
        ['2021-07-30', 'completion of LDM-503-05'],
        ['2021-12-01', 'due date of LDM-503-11'],
        ['2021-07-01', 'its due date'],
      ],
    );
    assert.ok(items.every((item) => item.kind === 'date' && item.replaces === '2021-0'));
  });

  test('on forecast: the due and forecast dates of the milestones that list it, then its own due date', () => {
    const forecasting = milestones.replace('    due: 2021-12-01\n', '    due: 2021-12-01\n    forecast: 2022-02-01\n');
    const items = completionsAt(`features:\n  DM-NCSA-8:\n    name: Alert Filtering Service\n    due: 2021-07-01\n    forecast: |\n`, { other: forecasting });
    assert.deepEqual(
      items.map((item) => [item.label, item.detail]),
      [
        [today(), 'today'],
        ['2021-08-11', "the plan's asOf"],
        ['2021-08-01', 'due date of LDM-503-05'],
        ['2021-12-01', 'due date of LDM-503-11'],
        ['2022-02-01', 'forecast of LDM-503-11'],
        ['2021-07-01', 'its due date'],
      ],
    );
  });

  test('on due: no completion dates, nor its own due date', () => {
    const items = completionsAt(`features:\n  DM-NCSA-8:\n    name: Alert Filtering Service\n    due: |\n`, { other: milestones });
    assert.deepEqual(labels(items), [today(), '2021-08-11', '2021-08-01', '2021-12-01']);
  });
});

describe("IDs in an item's predecessors list", () => {
  const chain = linkedReleases;
  test('milestones and features with name, due and state; those already named, then those that would make a cycle, last and marked', () => {
    const items = completionsAt(chain.replace('    predecessors: [LDM-503-07, DM-DRP-1]\n', '    predecessors:\n      - LDM-503-07\n      - |\n'));
    assert.deepEqual(
      items.map((item) => [item.label, item.kind, item.detail]),
      [
        ['DM-DRP-1', 'feature', 'Single frame processing · due 2018-10-01 · overdue'],
        ['LDM-503-07', 'milestone', 'Camera data processing · ✓ 2018-11-30'],
        ['LDM-503-08', 'milestone', '⚠ would make a cycle · Spectrograph data acquisition · due 2018-12-31 · overdue'],
        ['LDM-503-09', 'milestone', '⚠ would make a cycle · Small scale DRP run · due 2019-01-31 · overdue'],
      ],
    );
  });
  test('in a flow list on a feature, replacing what is typed', () => {
    const items = completionsAt(chain.replace('    due: 2018-10-01\n', '    due: 2018-10-01\n    predecessors: [LDM-503-0|]\n'));
    assert.deepEqual(labels(items), ['LDM-503-07', 'LDM-503-08', 'LDM-503-09']);
    assert.deepEqual(items.map((item) => item.replaces), ['LDM-503-0', 'LDM-503-0', 'LDM-503-0']);
  });
});

describe('in an overrides file', () => {
  /** The labels offered at the `|` of an overrides file. */
  function overridesCompletions(marked: string): string[] {
    const service = createPlanService();
    service.setOverridesFile('file:///repo/data/local.yaml', marked.replace('|', ''));
    return service.complete('file:///repo/data/local.yaml', marked.indexOf('|')).map((item) => item.label);
  }
  test('glossary terms in a description folded over lines, a name and a comment; nothing in other values', () => {
    assert.deepEqual(overridesCompletions('A4369.9:\n  description: Runs on the\n    PS|\n'), ['PSF']);
    assert.deepEqual(overridesCompletions('A4369.9:\n  name: Releases of the DM|\n'), ['DM', 'DMTN']);
    assert.deepEqual(overridesCompletions('A4369.9:\n  comment: Asked by SQ|\n'), ['SQuaRE']);
    assert.deepEqual(overridesCompletions('A4369.9:\n  jira: DM|\n'), []);
  });
});
