// `milestones report` and `milestones burndown` through the bin, on a plan written for them: what
// each lists or counts, in which order, in each format.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { assertPrinted, printed, runCli } from '../helpers/cli';

const run = (args: string[], cwd: string) => runCli(args, cwd);

const folder = mkdtempSync(join(tmpdir(), 'milestones-reports-'));
writeFileSync(
  join(folder, 'releases.milestones.yaml'),
  `asOf: 2021-03-15
milestones:
  LDM-503-2:
    name: Second release
    due: 2021-04-01
    forecast: 2021-05-20
    features: [DM-B]
  LDM-503-1:
    name: First release
    due: 2021-01-15
    completed: 2021-02-10
    features: [DM-A]
`,
);
writeFileSync(
  join(folder, 'features.milestones.yaml'),
  `features:
  DM-A:
    name: Ingest, with "quotes"
    due: 2021-01-01
    completed: 2021-01-01
  DM-B:
    name: Process
    due: 2021-02-01
  DM-C:
    name: Archive
    due: 2021-02-01
    forecast: 2021-03-01
  OTHER-1:
    name: Not ours
    due: 2020-12-01
`,
);

describe('milestones report', () => {
  test('delayed: open items due before asOf, by due date, with the days late', () => {
    const result = run(['report', 'delayed'], folder);
    assertPrinted(
      result,
      'id       kind     name      due         forecast    days late',
      'OTHER-1  feature  Not ours  2020-12-01              104',
      'DM-B     feature  Process   2021-02-01              42',
      'DM-C     feature  Archive   2021-02-01  2021-03-01  42',
    );
    assert.equal(result.stderr, '3 items delayed as of 2021-03-15.\n');
  });

  test('remaining: every item not completed, as Markdown and CSV; --as-of moves what is delayed', () => {
    const markdown = run(['report', 'remaining', '--format', 'md', '.'], folder);
    assertPrinted(
      markdown,
      '| id | kind | name | due | forecast |',
      '| --- | --- | --- | --- | --- |',
      '| OTHER-1 | feature | Not ours | 2020-12-01 |  |',
      '| DM-B | feature | Process | 2021-02-01 |  |',
      '| DM-C | feature | Archive | 2021-02-01 | 2021-03-01 |',
      '| LDM-503-2 | milestone | Second release | 2021-04-01 | 2021-05-20 |',
    );
    const csv = run(['report', 'delayed', '--format', 'csv', '--as-of', '2021-06-01', 'features.milestones.yaml', 'releases.milestones.yaml'], folder);
    assert.equal(csv.stdout, printed('id,kind,name,due,forecast,days late', 'OTHER-1,feature,Not ours,2020-12-01,,182', 'DM-B,feature,Process,2021-02-01,,120', 'DM-C,feature,Archive,2021-02-01,2021-03-01,120', 'LDM-503-2,milestone,Second release,2021-04-01,2021-05-20,61'));
    const completedToo = run(['report', 'remaining', '--format', 'csv', '--as-of', '2021-06-01'], folder);
    assert.doesNotMatch(completedToo.stdout, /DM-A|LDM-503-1/);
  });

  test('in CSV a name with a comma or quotes is quoted, the quotes doubled; in Markdown a | stays in its cell', () => {
    const other = mkdtempSync(join(tmpdir(), 'milestones-reports-'));
    writeFileSync(join(other, 'a.milestones.yaml'), 'asOf: 2021-03-15\nfeatures:\n  F-1:\n    name: \'Ingest, then "check" | sign\'\n    due: 2021-01-01\n');
    assert.equal(run(['report', 'delayed', '--format', 'csv'], other).stdout, 'id,kind,name,due,forecast,days late\nF-1,feature,"Ingest, then ""check"" | sign",2021-01-01,,73\n');
    assert.ok(run(['report', 'delayed', '--format', 'md'], other).stdout.endsWith('| F-1 | feature | Ingest, then "check" \\| sign | 2021-01-01 |  | 73 |\n'));
  });

  test('float: each item with float, least first, with its late date and what limits it; --max-float keeps the smaller', () => {
    // LDM-503-2 (forecast 2021-05-20) ends its chain; DM-B (2021-02-01) may move to it: 28 + 31 + 30 + 19 = 108 days.
    // The completed items have none; DM-C and OTHER-1, which no milestone lists, have no limit.
    const csv = run(['report', 'float', '--format', 'csv'], folder);
    assert.equal(csv.stdout, printed('id,kind,name,expected,float,late,limited by,through,critical', 'LDM-503-2,milestone,Second release,2021-05-20,0,2021-05-20,LDM-503-2,,yes', 'DM-B,feature,Process,2021-02-01,108,2021-05-20,LDM-503-2,,'));
    assert.equal(csv.stderr, '2 items with float as of 2021-03-15.\n');
    const text = run(['report', 'float', '--max-float', '50'], folder);
    assertPrinted(text, 'id         kind       name            expected    float  late        limited by  through  critical', 'LDM-503-2  milestone  Second release  2021-05-20  0      2021-05-20  LDM-503-2            yes');
    assert.equal(text.stderr, '1 item with float of at most 50 days as of 2021-03-15.\n');
  });

  test('critical: the critical chains, as JSON; --max-float sets what is critical', () => {
    const json = run(['report', 'critical', '--format', 'json'], folder);
    assert.deepEqual(JSON.parse(json.stdout), [{ chain: 'LDM-503-2', id: 'LDM-503-2', kind: 'milestone', name: 'Second release', expected: '2021-05-20', float: 0, late: '2021-05-20', via: null }]);
    assert.equal(json.stderr, '1 item critical (float of at most 0 days) as of 2021-03-15.\n');
    const markdown = run(['report', 'critical', '--max-float', '108', '--format', 'md'], folder);
    assertPrinted(
      markdown,
      '| chain | id | kind | name | expected | float | late | through |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| LDM-503-2 | DM-B | feature | Process | 2021-02-01 | 108 | 2021-05-20 |  |',
      '| LDM-503-2 | LDM-503-2 | milestone | Second release | 2021-05-20 | 0 | 2021-05-20 |  |',
    );
  });

  test('bad usage exits 2', () => {
    for (const args of [['report'], ['report', 'late'], ['report', 'delayed', '--format', 'json'], ['report', 'delayed', '--as-of', '2021-13-01'], ['report', 'float', '--max-float', 'ten'], ['report', 'remaining', '--max-float', '3']]) {
      const result = run(args, folder);
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^milestones: /);
    }
  });
});

describe('milestones burndown', () => {
  test('CSV: one row per month, remaining by baseline, forecast (an open item not before asOf) and achieved (up to asOf), only the prefixes asked for', () => {
    const result = run(['burndown', '--prefix', 'DM-', '--prefix', 'LDM-503-'], folder);
    assertPrinted(
      result,
      'date,baseline,forecast,achieved',
      '2021-01-01,5,5,5',
      '2021-02-01,3,4,4',
      '2021-03-01,1,3,3',
      '2021-04-01,1,1,',
      '2021-05-01,0,1,',
      '2021-06-01,0,0,',
    );
    assert.equal(result.stderr, '5 items with IDs starting DM-, LDM-503-, as of 2021-03-15.\n');
  });

  test('without a prefix every item counts; none matching says so', () => {
    const all = run(['burndown'], folder);
    assert.equal(all.stdout.split('\n')[1], '2020-12-01,6,6,6');
    const none = run(['burndown', '--prefix', 'XYZ-'], folder);
    assert.equal(none.status, 0);
    assert.equal(none.stdout, 'date,baseline,forecast,achieved\n');
    assert.equal(none.stderr, 'No milestone or feature with a due date with IDs starting XYZ-: nothing to chart.\n');
  });

  test('SVG: a chart with the three lines, the asOf line and the years', () => {
    const result = run(['burndown', '--format', 'svg', '--prefix', 'DM-', '--prefix', 'LDM-503-'], folder);
    assert.equal(result.status, 0, result.stderr);
    const svg = result.stdout;
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="800" height="400"/);
    assert.match(svg, /<\/svg>\n$/);
    const points = (line: string) => new RegExp(`<polyline data-line="${line}"[^>]* points="([^"]+)"`).exec(svg)![1]!.split(' ');
    assert.equal(points('baseline').length, 6);
    assert.equal(points('forecast').length, 6);
    assert.equal(points('achieved').length, 3, 'achieved stops at asOf');
    // The first point of each line is at the top (all 5 remaining), the baseline's last on the axis.
    assert.equal(points('baseline')[0], '48,40');
    assert.equal(points('baseline')[5], '784,360');
    assert.match(svg, />as of 2021-03-15</);
    assert.match(svg, />2021</);
    assert.match(svg, /<title>Burndown with IDs starting DM-, LDM-503-, as of 2021-03-15<\/title>/);
  });

  test('bad usage exits 2', () => {
    assert.equal(run(['burndown', '--format', 'png'], folder).status, 2);
  });
});
