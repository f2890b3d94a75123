// Inputs at the limits of size, generated: keys, IDs, acronyms and values of 100,000 characters,
// lines up to the file-size limit, lists and maps of 100,000 entries. Through the service, the
// command line and the language server, none makes anything throw, each file gets its answer, and
// a file beside them is still checked. (A key of 46,000 characters once made "did you mean"
// allocate a 9.8 GB distance table.)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createPlanService } from '../../server/src/service';
import { runCli } from '../helpers/cli';
import { heavyAnswerBound, unlessHung } from '../helpers/deadline';
import { messageOf, TestClient } from '../helpers/lspClient';

const long = 100_000;
/** Just under the default milestones.maxFileSize (5 MB), for one line that fills a file. */
const fileSize = 5 * 1024 * 1024 - 1024;
const entries = 100_000;

const item = (id: string, extra = '') => `  ${id}:\n    name: Item ${id}\n    due: 2021-01-01\n${extra}`;
const ids = (prefix: string) => Array.from({ length: entries }, (_, index) => `${prefix}${index}`);

/** Each case: a plan, and a problem code it must get (the input is read, not skipped). */
const cases: { name: string; text: string; expect: string }[] = [
  { name: 'a listed feature ID of 100,000 characters, one edit from a defined one', text: `milestones:\n${item('M-1', `    features: [${'F'.repeat(long)}]\n`)}features:\n${item(`${'F'.repeat(long - 1)}G`)}`, expect: 'unknown-feature' },
  { name: 'an unknown key of 100,000 characters', text: `milestones:\n${item('M-1', `    ${'k'.repeat(long)}: 1\n`)}`, expect: 'schema' },
  { name: 'an acronym of 100,000 characters in a name', text: `milestones:\n  M-1:\n    name: ${'Q'.repeat(long)}\n    due: 2021-01-01\n`, expect: 'unknown-acronym' },
  { name: 'a predecessor of 100,000 characters', text: `milestones:\n${item('M-1', `    predecessors: [${'P'.repeat(long)}]\n`)}${item(`${'P'.repeat(long - 1)}Q`)}`, expect: 'unknown-predecessor' },
  { name: 'an item ID of 100,000 characters', text: `milestones:\n${item('I'.repeat(long), '    completed: 2031-01-01\n')}`, expect: 'completed-in-future' },
  { name: 'a name filling the file on one line', text: `milestones:\n  M-1:\n    name: ${'a '.repeat(fileSize / 2 - 40)}\n    due: 2021-02-30\n`, expect: 'invalid-date' },
  { name: 'a quoted description filling the file on one line', text: `milestones:\n${item('M-1', `    description: "${'word '.repeat(fileSize / 5 - 40)}QQZ"\n`)}`, expect: 'unknown-acronym' },
  { name: 'a comment filling the file on one line', text: `# ${'#'.repeat(fileSize - 100)}\nmilestones:\n  M-1:\n    name: x\n    due: 2021-02-30\n`, expect: 'invalid-date' },
  { name: '100,000 features listed, one a line', text: `milestones:\n${item('M-1', `    features:\n${ids('F-').map((id) => `      - ${id}\n`).join('')}`)}`, expect: 'unknown-feature' },
  { name: '100,000 features in a flow list', text: `milestones:\n${item('M-1', `    features: [${ids('F-').join(', ')}]\n`)}`, expect: 'unknown-feature' },
  { name: '100,000 predecessors', text: `milestones:\n${item('M-1', `    predecessors: [${ids('P-').join(', ')}]\n`)}`, expect: 'unknown-predecessor' },
  { name: '100,000 unknown keys', text: `milestones:\n${item('M-1', ids('key').map((key) => `    ${key}: 1\n`).join(''))}`, expect: 'schema' },
  { name: '100,000 acronyms in one name', text: `milestones:\n  M-1:\n    name: ${ids('QX').join(' ')}\n    due: 2021-01-01\n`, expect: 'unknown-acronym' },
];

const bystander = 'milestones:\n  B-1:\n    name: Beside the others\n    due: 2021-02-30\n';

describe('inputs at the limits, through the service', () => {
  for (const { name, text, expect } of cases) {
    test(name, () => {
      const service = createPlanService();
      service.setSettings({ asOf: '2021-08-11' });
      const uri = 'file:///limits/a.milestones.yaml';
      service.setFile(uri, text);
      service.setFile('file:///limits/b.milestones.yaml', bystander);
      const problems = service.problems(uri);
      assert.ok(problems.some((problem) => problem.code === expect), `a ${expect} problem among ${problems.length}: ${problems.slice(0, 3).map((problem) => problem.code).join(', ')}`);
      assert.deepEqual(service.problems('file:///limits/b.milestones.yaml').map((problem) => problem.code), ['invalid-date']);
      // Every request a user can make there answers (at the start, in the middle, at the end).
      for (const offset of [0, 20, Math.floor(text.length / 2), text.length - 2]) {
        service.hover(uri, offset);
        service.complete(uri, offset);
        service.codeActions(uri, { start: offset, end: offset + 1 });
        service.definitions(uri, offset);
        service.references(uri, offset, true);
        service.prepareRename(uri, offset);
        service.selectionRanges(uri, offset);
      }
      service.fixAll(uri);
      service.documentSymbols(uri);
      service.foldingRanges(uri);
      service.documentLinks(uri);
      service.inlayHints(uri, { start: 0, end: text.length });
      service.codeLenses(uri);
      service.snapshot();
      service.exportPlan('md');
      service.exportGraph('mermaid');
      service.workspaceSymbols('M');
    });
  }

  test('an entry with more problems than an entry reports: the first 100,000, and one that says how many more', () => {
    const service = createPlanService();
    const uri = 'file:///limits/many.milestones.yaml';
    service.setFile(uri, `milestones:\n  M-1:\n    name: ${Array.from({ length: 150_000 }, (_, index) => `Q${index.toString(36).toUpperCase()}X`).join(' ')}\n    due: 2031-01-01\n`);
    const problems = service.problems(uri);
    assert.equal(problems.length, 100_001);
    assert.deepEqual(problems.slice(-2).map((problem) => [problem.code, problem.message]), [
      ['unknown-acronym', `Unknown acronym Q${(99_999).toString(36).toUpperCase()}X: no glossary defines it. Add it to the plan's acronyms or a glossary, or to the skip list.`],
      ['unknown-acronym', '50,000 more problems, from here on in this entry, are not reported: an entry reports at most 100,000. Fix the ones above, or turn their rules off in milestones.rules.'],
    ]);
    assert.equal(problems[100_000]!.start, problems[99_999]!.end + 1);
  });

  test('an overrides file with a code, a key and an acronym of 100,000 characters', () => {
    const service = createPlanService();
    const uri = 'file:///limits/local.yaml';
    service.setFile('file:///limits/a.milestones.yaml', `milestones:\n${item(`${'C'.repeat(long - 1)}D`)}`);
    service.setOverridesFile(uri, `${'C'.repeat(long)}:\n  ${'d'.repeat(long)}: x\n  description: ${'Q'.repeat(long)}\n`);
    const codes = service.problems(uri).map((problem) => problem.code).sort();
    // A key of over 1,024 characters is not a YAML key (the YAML spec's limit on implicit keys).
    assert.deepEqual(codes, ['schema', 'unknown-acronym', 'unknown-override', 'yaml-syntax', 'yaml-syntax']);
    service.codeActions(uri, { start: 0, end: 3 * long });
    service.hover(uri, 10);
    service.complete(uri, 2 * long + 20);
  });
});

describe('inputs at the limits, through the command line', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'milestones-sizes-'));
    cases.forEach(({ text }, index) => writeFileSync(join(folder, `case-${String(index).padStart(2, '0')}.milestones.yaml`), text));
    writeFileSync(join(folder, 'zz-bystander.milestones.yaml'), bystander);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('every file checked, each with its problem, and an exit status that says so', () => {
    const result = runCli(['check', '--format', 'json', '--as-of', '2021-08-11', '.'], folder);
    assert.doesNotMatch(result.stderr, /internal error/);
    assert.equal(result.status, 1, result.stderr.slice(0, 2000));
    const rows = JSON.parse(result.stdout) as { file: string; code: string }[];
    cases.forEach(({ name, expect }, index) => {
      const file = `case-${String(index).padStart(2, '0')}.milestones.yaml`;
      assert.ok(rows.some((row) => row.file === file && row.code === expect), `${name}: a ${expect} problem`);
    });
    assert.deepEqual(rows.filter((row) => row.file === 'zz-bystander.milestones.yaml').map((row) => row.code), ['invalid-date']);
  });
});

describe('inputs at the limits, through the language server', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: { asOf: '2021-08-11' } });
    // A file of 5 MB is read whole: a bound for a large input, not for one keystroke.
    client.diagnosticsTimeout = heavyAnswerBound;
  });
  after(() => client.stop());

  test('each opened file gets its diagnostics and answers requests; a file opened after them too', async () => {
    for (const [index, { name, text, expect }] of cases.entries()) {
      const uri = `file:///limits/case-${index}.milestones.yaml`;
      const diagnostics = await unlessHung(client.open(uri, text), `diagnostics of ${name}`, heavyAnswerBound);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === expect), `${name}: ${diagnostics.slice(0, 3).map(messageOf).join(' | ').slice(0, 500)}`);
      const lines = text.split('\n');
      for (const position of [{ line: 0, character: 0 }, { line: 2, character: 6 }, { line: lines.length - 2, character: 4 }]) {
        await unlessHung(client.request('textDocument/hover', { textDocument: { uri }, position }), `hover in ${name}`);
        await unlessHung(client.request('textDocument/completion', { textDocument: { uri }, position }), `completion in ${name}`);
        await unlessHung(client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } }), `code actions in ${name}`);
      }
      await unlessHung(client.request('textDocument/documentSymbol', { textDocument: { uri } }), `outline of ${name}`);
      await unlessHung(client.request('milestones/planSnapshot'), `snapshot after ${name}`, heavyAnswerBound);
      assert.ok(!client.exited, client.stderr);
      client.close(uri);
    }
    const bystanderUri = pathToFileURL(join(tmpdir(), 'bystander.milestones.yaml')).href;
    const diagnostics = await unlessHung(client.open(bystanderUri, bystander), 'diagnostics of a plain file after them');
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['invalid-date']);
  });
});
