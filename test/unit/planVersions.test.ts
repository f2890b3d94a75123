// git's patches (`git log -p -U0`) read into hunks and applied to the version before, on versions
// a test commits: each must give the new version exactly — CR LF, a last line without its line
// end (either way), a byte-order mark, lines added at the start and the end, everything removed —
// and a hunk whose old lines are not the file's is refused, as are patches of a text with a lone CR.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileLog } from '../../server/src/host/git';
import { PlanVersions } from '../../server/src/service/history/planVersions';
import { git, write } from '../helpers/gitRepo';

const uri = 'file:///plans/p.milestones.yaml';

function versions(text: string): PlanVersions {
  const read = new PlanVersions(uri);
  read.next(text);
  return read;
}

const entry = (id: string, due: string) => `  ${id}:\n    name: Item ${id}\n    due: ${due}\n`;
const plan = (...entries: string[]) => `milestones:\n${entries.join('')}`;

/** Versions of one file, each committed in turn; the test reads their patches back. */
const committed: { name: string; text: string }[] = [
  { name: 'first', text: plan(entry('M-1', '2021-01-01'), entry('M-2', '2021-02-01'), entry('M-3', '2021-03-01')) },
  { name: 'two far hunks', text: plan(entry('M-1', '2021-01-15'), entry('M-2', '2021-02-01'), entry('M-3', '2021-03-15')) },
  { name: 'an entry added first and one last', text: plan(entry('M-0', '2020-12-01'), entry('M-1', '2021-01-15'), entry('M-2', '2021-02-01'), entry('M-3', '2021-03-15'), entry('M-4', '2021-04-01')) },
  { name: 'no line end at the end', text: plan(entry('M-1', '2021-01-15'), entry('M-2', '2021-02-01')).slice(0, -1) },
  { name: 'the last line changed, still without its line end', text: plan(entry('M-1', '2021-01-15'), entry('M-2', '2021-02-02')).slice(0, -1) },
  { name: 'the line end back', text: plan(entry('M-1', '2021-01-15'), entry('M-2', '2021-02-03')) },
  { name: 'CR LF', text: plan(entry('M-1', '2021-01-15'), entry('M-2', '2021-02-03')).replace(/\n/g, '\r\n') },
  { name: 'CR LF, one date moved', text: plan(entry('M-1', '2021-01-16'), entry('M-2', '2021-02-03')).replace(/\n/g, '\r\n') },
  { name: 'a byte-order mark', text: `\uFEFF${plan(entry('M-1', '2021-01-16'), entry('M-2', '2021-02-03'))}` },
  { name: 'the first line after the mark', text: `\uFEFFmilestones: # the releases\n${entry('M-1', '2021-01-16')}` },
  { name: 'everything removed', text: '' },
  { name: 'back again', text: plan(entry('M-9', '2022-01-01')) },
];

describe('git patches applied to the version before', () => {
  let repo = '';
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'milestones-patches-'));
    git(repo, ['init', '-q', '-b', 'main']);
    for (const version of committed) {
      write(repo, 'p.milestones.yaml', version.text);
      git(repo, ['add', '.']);
      git(repo, ['commit', '-q', '--allow-empty', '-m', version.name]);
    }
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  test('each version, from the hunks of its commit, is exactly the text committed', async () => {
    const commits = (await fileLog(repo, 'p.milestones.yaml')).reverse();
    assert.deepEqual(
      commits.map((commit) => commit.subject),
      committed.map((version) => version.name),
    );
    const read = versions('');
    for (const [index, commit] of commits.entries()) {
      const patch = commit.patch!;
      assert.equal(patch.binary, false);
      assert.ok(read.patch(patch.hunks), `${commit.subject}: the hunks apply`);
      assert.equal(read.file.text, committed[index]!.text, commit.subject);
    }
    assert.deepEqual(read.file.milestones.map((item) => [item.id, item.ownDue]), [['M-9', '2022-01-01']]);
  });

  test('the items a patch changed are those re-read', async () => {
    const commits = (await fileLog(repo, 'p.milestones.yaml')).reverse();
    const read = versions('');
    read.patch(commits[0]!.patch!.hunks);
    const changes = read.patch(commits[1]!.patch!.hunks)!;
    assert.deepEqual(changes.added.map((item) => [item.id, item.ownDue]).sort(), [['M-1', '2021-01-15'], ['M-3', '2021-03-15']]);
    assert.deepEqual(changes.removed.map((item) => [item.id, item.ownDue]).sort(), [['M-1', '2021-01-01'], ['M-3', '2021-03-01']]);
  });

  test('a hunk whose old lines are not the file\'s is refused, and the file left as it was', async () => {
    const commits = (await fileLog(repo, 'p.milestones.yaml')).reverse();
    const read = versions(committed[0]!.text.replace('2021-01-01', '2021-01-02'));
    assert.equal(read.patch(commits[1]!.patch!.hunks), undefined);
    assert.equal(read.file.text, committed[0]!.text.replace('2021-01-01', '2021-01-02'));
  });
});

describe('a text with a lone CR', () => {
  test('is not patched (its lines are not git\'s): the version is to be read whole', () => {
    const read = versions(`milestones:\r  M-1:\n    name: One\n    due: 2021-01-01\n`);
    assert.equal(read.patch([{ start: 3, deleted: '', deletedLines: 0, inserted: '    level: 2\n' }]), undefined);
    const plain = versions(`milestones:\n  M-1:\n    name: One\n    due: 2021-01-01\n`);
    assert.ok(plain.patch([{ start: 3, deleted: '', deletedLines: 0, inserted: '    level: 2\n' }]));
    assert.equal(plain.file.milestones[0]!.ownLevel, 2);
  });
});
