// Hover (server/src/service/features/hover.ts) in memory: a plan with `|` where the pointer rests,
// the text the hover covers and the Markdown it shows.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import schema from '../../schemas/milestones.schema.json';
import { createPlanService } from '../../server/src/service';
import { atCursor, covered, openPlan, placeCursor, planUri, type PlanOptions } from '../helpers/cursor';
import { linkedReleases } from '../helpers/plans';

/** The hover at the cursor: the text it covers and its Markdown, or undefined. */
function hoverAt(marked: string, options?: PlanOptions): { covers: string; markdown: string } | undefined {
  const { service, uri, offset } = atCursor(marked, options);
  const hover = service.hover(uri, offset);
  return hover && { covers: covered(service, uri, hover.span), markdown: hover.markdown };
}

const releases = `asOf: 2021-08-11
milestones:
  LDM-503-05:
    name: Alert distribution validation
    due: 2018-07-17
    completed: 2018-07-17
    level: 2
    description: Shows the AP payload.
    features:
      - DM-NCSA-9
      - DM-NCSA-8
      - DM-XX-1
  LDM-503-11:
    name: Alert production at scale
    due: 2021-12-01
    features: [DM-NCSA-8]
features:
  DM-NCSA-9:
    name: Test instance of alert distribution
    due: 2018-05-31
    completed: 2018-05-31
  DM-NCSA-8:
    name: Alert Filtering Service receives alert streams
    due: 2021-07-01
acronyms:
  AP: Alert Production
`;

/** `releases` with the cursor where `marked`, a piece of it with a `|`, says. */
const releasesAt = (marked: string) => placeCursor(releases, marked);

const glossaryCsv = {
  name: 'glossarydefs.csv',
  text: `Term,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type
AP,Acceptance Procedure,TS,,,Acronym
AP,Alert Production,DM,,,Acronym
`,
};

describe('hover on an acronym', () => {
  test("the plan's own meaning applies first, marked ✓; one meaning from several sources is listed once with all of them", () => {
    // The plan, the CSV's DM row and the built-in glossary all say "Alert Production": one line.
    assert.deepEqual(hoverAt(releasesAt('Shows the A|P payload'), { glossaryFile: glossaryCsv, settings: { glossaryTags: ['DM'] } }), {
      covers: 'AP',
      markdown: [
        '**AP** has 2 meanings:',
        '',
        '- Alert Production ✓ _(acronyms of a.milestones.yaml, glossarydefs.csv, built-in glossary (LDM-564) · tags: DM)_',
        '- Acceptance Procedure _(glossarydefs.csv · tags: TS)_',
      ].join('\n'),
    });
  });

  test("tags that choose another CSV row do not override the plan's own meaning", () => {
    const hover = hoverAt(releasesAt('Shows the A|P payload'), { glossaryFile: glossaryCsv, settings: { glossaryTags: ['TS'] } });
    assert.match(hover!.markdown, /^- Alert Production ✓ _\(acronyms of a\.milestones\.yaml, /m);
    assert.equal(hover!.markdown.match(/✓/g)!.length, 1);
  });

  test('without a plan meaning, the tags choose among the CSV rows and the ✓ moves with them', () => {
    const withoutPlanAcronyms = releases.replace(/acronyms:\n.*\n/, '');
    const hover = (tags: string[]) => hoverAt(placeCursor(withoutPlanAcronyms, 'Shows the A|P payload'), { glossaryFile: glossaryCsv, settings: { glossaryTags: tags } })!.markdown;
    assert.match(hover(['TS']), /^\*\*AP\*\* has 2 meanings:\n\n- Acceptance Procedure ✓ _\(glossarydefs\.csv · tags: TS\)_\n- Alert Production _\(glossarydefs\.csv, built-in glossary \(LDM-564\) · tags: DM\)_$/);
    assert.match(hover(['DM']), /^- Alert Production ✓ /m);
    // No tag chosen: the CSV's first row.
    assert.match(hover([]), /^- Acceptance Procedure ✓ /m);
  });

  test('glossary files apply in the order given, before the built-in glossary', () => {
    const plan = `milestones:\n  M-1:\n    name: Single sign-on for the SS|O portal\n    due: 2022-01-01\n`;
    const local = { name: 'myacronyms.txt', text: 'SSO:Single Sign On\n' };
    const lsst = { name: 'glossarydefs.csv', text: 'Term,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type\nSSO,Solar System Object,DM,,,A\n' };
    assert.match(hoverAt(plan, { glossaryFiles: [local, lsst], settings: { glossaryTags: ['DM'] } })!.markdown, /^- Single Sign On ✓ _\(myacronyms\.txt\)_\n- Solar System Object _\(glossarydefs\.csv · tags: DM\)_$/m);
    assert.match(hoverAt(plan, { glossaryFiles: [lsst, local], settings: { glossaryTags: ['DM'] } })!.markdown, /^- Solar System Object ✓ _\(glossarydefs\.csv · tags: DM\)_\n- Single Sign On _\(myacronyms\.txt\)_$/m);
  });

  test('the same hover on the term where the plan defines it', () => {
    assert.deepEqual(hoverAt(releasesAt('  A|P: Alert Production'), { glossaryFile: glossaryCsv, settings: { glossaryTags: ['DM'] } }), hoverAt(releasesAt('Shows the A|P payload'), { glossaryFile: glossaryCsv, settings: { glossaryTags: ['DM'] } }));
  });

  test('one meaning from several sources: every source and its tags', () => {
    const csv = { name: 'glossarydefs.csv', text: 'Term,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type\nDM,Data  management,DM,,,A\n' };
    assert.deepEqual(hoverAt(`title: Releases of the D|M system\n`, { glossaryFile: csv }), { covers: 'DM', markdown: '**DM** — Data  management\n\n_glossarydefs.csv, built-in glossary (LDM-564) · tags: DM_' });
  });

  test('meanings that differ only by a final period are one', () => {
    const csv = { name: 'glossarydefs.csv', text: 'Term,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type\nDM,Data Management.,DM,,,A\n' };
    assert.deepEqual(hoverAt(`title: Releases of the D|M system\n`, { glossaryFile: csv }), { covers: 'DM', markdown: '**DM** — Data Management.\n\n_glossarydefs.csv, built-in glossary (LDM-564) · tags: DM_' });
  });

  test('one meaning: the definition and where it comes from', () => {
    assert.deepEqual(hoverAt(`title: Releases of the D|M system\n`), { covers: 'DM', markdown: '**DM** — Data Management\n\n_built-in glossary (LDM-564)_' });
  });

  test('an acronym-like word no glossary defines says so', () => {
    assert.deepEqual(hoverAt(`milestones:\n  M-1:\n    name: The XY|ZW pipeline\n    due: 2022-01-01\n`), { covers: 'XYZW', markdown: '**XYZW** is not in any glossary.' });
  });

  test('plain words of a name have no hover', () => {
    assert.equal(hoverAt(releasesAt('name: Alert distr|ibution validation')), undefined);
  });
});

describe('the built-in glossary', () => {
  const example = readFileSync(new URL('../../examples/ldm-564.milestones.yaml', import.meta.url), 'utf8');
  test('LDM-564 as published, without a glossary file: DP0 is known, from the built-in glossary, and the plan keeps its own table', () => {
    assert.match(example, /^ {2}DPO: Data Preview 0$/m);
    const { service, uri } = openPlan(example);
    assert.deepEqual(service.problems(uri).filter((problem) => problem.code === 'unknown-acronym' && /DP[O0]/.test(problem.message)), []);
    assert.deepEqual(hoverAt(placeCursor(example, 'ready for DP|0')), { covers: 'DP0', markdown: '**DP0** — Data Preview 0\n\n_built-in glossary (LDM-564)_' });
  });

  test("entries corrected where the table contradicts the document's text", () => {
    const plan = (name: string) => `milestones:\n  M-1:\n    name: ${name}\n    due: 2030-01-01\n`;
    assert.match(hoverAt(plan('Basic instrument signature removal (IS|R)'))!.markdown, /^\*\*ISR\*\* — Instrument Signature Removal\n/);
    assert.match(hoverAt(plan('Alert hosting and L|1 database'))!.markdown, /^\*\*L1\*\* — Level 1\n/);
    assert.match(hoverAt(plan('W|ISE data ingest'))!.markdown, /^\*\*WISE\*\* — Wide-field Infrared Survey Explorer\n/);
  });
});

describe('hover in an overrides file', () => {
  /** The hover at the `|` of an overrides file, with `plan` in the workspace. */
  function overridesHoverAt(marked: string, plan = ''): { covers: string; markdown: string } | undefined {
    const offset = marked.indexOf('|');
    const text = marked.replace('|', '');
    const service = createPlanService();
    if (plan) service.setFile(planUri, plan);
    service.setOverridesFile('file:///repo/data/local.yaml', text);
    const hover = service.hover('file:///repo/data/local.yaml', offset);
    return hover && { covers: text.slice(hover.span.start, hover.span.end), markdown: hover.markdown };
  }

  test('an acronym in a description folded over lines, a name and a comment', () => {
    const overrides = `A4369.9:\n  description: Commissioning of the AP pipelines before the\n    first D|P0 release.\n  name: The USDF handover\n  comment: See the RFC.\n`;
    assert.deepEqual(overridesHoverAt(overrides), { covers: 'DP0', markdown: '**DP0** — Data Preview 0\n\n_built-in glossary (LDM-564)_' });
    assert.equal(overridesHoverAt(overrides.replace('D|P0', 'DP0').replace('The USDF', 'The US|DF'))!.covers, 'USDF');
    assert.equal(overridesHoverAt(overrides.replace('D|P0', 'DP0').replace('the RFC', 'the R|FC'))!.covers, 'RFC');
    assert.equal(overridesHoverAt(overrides.replace('D|P0', 'DP0').replace('A4369.9:', 'A4369.9:\n  jira: D|M-33221')), undefined);
  });

  test('a code a plan defines too: the item as the overrides leave it, each overridden value with what the plan says, then what the file overrides', () => {
    const plan = 'asOf: 2021-08-11\nmilestones:\n  DLP-552:\n    name: Alert distribution\n    due: 2021-10-01\n';
    assert.deepEqual(overridesHoverAt('DLP-5|52:\n  due: 2021-11-30\n  description: At scale,\n    with the AP team.\n', plan), {
      covers: 'DLP-552',
      markdown: ['**DLP-552** · Milestone', '', 'Alert distribution', '', 'Due 2021-11-30 — local.yaml; the plan says 2021-10-01 · open', '', 'Float: **0 days · critical** — it ends its chain: nothing open and dated waits for it', '', 'No features.', '', '---', '', 'Overridden here:', '', '- due: 2021-11-30', '- description: At scale, with the AP team.'].join('\n'),
    });
    // And on the plan's ID, the plan's item, then what the overrides file says of it.
    const service = createPlanService();
    service.setFile(planUri, plan);
    service.setOverridesFile('file:///repo/data/local.yaml', 'DLP-552:\n  due: 2021-11-30\n');
    assert.match(service.hover(planUri, plan.indexOf('DLP-552') + 2)!.markdown, /^\*\*DLP-552\*\* · Milestone\n[\s\S]*No features\.\n\n---\n\nOverridden in local\.yaml:\n\n- due: 2021-11-30$/);
    assert.match(overridesHoverAt('DLP-5|99:\n  due: ""\n', plan)!.markdown, /^\*\*DLP-599\*\* is not defined in any plan\.\n\n---\n\nOverridden here:\n\n- due: ""$/);
  });
});

describe('hover on an ID', () => {
  const ncsa8 = [
    '**DM-NCSA-8** · Feature',
    '',
    'Alert Filtering Service receives alert streams',
    '',
    'Due 2021-07-01 · **overdue** (as of 2021-08-11)',
    '',
    // LDM-503-05 is completed and limits nothing: 2021-07-01 → 2021-12-01 is 153 days.
    'Float: **153 days** — limited by LDM-503-11, due 2021-12-01',
    '',
    'Delivered by 2 milestones:',
    '- LDM-503-05: Alert distribution validation (due 2018-07-17, completed 2018-07-17) — ⚠ feature-due-after-milestone, feature-open-in-completed-milestone',
    '- LDM-503-11: Alert production at scale (due 2021-12-01)',
  ].join('\n');

  test('a feature where a milestone lists it: name, due date, state, the milestones that deliver it and their problems with it', () => {
    assert.deepEqual(hoverAt(releasesAt('      - DM-NC|SA-8')), { covers: 'DM-NCSA-8', markdown: ncsa8 });
  });

  test('the same on the feature in a flow list, and where it is defined', () => {
    assert.deepEqual(hoverAt(releasesAt('features: [DM-NCSA-|8]')), { covers: 'DM-NCSA-8', markdown: ncsa8 });
    assert.deepEqual(hoverAt(releasesAt('  |DM-NCSA-8:')), { covers: 'DM-NCSA-8', markdown: ncsa8 });
  });

  test('a completed feature', () => {
    assert.deepEqual(hoverAt(releasesAt('  DM-NCSA-9|:')), {
      covers: 'DM-NCSA-9',
      markdown: [
        '**DM-NCSA-9** · Feature',
        '',
        'Test instance of alert distribution',
        '',
        'Due 2018-05-31 · completed 2018-05-31',
        '',
        'Float: **none** — it is completed',
        '',
        'Delivered by one milestone:',
        '- LDM-503-05: Alert distribution validation (due 2018-07-17, completed 2018-07-17)',
      ].join('\n'),
    });
  });

  test('a feature no milestone lists', () => {
    const hover = hoverAt(`asOf: 2021-08-11\nfeatures:\n  DM-|AP-9:\n    name: Spare\n    due: 2022-01-01\n`);
    assert.equal(hover!.markdown, '**DM-AP-9** · Feature\n\nSpare\n\nDue 2022-01-01 · open\n\nFloat: **unlimited** — nothing dated waits for it\n\nNo milestone lists it.');
  });

  test('a milestone: level, name, dates, and how many of its features are open', () => {
    assert.deepEqual(hoverAt(releasesAt('  LDM-503-0|5:')), {
      covers: 'LDM-503-05',
      markdown: ['**LDM-503-05** · Milestone · level 2', '', 'Alert distribution validation', '', 'Due 2018-07-17 · completed 2018-07-17', '', 'Float: **none** — it is completed', '', '3 features · 1 open'].join('\n'),
    });
    assert.equal(hoverAt(releasesAt('  LDM-503-1|1:'))!.markdown, ['**LDM-503-11** · Milestone', '', 'Alert production at scale', '', 'Due 2021-12-01 · open', '', 'Float: **0 days · critical** — it ends its chain: nothing open and dated waits for it', '', '1 feature · 1 open'].join('\n'));
  });

  test('a feature defined in another plan of the workspace', () => {
    const hover = hoverAt(`milestones:\n  M-1:\n    name: x\n    due: 2022-01-01\n    features:\n      - "DM-|AP-9"\n`, { other: `asOf: 2021-08-11\nfeatures:\n  DM-AP-9:\n    name: Spare\n    due: 2021-12-01\n` });
    assert.equal(hover!.covers, '"DM-AP-9"');
    assert.equal(hover!.markdown, '**DM-AP-9** · Feature\n\nSpare\n\nDue 2021-12-01 · open\n\nFloat: **31 days** — limited by M-1, due 2022-01-01\n\nDelivered by one milestone:\n- M-1: x (due 2022-01-01)');
  });

  test('a forecast: its date and how far it lies from the baseline, on the item and on the milestones that deliver it', () => {
    const plan = `asOf: 2021-08-11\nmilestones:\n  M-1:\n    name: Release\n    due: 2021-12-01\n    forecast: 2021-11-30\n    features: [DM-|AP-9]\nfeatures:\n  DM-AP-9:\n    name: Spare\n    due: 2021-01-01\n    forecast: 2021-03-02\n`;
    assert.equal(
      hoverAt(plan)!.markdown,
      [
        '**DM-AP-9** · Feature',
        '',
        'Spare',
        '',
        'Due 2021-01-01 · forecast 2021-03-02 · 60 days late against baseline · **overdue** (as of 2021-08-11)',
        '',
        // Forecast to forecast: 2021-03-02 → 2021-11-30.
        'Float: **273 days** — limited by M-1, forecast 2021-11-30',
        '',
        'Delivered by one milestone:',
        '- M-1: Release (due 2021-12-01 · forecast 2021-11-30 · 1 day early against baseline)',
      ].join('\n'),
    );
  });

  test('an ID that no plan defines says so', () => {
    assert.deepEqual(hoverAt(releasesAt('      - DM-|XX-1')), { covers: 'DM-XX-1', markdown: '**DM-XX-1** is not defined in any plan.' });
  });
});

describe('hover on a key', () => {
  const definitions = (schema as unknown as { definitions: Record<string, { properties: Record<string, { description: string }> }> }).definitions;
  const planKeys = (schema as unknown as { properties: Record<string, { description: string }> }).properties;

  test("a milestone's key: the schema's description", () => {
    assert.deepEqual(hoverAt(releasesAt('    lev|el: 2')), { covers: 'level', markdown: `**level**\n\n${definitions.milestone!.properties.level!.description}` });
  });

  test("a feature's key, and a key of the plan", () => {
    assert.deepEqual(hoverAt(releasesAt('    d|ue: 2021-07-01')), { covers: 'due', markdown: `**due**\n\n${definitions.feature!.properties.due!.description}` });
    assert.deepEqual(hoverAt(releasesAt('as|Of: 2021-08-11')), { covers: 'asOf', markdown: `**asOf**\n\n${planKeys.asOf!.description}` });
    assert.deepEqual(hoverAt(releasesAt('mile|stones:')), { covers: 'milestones', markdown: `**milestones**\n\n${planKeys.milestones!.description}` });
  });

  test('a value that is not free text has no hover', () => {
    assert.equal(hoverAt(releasesAt('due: 2018-0|7-17')), undefined);
  });
});

describe('predecessors in the hover', () => {
  const chain = linkedReleases;
  test('direct predecessors with their dates, the driving one marked, successors, and the driving path', () => {
    const hover = hoverAt(placeCursor(chain, '  LDM-503-|08:'));
    assert.equal(
      hover?.markdown,
      [
        '**LDM-503-08** · Milestone',
        '',
        'Spectrograph data acquisition',
        '',
        'Due 2018-12-31 · **overdue** (as of 2021-08-11)',
        '',
        'Float: **31 days** — limited by LDM-503-09, due 2019-01-31',
        '',
        'No features.',
        '',
        'Predecessors (2):',
        '- LDM-503-07: Camera data processing (due 2018-11-30, completed 2018-11-30) — **driving**',
        '- DM-DRP-1: Single frame processing (due 2018-10-01)',
        '',
        'Successors (1):',
        '- LDM-503-09: Small scale DRP run (due 2019-01-31)',
      ].join('\n'),
    );
  });
  test('on an ID in a predecessors list: the predecessor, with the driving path to it', () => {
    const hover = hoverAt(placeCursor(chain, '      - LDM-50|3-08'));
    assert.ok(hover);
    assert.equal(hover.covers, 'LDM-503-08');
    assert.match(hover.markdown, /^\*\*LDM-503-08\*\* · Milestone/);
    const end = hoverAt(placeCursor(chain, '  LDM-503-0|9:'));
    assert.match(end!.markdown, /\nDriving path: LDM-503-07 \(2018-11-30\) → LDM-503-08 \(2018-12-31\) → LDM-503-09 \(2019-01-31\)$/);
  });
  test('an unknown predecessor says so', () => {
    assert.deepEqual(hoverAt(placeCursor(chain.replace('DM-DRP-1]', 'DM-DRP-9]'), 'DM-DRP|-9]')), { covers: 'DM-DRP-9', markdown: '**DM-DRP-9** is not defined in any plan.' });
  });
});

describe('float in the hover', () => {
  /** The hover's float line at the cursor. */
  const floatLine = (marked: string, options?: PlanOptions) => hoverAt(marked, options)?.markdown.split('\n').find((line) => line.startsWith('Float:'));
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
    forecast: 2022-05-20
    predecessors: [B]
`;

  test('how many days, what limits it and through what; critical within milestones.criticalFloatDays', () => {
    // A → B → C, C forecast 2022-05-20: A has 31 + 28 + 31 + 30 + 19 = 139 days, B 80.
    assert.equal(floatLine(placeCursor(chain, '  |A:')), 'Float: **139 days** — limited by C, forecast 2022-05-20, through B');
    assert.equal(floatLine(placeCursor(chain, '  |B:')), 'Float: **80 days** — limited by C, forecast 2022-05-20');
    assert.equal(floatLine(placeCursor(chain, '  |B:'), { settings: { criticalFloatDays: 90 } }), 'Float: **80 days · critical** — limited by C, forecast 2022-05-20');
  });

  test('negative float: already past what limits it', () => {
    const plan = `milestones:\n  M:\n    name: m\n    due: 2022-08-24\n    features: [F]\nfeatures:\n  |F:\n    name: f\n    due: 2022-09-01\n`;
    assert.equal(floatLine(plan), 'Float: **−8 days · critical** — limited by M, due 2022-08-24');
  });

  test("with the slipped rule on, a forecast's own limit", () => {
    // C due 2022-05-01, forecast 2022-05-20: with 5 days allowed it may not pass 2022-05-06, 14 days ago; B has 31 + 30 + 5 = 66 days.
    const slipping = chain.replace('    due: 2022-06-01\n', '    due: 2022-05-01\n');
    const settings = { rules: { slipped: 'warning' as const }, slipThresholdDays: 5 };
    assert.equal(floatLine(placeCursor(slipping, '  |C:'), { settings }), 'Float: **−14 days · critical** — its forecast may not pass 2022-05-06 (due 2022-05-01 + 5 days, the slipped rule)');
    assert.equal(floatLine(placeCursor(slipping, '  |B:'), { settings }), 'Float: **66 days** — limited by C, whose forecast may not pass 2022-05-06 (due 2022-05-01 + 5 days, the slipped rule)');
  });

  test('on a cycle: none, and the cycle', () => {
    const plan = `milestones:\n  |X:\n    name: x\n    due: 2022-03-01\n    predecessors: [Y]\n  Y:\n    name: y\n    due: 2022-04-01\n    predecessors: [X]\n`;
    assert.equal(floatLine(plan), 'Float: **none** — it is on a dependency cycle: Y → X → Y');
  });
});
