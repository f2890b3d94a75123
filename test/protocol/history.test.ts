// The hover's date history, the timeline's baseline and the trend over LSP: a real server on plans
// in a git repository the test makes (commits that move a feature's dates, a rename), and outside any.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import type { PlanSnapshot } from '../../common/planSnapshot';
import type { TrendAnswer } from '../../common/requests';
import { git, write } from '../helpers/gitRepo';
import { PlanHistory } from '../../server/src/host/planHistory';
import { TestClient } from '../helpers/lspClient';

const releases = `asOf: 2021-08-11
milestones:
  M-1:
    name: First release
    due: 2021-12-01
    features: [F-1]
`;
const features = (due: string, forecast = '') => `features:
  F-1:
    name: Ingest
    due: ${due}
${forecast}`;

function positionOf(text: string, needle: string): { line: number; character: number } {
  const before = text.slice(0, text.indexOf(needle) + 1);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

const markdown = (result: Hover | null) => (result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '');

describe('the date history in the hover', () => {
  let repo: string;
  let client: TestClient;
  const releasesUri = () => pathToFileURL(join(repo, 'releases.milestones.yaml')).href;
  const hover = () => client.request<Hover | null>('textDocument/hover', { textDocument: { uri: releasesUri() }, position: positionOf(releases, 'F-1]') });

  before(async () => {
    repo = mkdtempSync(join(tmpdir(), 'milestones-hover-history-'));
    git(repo, ['init', '-q', '-b', 'main']);
    write(repo, 'releases.milestones.yaml', releases);
    write(repo, 'old.milestones.yaml', features('2021-06-01'));
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'First plan'], '2021-01-10');
    write(repo, 'old.milestones.yaml', features('2021-07-01'));
    git(repo, ['commit', '-q', '-am', 'Rebaseline F-1'], '2021-02-20');
    git(repo, ['mv', 'old.milestones.yaml', 'features.milestones.yaml']);
    git(repo, ['commit', '-q', '-m', 'Rename the features file'], '2021-03-05');
    write(repo, 'features.milestones.yaml', features('2021-07-01', '    forecast: 2021-09-15\n'));
    git(repo, ['commit', '-q', '-am', 'F-1 is forecast late'], '2021-04-12');
    client = await TestClient.start({ folders: [repo] });
    await client.open(releasesUri(), readFileSync(join(repo, 'releases.milestones.yaml'), 'utf8'));
  });
  after(async () => {
    await client.stop();
    rmSync(repo, { recursive: true, force: true });
  });

  test('each commit that moved the due date or the forecast, newest first, across the rename', async () => {
    const text = markdown(await hover());
    const hash = (subject: string) => git(repo, ['log', '--all', '--format=%h', `--grep=${subject}`]).trim();
    assert.ok(
      text.endsWith(
        ['**Date history** (git)', '', `- 2021-04-12 \`${hash('F-1 is forecast late')}\` F-1 is forecast late: forecast — → 2021-09-15`, `- 2021-02-20 \`${hash('Rebaseline F-1')}\` Rebaseline F-1: due 2021-06-01 → 2021-07-01`].join('\n'),
      ),
      text,
    );
    assert.match(text, /^\*\*F-1\*\* · Feature/);
  });

  test('a new commit is seen on the next hover', async () => {
    write(repo, 'features.milestones.yaml', features('2021-08-01', '    forecast: 2021-09-15\n'));
    git(repo, ['commit', '-q', '-am', 'Rebaseline F-1 again'], '2021-05-02');
    assert.match(markdown(await hover()), /\n- 2021-05-02 `[0-9a-f]+` Rebaseline F-1 again: due 2021-07-01 → 2021-08-01\n- 2021-04-12 /);
  });

  test('HEAD moved back (a reset): the history is read again, without the commit that is gone', async () => {
    git(repo, ['reset', '-q', '--hard', 'HEAD~1']);
    const text = markdown(await hover());
    assert.doesNotMatch(text, /Rebaseline F-1 again/);
    assert.match(text, /\n- 2021-04-12 `[0-9a-f]+` F-1 is forecast late: forecast — → 2021-09-15\n- 2021-02-20 /);
  });

  test('a history still being read after the hover has waited: the hover says so, and a later one has it', async () => {
    const impatient = new PlanHistory(() => undefined, 0);
    const uri = pathToFileURL(join(repo, 'features.milestones.yaml')).href;
    assert.equal(await impatient.markdown(uri, 'F-1'), '**Date history** (git): still being read from the repository; hover again in a moment.');
    let answer: string | undefined;
    // Generous: the history is a few commits; this only stops a hang.
    for (let attempt = 0; attempt < 400 && !answer?.includes('Rebaseline F-1'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      answer = await impatient.markdown(uri, 'F-1');
    }
    assert.match(answer ?? '', /^\*\*Date history\*\* \(git\)\n\n- 2021-04-12 /);
  });

  test('milestones.hoverHistory: false leaves it out', async () => {
    const quiet = await TestClient.start({ folders: [repo], settings: { hoverHistory: false } });
    try {
      await quiet.open(releasesUri(), releases);
      const text = markdown(await quiet.request<Hover | null>('textDocument/hover', { textDocument: { uri: releasesUri() }, position: positionOf(releases, 'F-1]') }));
      assert.match(text, /^\*\*F-1\*\* · Feature/);
      assert.doesNotMatch(text, /Date history/);
    } finally {
      await quiet.stop();
    }
  });
});

describe('the date history across a merge, two changes in one commit, and a plan deleted and added again', () => {
  let repo: string;
  const entry = (id: string, due: string, forecast = '') => `  ${id}:\n    name: Item ${id}\n    due: ${due}\n${forecast}`;
  const filler = Array.from({ length: 30 }, (_, index) => entry(`M-${index + 10}`, '2022-01-01')).join('');
  const plan = (m1: string, m2: string, f1Forecast = '') => `milestones:\n${entry('M-1', m1)}${filler}${entry('M-2', m2)}features:\n${entry('F-1', '2021-05-01', f1Forecast)}`;
  const history = new PlanHistory(() => undefined, 60_000);
  const uri = () => pathToFileURL(join(repo, 'plan.milestones.yaml')).href;
  const hash = (subject: string) => git(repo, ['log', '--all', '--format=%h', `--grep=^${subject}$`]).trim();

  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'milestones-history-merge-'));
    git(repo, ['init', '-q', '-b', 'main']);
    write(repo, 'plan.milestones.yaml', plan('2021-06-01', '2021-07-01'));
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'First plan'], '2021-01-10');
    git(repo, ['checkout', '-q', '-b', 'side']);
    write(repo, 'plan.milestones.yaml', plan('2021-06-01', '2021-08-01'));
    git(repo, ['commit', '-q', '-am', 'Side: M-2 later'], '2021-02-01');
    git(repo, ['checkout', '-q', 'main']);
    write(repo, 'plan.milestones.yaml', plan('2021-06-15', '2021-07-01', '    forecast: 2021-05-20\n'));
    git(repo, ['commit', '-q', '-am', 'Move M-1, forecast F-1'], '2021-02-10');
    git(repo, ['merge', '-q', '--no-ff', '-m', 'Merge the side plan', 'side'], '2021-02-20');
    git(repo, ['rm', '-q', 'plan.milestones.yaml']);
    git(repo, ['commit', '-q', '-m', 'Drop the plan'], '2021-03-01');
    write(repo, 'plan.milestones.yaml', plan('2021-09-01', '2021-08-01', '    forecast: 2021-05-20\n'));
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'Plan again'], '2021-03-05');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  test('two items moved by one commit, far apart in the file, each have it', async () => {
    assert.equal(
      await history.markdown(uri(), 'M-1'),
      ['**Date history** (git)', '', `- 2021-03-05 \`${hash('Plan again')}\` Plan again: due 2021-06-15 → 2021-09-01`, `- 2021-02-10 \`${hash('Move M-1, forecast F-1')}\` Move M-1, forecast F-1: due 2021-06-01 → 2021-06-15`].join('\n'),
    );
    assert.equal(await history.markdown(uri(), 'F-1'), ['**Date history** (git)', '', `- 2021-02-10 \`${hash('Move M-1, forecast F-1')}\` Move M-1, forecast F-1: forecast — → 2021-05-20`].join('\n'));
  });

  test("a change made on a branch is the merge's on the first-parent line, once", async () => {
    assert.equal(await history.markdown(uri(), 'M-2'), ['**Date history** (git)', '', `- 2021-02-20 \`${hash('Merge the side plan')}\` Merge the side plan: due 2021-07-01 → 2021-08-01`].join('\n'));
  });

  test('an item whose dates never moved has no history', async () => {
    assert.equal(await history.markdown(uri(), 'M-10'), undefined);
  });
});

describe('the hover outside a git repository', () => {
  test('the usual hover, without a history; the log says why, once', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-hover-nogit-'));
    write(folder, 'releases.milestones.yaml', releases);
    write(folder, 'features.milestones.yaml', features('2021-06-01'));
    const previous = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = tmpdir();
    const client = await TestClient.start({ folders: [folder] });
    try {
      const uri = pathToFileURL(join(folder, 'releases.milestones.yaml')).href;
      await client.open(uri, releases);
      for (let attempt = 0; attempt < 2; attempt++) {
        const text = markdown(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(releases, 'F-1]') }));
        assert.match(text, /^\*\*F-1\*\* · Feature/);
        assert.doesNotMatch(text, /Date history/);
      }
      const said = client.notifications.filter((note) => note.method === 'window/logMessage' && /outside a git repository/.test((note.params as { message: string }).message));
      assert.equal(said.length, 1, 'said once');
      assert.match((said[0]!.params as { message: string }).message, /^The date history of the hover is not shown for plans outside a git repository \(/);
    } finally {
      await client.stop();
      if (previous === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = previous;
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the baseline in the plan snapshot', () => {
  let repo: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'milestones-baseline-'));
    git(repo, ['init', '-q', '-b', 'main']);
    write(repo, 'releases.milestones.yaml', releases);
    write(repo, 'old.milestones.yaml', features('2021-06-01'));
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'First plan'], '2021-01-10');
    git(repo, ['tag', 'v1']);
    git(repo, ['mv', 'old.milestones.yaml', 'features.milestones.yaml']);
    write(repo, 'features.milestones.yaml', features('2021-07-01'));
    git(repo, ['commit', '-q', '-am', 'Rename; F-1 moves'], '2021-02-20');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  const snapshotWith = async (settings: Record<string, unknown>) => {
    const client = await TestClient.start({ folders: [repo], settings });
    try {
      await client.open(pathToFileURL(join(repo, 'releases.milestones.yaml')).href, releases);
      const snapshot = await client.request<PlanSnapshot>('milestones/planSnapshot');
      const said = client.notifications.filter((note) => note.method === 'window/logMessage').map((note) => (note.params as { message: string }).message);
      return { snapshot, said };
    } finally {
      await client.stop();
    }
  };

  test("milestones.baselineRevision: the due dates at that revision, by ID, across the rename", async () => {
    const { snapshot } = await snapshotWith({ baselineRevision: 'v1' });
    assert.deepEqual(snapshot.baseline, { revision: 'v1', commit: git(repo, ['rev-parse', '--short=7', 'v1']).trim(), due: { 'M-1': '2021-12-01', 'F-1': '2021-06-01' } });
    assert.equal(snapshot.features['F-1']!.due, '2021-07-01');
  });

  test('no setting, no baseline; a revision the repository does not have: none, and the log says why', async () => {
    assert.equal((await snapshotWith({})).snapshot.baseline, undefined);
    const { snapshot, said } = await snapshotWith({ baselineRevision: 'v9' });
    assert.equal(snapshot.baseline, undefined);
    assert.ok(said.includes('milestones.baselineRevision "v9" is not drawn: "v9" is not a revision of this repository: give a tag, a branch, a commit or e.g. HEAD~3.'), said.join('\n'));
  });
});

describe('the trend over LSP', () => {
  let repo: string;
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'milestones-trend-lsp-'));
    git(repo, ['init', '-q', '-b', 'main']);
    write(repo, 'releases.milestones.yaml', releases);
    write(repo, 'features.milestones.yaml', features('2021-06-01'));
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'First plan'], '2021-01-10');
    write(repo, 'local.yaml', 'F-1:\n  due: 2021-08-01\n');
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'Override F-1'], '2021-02-20');
    git(repo, ['tag', 'v1']);
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  test("milestones/trend: the history of the folder's repository, with the overrides files the settings name, by the steps asked", async () => {
    const client = await TestClient.start({ folders: [repo], settings: { overrideFiles: ['local.yaml'] } });
    try {
      const answer = await client.request<TrendAnswer>('milestones/trend', { every: 'month' });
      assert.equal(answer.reason, null);
      assert.deepEqual(answer.history!.steps.map((step) => [step.date, step.subject]), [['2021-01-10', 'First plan'], ['2021-02-20', 'Override F-1']]);
      const f1 = answer.history!.items.find((item) => item.id === 'F-1')!;
      assert.deepEqual(f1.changes, [{ step: 0, expected: '2021-06-01' }, { step: 1, expected: '2021-08-01' }]);
      const again = await client.request<TrendAnswer>('milestones/trend', { every: 'month' });
      assert.equal(again.version, answer.version, 'the same HEAD, the same history');
      const tags = await client.request<TrendAnswer>('milestones/trend', { every: 'tag' });
      assert.deepEqual(tags.history!.steps.map((step) => step.tag), ['v1']);
    } finally {
      await client.stop();
    }
  });

  test('outside a repository: no history, and why', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-trend-nogit-'));
    write(folder, 'releases.milestones.yaml', releases);
    const previous = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = tmpdir();
    const client = await TestClient.start({ folders: [folder] });
    try {
      const answer = await client.request<TrendAnswer>('milestones/trend', { every: 'month' });
      assert.equal(answer.history, null);
      assert.match(answer.reason ?? '', /is not inside a git repository/);
    } finally {
      await client.stop();
      if (previous === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = previous;
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
