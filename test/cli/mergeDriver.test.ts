// `milestones merge-driver` through real `git merge` runs, in repositories the tests make with the
// driver installed by `milestones merge-driver --install`: changes to other items and to other
// fields merge cleanly with comments, order, quoting and line ends kept; lists merge as sets; a
// field changed two ways is one conflict around it; a duplicate ID or a cycle the merge makes is
// reported; a file the driver cannot read is merged line by line by git; a renamed file too.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../helpers/cli';
import { git, gitEnv, write } from '../helpers/gitRepo';

const plan = `# The release plan: edited on branches, merged by item.
asOf: 2021-08-11

milestones:
  M-1:
    name: First release   # as agreed
    due: 2021-06-01
    features: [F-1, F-2]
  M-2:
    name: 'Second release'
    due: 2021-09-01
    features:
      - F-2
      - F-3  # late
  M-3:
    name: Third release
    due: 2021-12-01

features:
  F-1: {name: Ingest, due: 2021-05-01}
  F-2:
    name: Process
    due: 2021-05-15
  F-3:
    name: Publish
    due: 2021-08-01
`;

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A repository with the driver installed and the plan committed on main; `ours` and `theirs` edit it on two branches. */
function repository(base: string, ours: (text: string) => string, theirs: (text: string) => string, file = 'plan.milestones.yaml'): { repo: string; install: ReturnType<typeof runCli> } {
  const repo = mkdtempSync(join(tmpdir(), 'milestones-merge-'));
  folders.push(repo);
  git(repo, ['init', '-q', '-b', 'main']);
  const install = runCli(['merge-driver', '--install'], repo, gitEnv);
  write(repo, file, base);
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'The plan'], '2021-01-10');
  git(repo, ['checkout', '-q', '-b', 'theirs']);
  write(repo, file, theirs(base));
  git(repo, ['commit', '-q', '-am', 'Their change'], '2021-01-11');
  git(repo, ['checkout', '-q', 'main']);
  write(repo, file, ours(base));
  git(repo, ['commit', '-q', '--allow-empty', '-am', 'Our change'], '2021-01-12');
  return { repo, install };
}

/** `git merge theirs` on main: its status and what it printed. */
function merge(repo: string): { status: number | null; output: string } {
  const result = spawnSync('git', ['merge', '--no-edit', 'theirs'], { cwd: repo, env: { ...gitEnv, GIT_AUTHOR_DATE: '2021-01-13T12:00:00Z', GIT_COMMITTER_DATE: '2021-01-13T12:00:00Z' }, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

const read = (repo: string, file = 'plan.milestones.yaml') => readFileSync(join(repo, file), 'utf8');

describe('milestones merge-driver --install', () => {
  test("writes the driver into the repository's configuration and the attributes of plan files into .gitattributes, once", () => {
    const repo = mkdtempSync(join(tmpdir(), 'milestones-merge-'));
    folders.push(repo);
    git(repo, ['init', '-q', '-b', 'main']);
    write(repo, '.gitattributes', '*.png binary\r\n');
    const first = runCli(['merge-driver', '--install'], repo, gitEnv);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^git config merge\.milestones\.name "Milestone plans, merged by item and field"\ngit config merge\.milestones\.driver ".* merge-driver %O %A %B %P"\n\.gitattributes: \*\.milestones\.yaml merge=milestones\n\.gitattributes: \*\.milestones\.yml merge=milestones\n$/);
    assert.equal(read(repo, '.gitattributes'), '*.png binary\r\n*.milestones.yaml merge=milestones\r\n*.milestones.yml merge=milestones\r\n');
    assert.match(git(repo, ['config', 'merge.milestones.driver']), /(dist\/cli\.js|milestones) merge-driver %O %A %B %P\n$/);
    assert.equal(git(repo, ['check-attr', 'merge', '--', 'plans/a.milestones.yml']), 'plans/a.milestones.yml: merge: milestones\n');
    const again = runCli(['merge-driver', '--install'], repo, gitEnv);
    assert.equal(again.status, 0);
    assert.equal(read(repo, '.gitattributes'), '*.png binary\r\n*.milestones.yaml merge=milestones\r\n*.milestones.yml merge=milestones\r\n', 'the lines are not written twice');
  });

  test('outside a repository, or called without the files: a clear message, exit 2', () => {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-nogit-'));
    folders.push(folder);
    const outside = runCli(['merge-driver', '--install'], folder, { ...gitEnv, GIT_CEILING_DIRECTORIES: tmpdir() });
    assert.equal(outside.status, 2);
    assert.match(outside.stderr, /is not inside a git repository/);
    const bare = runCli(['merge-driver', 'only-one'], folder, gitEnv);
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /^milestones: merge-driver needs the files git gives it: merge-driver %O %A %B %P \(or --install\)\.\n/);
  });
});

describe('git merge with the driver', () => {
  test('changes to different items and to different fields of one item merge cleanly, byte for byte', () => {
    const { repo, install } = repository(
      plan,
      (text) => text.replace('due: 2021-06-01', 'due: 2021-06-15').replace("name: 'Second release'", "name: 'Second release, the big one'"),
      (text) => text.replace('    due: 2021-09-01\n', '    due: 2021-09-01\n    forecast: 2021-10-01  # slipping\n').replace('name: First release   # as agreed', 'name: First public release   # as agreed'),
    );
    assert.equal(install.status, 0, install.stderr);
    const result = merge(repo);
    assert.equal(result.status, 0, result.output);
    assert.equal(
      read(repo),
      plan
        .replace('due: 2021-06-01', 'due: 2021-06-15')
        .replace("name: 'Second release'", "name: 'Second release, the big one'")
        .replace('    due: 2021-09-01\n', '    due: 2021-09-01\n    forecast: 2021-10-01  # slipping\n')
        .replace('name: First release   # as agreed', 'name: First public release   # as agreed'),
    );
    assert.equal(git(repo, ['status', '--porcelain']), '');
  });

  test('features lists merge as sets in order; an item added on both sides alike is kept once', () => {
    const added = '  M-4:\n    name: Fourth release\n    due: 2022-03-01\n';
    const { repo } = repository(
      plan,
      (text) => text.replace('features: [F-1, F-2]', 'features: [F-1, F-2, F-9]').replace('      - F-3  # late\n', '      - F-3  # late\n      - F-1\n').replace('    due: 2021-12-01\n', `    due: 2021-12-01\n${added}`),
      (text) => text.replace('features: [F-1, F-2]', 'features: [F-0, F-1]').replace('      - F-2\n', '').replace('    due: 2021-12-01\n', `    due: 2021-12-01\n${added}`),
    );
    const result = merge(repo);
    assert.equal(result.status, 0, result.output);
    const merged = read(repo);
    assert.match(merged, /\n {4}features: \[F-0, F-1, F-9\]\n/);
    assert.match(merged, /\n {4}features:\n {6}- F-3 {2}# late\n {6}- F-1\n {2}M-3:/);
    assert.equal(merged.split('  M-4:').length, 2, 'M-4 once');
  });

  test('a field changed two ways: one conflict, marked around that field alone, with both values', () => {
    const { repo } = repository(
      plan,
      (text) => text.replace('due: 2021-09-01', 'due: 2021-10-01').replace('due: 2021-12-01', 'due: 2021-12-15'),
      (text) => text.replace('due: 2021-09-01', 'due: 2021-11-01'),
    );
    const result = merge(repo);
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, /milestones merge-driver: plan\.milestones\.yaml:11: M-2 due changed on both sides \(ours: "due: 2021-10-01", theirs: "due: 2021-11-01"\); resolve between the markers\./);
    assert.match(result.output, /CONFLICT \(content\): Merge conflict in plan\.milestones\.yaml/);
    assert.equal(
      read(repo),
      plan
        .replace("    due: 2021-09-01\n", '<<<<<<< ours\n    due: 2021-10-01\n=======\n    due: 2021-11-01\n>>>>>>> theirs\n')
        .replace('due: 2021-12-01', 'due: 2021-12-15'),
    );
    assert.match(git(repo, ['status', '--porcelain']), /^UU plan\.milestones\.yaml$/m);
  });

  test('an item removed on one side and changed on the other: a conflict around the item', () => {
    const { repo } = repository(
      plan,
      (text) => text.replace('  M-3:\n    name: Third release\n    due: 2021-12-01\n\n', '\n'),
      (text) => text.replace('due: 2021-12-01', 'due: 2022-01-15'),
    );
    const result = merge(repo);
    assert.equal(result.status, 1);
    assert.match(result.output, /milestones merge-driver: plan\.milestones\.yaml:\d+: M-3 removed by ours and changed by theirs; resolve between the markers\./);
    assert.match(read(repo), /\n<<<<<<< ours\n=======\n {2}M-3:\n {4}name: Third release\n {4}due: 2022-01-15\n\n>>>>>>> theirs\nfeatures:/);
  });

  test('a merge that makes a duplicate ID or a dependency cycle is stopped and says where', () => {
    const duplicate = repository(
      plan,
      (text) => text.replace('  M-3:\n', '  X-1:\n    name: Ours\n    due: 2021-07-01\n  M-3:\n'),
      (text) => `${text}  X-1:\n    name: Theirs\n    due: 2021-07-02\n`,
    );
    const first = merge(duplicate.repo);
    assert.equal(first.status, 1, first.output);
    assert.match(first.output, /milestones merge-driver: plan\.milestones\.yaml:\d+: duplicate-id X-1 is defined more than once: .* The merge made this: fix it before committing\./);
    const cycle = repository(
      plan,
      (text) => text.replace('    due: 2021-12-01\n', '    due: 2021-12-01\n    predecessors: [M-2]\n'),
      (text) => text.replace("    name: 'Second release'\n", "    name: 'Second release'\n    predecessors: [M-3]\n"),
    );
    const second = merge(cycle.repo);
    assert.equal(second.status, 1, second.output);
    assert.match(second.output, /: dependency-cycle .*M-2.*M-3/);
  });

  test('CR LF line ends are kept', () => {
    const crlf = plan.replace(/\n/g, '\r\n');
    const { repo } = repository(
      crlf,
      (text) => text.replace('due: 2021-06-01', 'due: 2021-06-15'),
      (text) => text.replace('due: 2021-12-01', 'due: 2022-01-15'),
    );
    assert.equal(merge(repo).status, 0);
    assert.equal(read(repo), crlf.replace('due: 2021-06-01', 'due: 2021-06-15').replace('due: 2021-12-01', 'due: 2022-01-15'));
  });

  test('a file renamed on one side, changed on the other: git follows the rename and the driver merges', () => {
    const repo = repository(plan, (text) => text, (text) => text.replace('due: 2021-12-01', 'due: 2022-01-15')).repo;
    git(repo, ['mv', 'plan.milestones.yaml', 'releases.milestones.yaml']);
    write(repo, 'releases.milestones.yaml', plan.replace('due: 2021-06-01', 'due: 2021-06-15'));
    git(repo, ['commit', '-q', '-am', 'Rename, and move M-1'], '2021-01-12');
    const result = merge(repo);
    assert.equal(result.status, 0, result.output);
    assert.equal(read(repo, 'releases.milestones.yaml'), plan.replace('due: 2021-06-01', 'due: 2021-06-15').replace('due: 2021-12-01', 'due: 2022-01-15'));
  });

  test('a file not of the shape merged by item is merged line by line by git, and says so', () => {
    const flow = '{milestones: {M-1: {name: One, due: 2021-01-01}},\n # in flow style, which the driver leaves to git\n # (lines apart, so that git merges them)\n features: {F-1: {name: Two, due: 2021-02-01}}}\n';
    const { repo } = repository(
      flow,
      (text) => text.replace('2021-01-01', '2021-01-15'),
      (text) => text.replace('2021-02-01', '2021-02-15'),
    );
    const result = merge(repo);
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /milestones merge-driver: plan\.milestones\.yaml: merged line by line by git, as the common ancestor is not of the shape merged by item .*: merged cleanly\./);
    assert.equal(read(repo), flow.replace('2021-01-01', '2021-01-15').replace('2021-02-01', '2021-02-15'));
  });
});
