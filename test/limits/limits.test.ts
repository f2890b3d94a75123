// Input that would make a naive server hang or crash: an alias bomb, deep nesting, a file over the
// size limit, a glossary of 100,000 rows, a workspace of 2,000 plans. Each gets a clear answer (a
// bound detects a hang; the bench measures speed), and the server keeps answering afterwards.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Hover, SymbolInformation } from 'vscode-languageserver-protocol';
import { heavyAnswerBound, unlessHung } from '../helpers/deadline';
import { messageOf, TestClient } from '../helpers/lspClient';

const plan = (id: string) => `asOf: 2021-08-11\nmilestones:\n  M-${id}:\n    name: Milestone ${id}\n    due: 2021-01-01\n    completed: 2021-01-01\n    features: [F-${id}]\nfeatures:\n  F-${id}:\n    name: Feature ${id}\n    due: 2020-12-01\n    completed: 2020-12-01\n`;

/** The classic "billion laughs": nine levels of nine aliases each, 9^9 nodes if expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 9; level++) {
    const name = String.fromCharCode(97 + level);
    const previous = String.fromCharCode(96 + level);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return `${lines.join('\n')}\nmilestones:\n  M-1:\n    name: *i\n    due: 2021-01-01\n`;
}

describe('limits over the protocol', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: { asOf: '2021-08-11' } });
  });
  after(() => client.stop());

  test('an alias bomb: a bounded expansion and a problem that says so', async () => {
    const uri = 'file:///limits/bomb.milestones.yaml';
    const diagnostics = await unlessHung(client.open(uri, aliasBomb()), 'diagnostics of the alias bomb');
    const bounded = diagnostics.filter((diagnostic) => diagnostic.code === 'yaml-syntax' && /alias/i.test(messageOf(diagnostic)));
    assert.equal(bounded.length, 1, JSON.stringify(diagnostics.map(messageOf)));
    assert.match(messageOf(bounded[0]!), /Aliases expand to more than [\d,]+ nodes/);
    await unlessHung(client.request('milestones/planSnapshot'), 'plan snapshot after the alias bomb');
    client.close(uri);
  });

  // In this order, the second and third once crashed the server: the parser ran out of stack, and V8
  // then failed to compile a regular expression ("RegExpCompiler Allocation failed").
  for (const [what, text] of [
    ['1,500 nested flow sequences in a name', `milestones:\n  M-1:\n    name: ${'['.repeat(1500)}${']'.repeat(1500)}\n    due: 2021-01-01\n`],
    ['10,000 nested flow sequences', `milestones: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`],
    ['10,000 nested flow maps in a name', `milestones:\n  M-1:\n    name: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n    due: 2021-01-01\n`],
    ['2,000 nested block maps', `milestones:\n${Array.from({ length: 2000 }, (_, depth) => `${' '.repeat(2 * depth + 2)}k${depth}:`).join('\n')} 1\n`],
    ['100,000 nested block sequences', `milestones:\n  ${'- '.repeat(100_000)}1\n`],
    ['300 nested flow sequences spread over lines', `milestones:\n  M-1:\n    name: ${'[\n      '.repeat(300)}1${'\n    ]'.repeat(300)}\n    due: 2021-01-01\n`],
  ] as const) {
    test(`deep nesting (${what}): a problem that says so, and no crash`, async () => {
      const uri = `file:///limits/deep-${what.replace(/\W+/g, '-')}.milestones.yaml`;
      const diagnostics = await unlessHung(client.open(uri, text), `diagnostics of ${what}`);
      const nesting = diagnostics.filter((diagnostic) => diagnostic.code === 'yaml-syntax' && /^Nested more than 256 levels deep: this part of the file is not read\./.test(messageOf(diagnostic)));
      assert.equal(nesting.length, 1, JSON.stringify(diagnostics.map(messageOf)));
      await unlessHung(client.request('textDocument/documentSymbol', { textDocument: { uri } }), `outline of ${what}`);
      await unlessHung(client.request('textDocument/foldingRange', { textDocument: { uri } }), `folding of ${what}`);
      await unlessHung(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 12 } }), `hover in ${what}`);
      await unlessHung(client.request('milestones/planSnapshot'), `snapshot after ${what}`);
      assert.ok(!client.exited, client.stderr);
      client.close(uri);
    });
  }

  test('a file over milestones.maxFileSize (default 5 MB) gets one file-too-large problem, not silence', async () => {
    const uri = 'file:///limits/huge.milestones.yaml';
    const entry = (index: number) => `  F-${index}:\n    name: Feature ${index} with a longer name to take some room\n    due: 2021-01-01\n`;
    const parts = ['features:\n'];
    let size = parts[0]!.length;
    for (let index = 0; size <= 5 * 1024 * 1024; index++) {
      parts.push(entry(index));
      size += parts[parts.length - 1]!.length;
    }
    const diagnostics = await unlessHung(client.open(uri, parts.join('')), 'diagnostics of a 5 MB file');
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['file-too-large']);
    assert.match(messageOf(diagnostics[0]!), /larger than the limit of 5\.0 MB \(setting milestones\.maxFileSize\)/);
    assert.deepEqual(diagnostics[0]!.range.start, { line: 0, character: 0 });
    client.close(uri);
  });

  test('a smaller milestones.maxFileSize applies to files already open, and raising it checks them again', async () => {
    const uri = 'file:///limits/sized.milestones.yaml';
    const text = plan('S1');
    await client.open(uri, text);
    client.settings = { asOf: '2021-08-11', maxFileSize: 100 };
    const waiting = client.waitForDiagnostics(uri, (diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === 'file-too-large'));
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const limited = await unlessHung(waiting, 'file-too-large after the setting changed');
    assert.equal(limited.length, 1);
    assert.match(messageOf(limited[0]!), /This file is 1 KB, larger than the limit of 1 KB \(setting milestones\.maxFileSize\)/);
    client.settings = { asOf: '2021-08-11' };
    const checked = client.waitForDiagnostics(uri, (diagnostics) => !diagnostics.some((diagnostic) => diagnostic.code === 'file-too-large'));
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await unlessHung(checked, 'checks again after the limit was raised');
    client.close(uri);
  });
});

describe('a glossary of 100,000 rows', () => {
  let folder: string;
  let client: TestClient;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'milestones-glossary-'));
    const rows = ['Term,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type'];
    for (let index = 0; index < 100_000; index++) rows.push(`T${index.toString(36).toUpperCase()}X,"Term number ${index}, quoted",DM,,,Acronym`);
    writeFileSync(join(folder, 'glossarydefs.csv'), `${rows.join('\n')}\n`);
  });
  after(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('loads, checks a plan against it and hovers its terms', async () => {
    client = await unlessHung(TestClient.start({ folders: [folder], settings: { asOf: '2021-08-11', glossaryFiles: ['glossarydefs.csv'] } }), 'start with a 100,000-row glossary', heavyAnswerBound);
    const uri = pathToFileURL(join(folder, 'a.milestones.yaml')).href;
    const known = `T${(99_999).toString(36).toUpperCase()}X`;
    const text = `milestones:\n  M-1:\n    name: Uses ${known} and QQQZ\n    due: 2031-01-01\n`;
    const diagnostics = await unlessHung(client.open(uri, text), 'diagnostics with a 100,000-row glossary', heavyAnswerBound);
    const acronyms = diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-acronym').map(messageOf);
    assert.equal(acronyms.length, 1, JSON.stringify(acronyms));
    assert.match(acronyms[0]!, /QQQZ/);
    const hover = await unlessHung(client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 16 } }), 'hover');
    assert.match(JSON.stringify(hover.contents), /Term number 99999, quoted/);
  });
});

describe('a workspace of 2,000 plan files', () => {
  let folder: string;
  let client: TestClient;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'milestones-many-'));
    for (let index = 0; index < 2000; index++) {
      const sub = join(folder, `area-${Math.floor(index / 100)}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `plan-${index}.milestones.yaml`), plan(String(index)));
    }
  });
  after(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('indexes every file and answers across them', async () => {
    client = await unlessHung(TestClient.start({ folders: [folder], settings: { asOf: '2021-08-11' } }), 'start in a 2,000-file workspace', heavyAnswerBound);
    const uri = pathToFileURL(join(folder, 'extra.milestones.yaml')).href;
    // A milestone in a new file lists features from the first and the last of the 2,000 files.
    const diagnostics = await unlessHung(client.open(uri, 'milestones:\n  X-1:\n    name: Across\n    due: 2021-06-01\n    features: [F-0, F-1999, F-2000]\n'), 'diagnostics in a 2,000-file workspace', heavyAnswerBound);
    const unknown = diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-feature').map(messageOf);
    assert.equal(unknown.length, 1, JSON.stringify(unknown));
    assert.match(unknown[0]!, /F-2000/);
    const symbols = await unlessHung(client.request<SymbolInformation[]>('workspace/symbol', { query: 'M-1999' }), 'workspace symbols');
    assert.ok(symbols.some((symbol) => symbol.name === 'M-1999'));
  });
});
