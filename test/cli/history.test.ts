// `milestones diff <revision>` through the bin, against git repositories the tests make: several
// commits, a file renamed, a branch merged, and changes not yet committed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertPrinted, runCli } from '../helpers/cli';
import { git, gitEnv, write } from '../helpers/gitRepo';

const run = (args: string[], cwd: string, env: NodeJS.ProcessEnv = gitEnv) => runCli(args, cwd, env);

const releases = (m2: string, m1Completed = '') => `asOf: 2021-08-11
milestones:
  M-1:
    name: First release
    due: 2021-01-01
${m1Completed}    features: [F-1]
  M-2:
    name: Second release
${m2}    features: [F-2]
`;

const features = (f1Due: string, rest: string) => `features:
  F-1:
    name: Ingest
    due: ${f1Due}
${rest}`;

const f2 = `  F-2:
    name: Process
    due: 2021-02-01
`;
const old = `  F-OLD:
    name: Dropped
    due: 2020-06-01
`;
const fresh = `  F-NEW:
    name: Added later
    due: 2021-09-01
`;

let repo = '';

before(() => {
  repo = mkdtempSync(join(tmpdir(), 'milestones-history-'));
  git(repo, ['init', '-q', '-b', 'main']);
  write(repo, 'plans/releases.milestones.yaml', releases('    due: 2021-03-01\n'));
  write(repo, 'features/a.milestones.yaml', features('2020-12-01', f2 + old));
  write(repo, 'notes.yaml', 'not: a plan\n');
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'The first plan']);
  git(repo, ['tag', 'baseline']);
  // A branch moves M-2's forecast while main renames the features' file and moves F-1.
  git(repo, ['checkout', '-q', '-b', 'replan']);
  write(repo, 'plans/releases.milestones.yaml', releases('    due: 2021-03-01\n    forecast: 2021-05-01\n'));
  git(repo, ['commit', '-q', '-am', 'M-2 is forecast two months late']);
  git(repo, ['checkout', '-q', 'main']);
  git(repo, ['mv', 'features/a.milestones.yaml', 'features/core.milestones.yaml']);
  write(repo, 'features/core.milestones.yaml', features('2021-01-15', f2 + old));
  git(repo, ['commit', '-q', '-am', 'Rename the features file; F-1 moves']);
  git(repo, ['merge', '-q', '--no-ff', '-m', 'Merge the replan', 'replan']);
  // Not committed: M-1 completed, F-OLD dropped, F-NEW added.
  write(repo, 'plans/releases.milestones.yaml', releases('    due: 2021-03-01\n    forecast: 2021-05-01\n', '    completed: 2021-01-04\n'));
  write(repo, 'features/core.milestones.yaml', features('2021-01-15', f2 + fresh));
});

after(() => rmSync(repo, { recursive: true, force: true }));

describe('milestones diff', () => {
  test('--format json: every item added, removed and changed since a tag, across the merge and the rename', () => {
    const result = run(['diff', 'baseline', '--format', 'json'], repo);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), [
      { id: 'F-OLD', kind: 'removed', field: 'due', before: '2020-06-01', after: null, days: null },
      { id: 'F-NEW', kind: 'added', field: 'due', before: null, after: '2021-09-01', days: null },
      { id: 'F-1', kind: 'changed', field: 'due', before: '2020-12-01', after: '2021-01-15', days: 45 },
      { id: 'M-1', kind: 'changed', field: 'completed', before: null, after: '2021-01-04', days: null },
      { id: 'M-2', kind: 'changed', field: 'forecast', before: null, after: '2021-05-01', days: null },
    ]);
    assert.match(result.stderr, /^Since baseline \([0-9a-f]{7,} The first plan\): 1 added, 1 removed, 3 changed\.\n$/);
  });

  test('as text, since a commit on one side of the merge (HEAD^2 is the replan)', () => {
    const result = run(['diff', 'HEAD^2'], repo);
    assertPrinted(
      result,
      'id     change   field      before      after       days',
      'F-OLD  removed  due        2020-06-01',
      'F-NEW  added    due                    2021-09-01',
      'F-1    changed  due        2020-12-01  2021-01-15  +45',
      'M-1    changed  completed              2021-01-04',
    );
  });

  test('a path renamed since the revision is followed: its items are changed, not added', () => {
    const result = run(['diff', 'baseline', '--format', 'md', 'features/core.milestones.yaml'], repo);
    assertPrinted(
      result,
      '| id | change | field | before | after | days |',
      '| --- | --- | --- | --- | --- | --- |',
      '| F-OLD | removed | due | 2020-06-01 |  |  |',
      '| F-NEW | added | due |  | 2021-09-01 |  |',
      '| F-1 | changed | due | 2020-12-01 | 2021-01-15 | +45 |',
    );
  });

  test('in a clean clone, nothing since HEAD; then a forecast moved earlier slips by negative days', () => {
    const clone = mkdtempSync(join(tmpdir(), 'milestones-history-'));
    try {
      git(clone, ['clone', '-q', repo, '.']);
      const unchanged = run(['diff', 'HEAD', '--format', 'json'], clone);
      assert.equal(unchanged.status, 0, unchanged.stderr);
      assert.deepEqual(JSON.parse(unchanged.stdout), []);
      assert.match(unchanged.stderr, /: 0 added, 0 removed, 0 changed\.\n$/);
      write(clone, 'plans/releases.milestones.yaml', releases('    due: 2021-03-01\n    forecast: 2021-04-20\n'));
      const result = run(['diff', 'HEAD', '--format', 'json', 'plans'], clone);
      assert.deepEqual(JSON.parse(result.stdout), [{ id: 'M-2', kind: 'changed', field: 'forecast', before: '2021-05-01', after: '2021-04-20', days: -11 }]);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});

describe('milestones diff without history', () => {
  test('a revision the repository does not have: one clear message, exit 2', () => {
    const result = run(['diff', 'v9.9'], repo);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, 'milestones: "v9.9" is not a revision of this repository: give a tag, a branch, a commit or e.g. HEAD~3.\n');
  });

  test('outside a git repository', () => {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-nogit-'));
    try {
      write(folder, 'a.milestones.yaml', releases('    due: 2021-03-01\n'));
      const result = run(['diff', 'HEAD'], folder, { ...gitEnv, GIT_CEILING_DIRECTORIES: tmpdir() });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^milestones: .* is not inside a git repository: there is no history to compare with\.\n$/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('without git on the PATH', () => {
    const result = run(['diff', 'HEAD'], repo, { ...gitEnv, PATH: join(repo, 'no-such-bin') });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'milestones: git is not installed (or not on PATH): the history of a plan is read with git. Install it, e.g. `apt-get install git`.\n');
  });

  test('no revision, or a bad format: usage', () => {
    assert.equal(run(['diff'], repo).status, 2);
    assert.match(run(['diff'], repo).stderr, /diff needs a revision/);
    assert.equal(run(['diff', 'HEAD', '--format', 'csv'], repo).status, 2);
  });
});
