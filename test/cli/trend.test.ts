// `milestones trend` and `milestones report slip` through the bin, on a history the test builds by
// hand — commits across six months, a file renamed, a branch merged, an overrides file added and
// changed, tags, items achieved and added — checked against the expected dates worked out here.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TrendSeries } from '../../common/trendSeries';
import { assertPrinted, runCli } from '../helpers/cli';
import { git, gitEnv, write } from '../helpers/gitRepo';

const run = (args: string[], cwd: string, env: NodeJS.ProcessEnv = gitEnv) => runCli(args, cwd, env);

const releases = (m1: string, m2: string, m3 = '') => `asOf: 2021-08-11
milestones:
  M-1:
    name: First release
    due: 2021-06-01
${m1}    features: [F-1]
  M-2:
    name: Second release
    due: 2021-09-01
    level: 2
${m2}${m3}`;
const m3 = `  M-3:
    name: Third release
    due: 2021-12-01
    level: 2
`;
const features = (f1: string) => `features:
  F-1:
    name: Ingest
    due: 2021-05-01
${f1}`;

let repo = '';
const hash = (subject: string) => git(repo, ['log', '--all', '--format=%h', `--grep=^${subject}$`]).trim();

before(() => {
  repo = mkdtempSync(join(tmpdir(), 'milestones-trend-'));
  git(repo, ['init', '-q', '-b', 'main']);
  write(repo, 'plans/releases.milestones.yaml', releases('', ''));
  write(repo, 'features/core.milestones.yaml', features(''));
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'The first plan'], '2021-01-05');
  write(repo, 'plans/releases.milestones.yaml', releases('    forecast: 2021-06-20\n', ''));
  git(repo, ['commit', '-q', '-am', 'M-1 forecast late'], '2021-01-20');
  // February: the overrides file moves M-2; the features file is renamed and F-1 forecast.
  write(repo, 'data/local.yaml', 'M-2:\n  due: 2021-10-01\n  comment: moved by the project office\n');
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'Override M-2'], '2021-02-10');
  git(repo, ['mv', 'features/core.milestones.yaml', 'features/all.milestones.yaml']);
  write(repo, 'features/all.milestones.yaml', features('    forecast: 2021-05-20\n'));
  git(repo, ['commit', '-q', '-am', 'Rename the features; F-1 forecast'], '2021-02-25');
  git(repo, ['tag', 'v1']);
  // March: a branch moves M-1's forecast, merged.
  git(repo, ['checkout', '-q', '-b', 'replan']);
  write(repo, 'plans/releases.milestones.yaml', releases('    forecast: 2021-07-01\n', ''));
  git(repo, ['commit', '-q', '-am', 'Replan M-1'], '2021-03-10');
  git(repo, ['checkout', '-q', 'main']);
  git(repo, ['merge', '-q', '--no-ff', '-m', 'Merge the replan', 'replan'], '2021-03-15');
  // May: F-1 achieved; the overrides file gives M-2 a later date.
  write(repo, 'features/all.milestones.yaml', features('    forecast: 2021-05-20\n    completed: 2021-05-18\n'));
  write(repo, 'data/local.yaml', 'M-2:\n  due: 2021-11-01\n');
  git(repo, ['commit', '-q', '-am', 'F-1 done; M-2 later'], '2021-05-20');
  git(repo, ['tag', '-a', '-m', 'The May plan', 'v2']);
  // June: M-1 achieved, M-2 forecast later still, M-3 added.
  write(repo, 'plans/releases.milestones.yaml', releases('    forecast: 2021-07-01\n    completed: 2021-06-28\n', '    forecast: 2021-11-15\n', m3));
  git(repo, ['commit', '-q', '-am', 'June update'], '2021-06-30');
});

after(() => rmSync(repo, { recursive: true, force: true }));

describe('milestones trend', () => {
  test('every month (the default): each item\'s expected date at each month\'s last commit, with the overrides of that revision; lines end where achieved', () => {
    const result = run(['trend', '--overrides', 'data/local.yaml'], repo);
    assertPrinted(
      result,
      'date,commit,id,expected,change,achieved',
      `2021-01-20,${hash('M-1 forecast late')},F-1,2021-05-01,,`,
      `2021-02-25,${hash('Rename the features; F-1 forecast')},F-1,2021-05-20,+19,`,
      `2021-03-15,${hash('Merge the replan')},F-1,2021-05-20,0,`,
      `2021-05-20,${hash('F-1 done; M-2 later')},F-1,2021-05-18,-2,yes`,
      `2021-01-20,${hash('M-1 forecast late')},M-1,2021-06-20,,`,
      `2021-02-25,${hash('Rename the features; F-1 forecast')},M-1,2021-06-20,0,`,
      `2021-03-15,${hash('Merge the replan')},M-1,2021-07-01,+11,`,
      `2021-05-20,${hash('F-1 done; M-2 later')},M-1,2021-07-01,0,`,
      `2021-06-30,${hash('June update')},M-1,2021-06-28,-3,yes`,
      `2021-01-20,${hash('M-1 forecast late')},M-2,2021-09-01,,`,
      `2021-02-25,${hash('Rename the features; F-1 forecast')},M-2,2021-10-01,+30,`,
      `2021-03-15,${hash('Merge the replan')},M-2,2021-10-01,0,`,
      `2021-05-20,${hash('F-1 done; M-2 later')},M-2,2021-11-01,+31,`,
      `2021-06-30,${hash('June update')},M-2,2021-11-15,+14,`,
      `2021-06-30,${hash('June update')},M-3,2021-12-01,,`,
    );
    assert.equal(result.stderr, '4 items over 5 steps (every month) from 2021-01-20 to 2021-06-30.\n');
  });

  test('without the overrides file, the plan\'s own dates', () => {
    const result = run(['trend', '--format', 'json', '--prefix', 'M-2'], repo);
    const series = JSON.parse(result.stdout) as TrendSeries;
    assert.deepEqual(
      series.lines.map((line) => line.points.map((point) => `${point.date} ${point.expected}`)),
      [['2021-01-20 2021-09-01', '2021-02-25 2021-09-01', '2021-03-15 2021-09-01', '2021-05-20 2021-09-01', '2021-06-30 2021-11-15']],
    );
  });

  test('every tag, every commit, and --since a date or a revision', () => {
    const tags = JSON.parse(run(['trend', '--every', 'tag', '--format', 'json', '--overrides', 'data/local.yaml'], repo).stdout) as TrendSeries;
    assert.deepEqual(
      tags.steps.map((step) => [step.tag, step.date, step.subject]),
      [
        ['v1', '2021-02-25', 'Rename the features; F-1 forecast'],
        ['v2', '2021-05-20', 'F-1 done; M-2 later'],
      ],
    );
    assert.deepEqual(
      tags.lines.map((line) => [line.id, line.points.map((point) => `${point.expected}${point.achieved ? ' achieved' : ''}`)]),
      [
        ['F-1', ['2021-05-20', '2021-05-18 achieved']],
        ['M-1', ['2021-06-20', '2021-07-01']],
        ['M-2', ['2021-10-01', '2021-11-01']],
      ],
    );
    const commits = JSON.parse(run(['trend', '--every', 'commit', '--format', 'json'], repo).stdout) as TrendSeries;
    assert.deepEqual(
      commits.steps.map((step) => step.subject),
      ['The first plan', 'M-1 forecast late', 'Override M-2', 'Rename the features; F-1 forecast', 'Merge the replan', 'F-1 done; M-2 later', 'June update'],
    );
    assert.deepEqual(commits.lines.find((line) => line.id === 'M-1')!.points.map((point) => point.change), [null, 19, 0, 0, 11, 0, -3]);
    const sinceDate = JSON.parse(run(['trend', '--since', '2021-03-01', '--format', 'json'], repo).stdout) as TrendSeries;
    assert.deepEqual(sinceDate.steps.map((step) => step.date), ['2021-03-15', '2021-05-20', '2021-06-30']);
    const sinceTag = JSON.parse(run(['trend', '--since', 'v1', '--every', 'commit', '--format', 'json'], repo).stdout) as TrendSeries;
    assert.deepEqual(sinceTag.steps.map((step) => step.subject), ['Rename the features; F-1 forecast', 'Merge the replan', 'F-1 done; M-2 later', 'June update']);
  });

  test('--prefix and --level choose the lines; the file of each is where it is now', () => {
    const series = JSON.parse(run(['trend', '--level', '2', '--format', 'json'], repo).stdout) as TrendSeries;
    assert.deepEqual(series.lines.map((line) => line.id), ['M-2', 'M-3']);
    const features = JSON.parse(run(['trend', '--prefix', 'F-', '--format', 'json'], repo).stdout) as TrendSeries;
    assert.deepEqual(features.lines.map((line) => [line.id, line.kind, line.name, line.file?.replace(/^.*\/(?=features\/)/, '')]), [['F-1', 'feature', 'Ingest', 'features/all.milestones.yaml']]);
  });

  test('--format svg: a line per item, a mark where it is achieved, the diagonal', () => {
    const result = run(['trend', '--format', 'svg'], repo);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal(result.stdout.match(/<polyline /g)?.length, 4);
    assert.equal(result.stdout.match(/<rect x=/g)?.length, 2, 'F-1 and M-1 achieved');
    assert.match(result.stdout, /<line data-line="diagonal"/);
  });

  test('outside a repository, bad options: a clear message and exit 2', () => {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-nogit-'));
    try {
      write(folder, 'a.milestones.yaml', releases('', ''));
      const outside = run(['trend'], folder, { ...gitEnv, GIT_CEILING_DIRECTORIES: tmpdir() });
      assert.equal(outside.status, 2);
      assert.match(outside.stderr, /is not inside a git repository/);
      git(folder, ['init', '-q', '-b', 'main']);
      const empty = run(['trend'], folder, { ...gitEnv, GIT_CEILING_DIRECTORIES: tmpdir() });
      assert.equal(empty.stderr, 'milestones: The repository has no commits yet: the trend reads the plan at its commits.\n');
      assert.equal(empty.status, 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    assert.equal(run(['trend', '--every', 'week'], repo).stderr, 'milestones: --every must be month, tag or commit, not "week".\nSee `milestones --help`.\n');
    assert.equal(run(['trend', '--since', 'v9'], repo).stderr, 'milestones: "v9" is not a revision of this repository: give a tag, a branch, a commit or e.g. HEAD~3.\n');
  });
});

describe('milestones report slip', () => {
  test("Rubin's shape: each open item's forecast now, at the step before and N steps before, and the changes in days", () => {
    assertPrinted(
      run(['report', 'slip', '--steps', '2', '--overrides', 'data/local.yaml'], repo),
      'id   name            forecast    previous    change  2 months ago  change',
      'M-2  Second release  2021-11-15  2021-11-01  +14     2021-10-01    +45',
      'M-3  Third release   2021-12-01',
    );
    assertPrinted(
      run(['report', 'slip', '--format', 'csv', '--every', 'tag', '--steps', '1', '--overrides', 'data/local.yaml'], repo),
      'id,name,forecast,previous,change,1 tag ago,change',
      'M-1,First release,2021-07-01,2021-06-20,+11,2021-06-20,+11',
      'M-2,Second release,2021-11-01,2021-10-01,+31,2021-10-01,+31',
    );
  });

  test('--steps must be a number of steps; the trend options are for slip only', () => {
    assert.equal(run(['report', 'slip', '--steps', 'two'], repo).status, 2);
    assert.match(run(['report', 'delayed', '--every', 'tag'], repo).stderr, /^milestones: --every is for report slip\./);
  });
});
