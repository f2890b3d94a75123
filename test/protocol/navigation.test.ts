// Hover, definition, references, rename, symbols, folding, selection, links, inlay hints and code
// lenses over LSP, on two plan files that refer to each other.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, DocumentLink, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, SelectionRange, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';

let client: TestClient;
let folder: string;
let releasesUri: string;
let featuresUri: string;
let releases: string;
let features: string;

/** The position of the `occurrence`-th `needle` in `text`, `offset` characters into it. */
function positionOf(text: string, needle: string, offset = 0, occurrence = 1): { line: number; character: number } {
  let index = -1;
  for (let count = 0; count < occurrence; count++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} not found`);
  const before = text.slice(0, index + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line]!.slice(range.start.character, range.end.character);
  return [lines[range.start.line]!.slice(range.start.character), ...lines.slice(range.start.line + 1, range.end.line), lines[range.end.line]!.slice(0, range.end.character)].join('\n');
}

describe('navigation and information over LSP', () => {
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'milestones-nav-'));
    cpSync(new URL('../fixtures/editing', import.meta.url), folder, { recursive: true });
    releasesUri = pathToFileURL(join(folder, 'releases.milestones.yaml')).href;
    featuresUri = pathToFileURL(join(folder, 'features.milestones.yaml')).href;
    releases = readFileSync(join(folder, 'releases.milestones.yaml'), 'utf8');
    features = readFileSync(join(folder, 'features.milestones.yaml'), 'utf8');
    client = await TestClient.start({ folders: [folder], settings: { jiraBaseUrl: 'https://jira.example.org/browse' } });
    await client.open(releasesUri, releases);
  });
  after(() => client.stop());

  const hover = (uri: string, position: { line: number; character: number }) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  const markdown = (result: Hover | null) => (result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '');

  test('hover on an acronym in a name gives its meaning and source', async () => {
    const result = await hover(releasesUri, positionOf(releases, 'HSC data', 1));
    assert.match(markdown(result), /\*\*HSC\*\* — Hyper Suprime-Cam/);
    assert.match(markdown(result), /built-in glossary/);
    assert.equal(textAt(releases, result!.range!), 'HSC');
  });

  test('hover on a listed feature gives its name, dates, state and parents with their inconsistencies', async () => {
    const result = await hover(releasesUri, positionOf(releases, 'DM-NCSA-8', 3));
    const text = markdown(result);
    assert.match(text, /\*\*DM-NCSA-8\*\* · Feature/);
    assert.match(text, /Alert Filtering Service receives alert streams/);
    assert.match(text, /Due 2021-07-01 · \*\*overdue\*\* \(as of 2021-08-11\)/);
    assert.match(text, /Delivered by 2 milestones/);
    assert.match(text, /LDM-503-05: Alert distribution validation, see DMTN-106 \(due 2018-07-17, completed 2018-07-17\) — ⚠ feature-due-after-milestone, feature-open-in-completed-milestone/);
    assert.equal(textAt(releases, result!.range!), '"DM-NCSA-8"');
  });

  test('hover on a milestone ID counts its features, and on a key gives the schema description', async () => {
    assert.match(markdown(await hover(releasesUri, positionOf(releases, 'LDM-503-05', 2))), /2 features · 1 open/);
    assert.match(markdown(await hover(releasesUri, positionOf(releases, 'completed:', 2))), /The date the milestone was completed/);
  });

  test('definition and references across files', async () => {
    const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: releasesUri }, position: positionOf(releases, 'DM-NCSA-16', 2) });
    assert.deepEqual(definition.map((location) => [location.uri, textAt(features, location.range)]), [[featuresUri, 'DM-NCSA-16']]);
    const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: releasesUri }, position: positionOf(releases, 'DM-NCSA-8', 2), context: { includeDeclaration: true } });
    assert.deepEqual(
      references.map((location) => `${location.uri === featuresUri ? 'features' : 'releases'}:${location.range.start.line}`),
      ['features:5', 'releases:11', 'releases:16'],
    );
  });

  test('rename changes every file and keeps quoting; an invalid or taken ID is refused', async () => {
    const position = positionOf(releases, 'DM-NCSA-8', 2);
    const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: releasesUri }, position });
    assert.equal(prepared.placeholder, 'DM-NCSA-8');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: releasesUri }, position, newName: 'DM-NCSA-8a' });
    const changes = edit.changes!;
    assert.deepEqual(changes[featuresUri]!.map((change) => [textAt(features, change.range), change.newText]), [['DM-NCSA-8', 'DM-NCSA-8a']]);
    assert.deepEqual(changes[releasesUri]!.map((change) => [textAt(releases, change.range), change.newText]), [['"DM-NCSA-8"', '"DM-NCSA-8a"'], ['DM-NCSA-8', 'DM-NCSA-8a']]);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: releasesUri }, position, newName: 'bad id!' }), /not a valid ID/);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: releasesUri }, position, newName: 'DM-NCSA-9' }), /DM-NCSA-9 is already defined/);
    await assert.rejects(client.request('textDocument/prepareRename', { textDocument: { uri: releasesUri }, position: positionOf(releases, 'Alert distribution') }), /Only a milestone or feature ID/);
  });

  test('document symbols: milestones with their features beneath', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: releasesUri } });
    const milestones = symbols.find((symbol) => symbol.name === 'milestones')!;
    assert.deepEqual(milestones.children!.map((symbol) => [symbol.name, symbol.children!.map((child) => child.name)]), [
      ['LDM-503-05', ['DM-NCSA-9', 'DM-NCSA-8']],
      ['LDM-503-11', ['DM-NCSA-16', 'DM-NCSA-8']],
    ]);
    assert.equal(textAt(releases, milestones.children![0]!.selectionRange), 'LDM-503-05');
  });

  test('workspace symbols: fuzzy, across every file', async () => {
    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'ncsa16' });
    assert.deepEqual(found.map((symbol) => symbol.name), ['DM-NCSA-16']);
    const byName = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'filtering' });
    assert.deepEqual(byName.map((symbol) => symbol.name), ['DM-NCSA-8']);
  });

  test('folding and selection ranges', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: releasesUri } });
    const lines = releases.split('\n');
    assert.ok(folds.some((fold) => lines[fold.startLine]!.startsWith('milestones:')));
    assert.ok(folds.some((fold) => lines[fold.startLine]!.includes('LDM-503-05:') && lines[fold.endLine]!.includes('"DM-NCSA-8"')));
    const [selection] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri: releasesUri }, positions: [positionOf(releases, '2018-07-17', 2)] });
    const chain: string[] = [];
    for (let range: SelectionRange | undefined = selection; range; range = range.parent) chain.push(textAt(releases, range.range).split('\n')[0]!);
    assert.deepEqual(chain.slice(0, 3), ['2018-07-17', 'due: 2018-07-17', 'LDM-503-05:   # the alert milestone']);
  });

  test('document links for handles and Jira keys', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: releasesUri } });
    assert.deepEqual(links.map((link) => [textAt(releases, link.range), link.target]), [
      ['LDM-564', 'https://ls.st/LDM-564'],
      ['DMTN-106', 'https://ls.st/DMTN-106'],
    ]);
    await client.open(featuresUri, features);
    const jira = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: featuresUri } });
    assert.deepEqual(jira.map((link) => link.target), ['https://jira.example.org/browse/DM-12345']);
  });

  test('inlay hints after listed features, code lenses over milestones', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri: releasesUri }, range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } } });
    assert.deepEqual(hints.map((hint) => [hint.position.line, hint.label]), [
      [10, '✓ 2019-05-31'],
      [11, 'due 2021-07-01 · overdue'],
      [16, '✓ 2019-06-13'],
      [16, 'due 2021-07-01 · overdue'],
    ]);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: releasesUri } });
    assert.deepEqual(lenses.map((lens) => lens.command!.title), ['2 features · 1 open · latest due 2021-07-01', '2 features · 1 open · latest due 2021-07-01']);
  });
});

describe('fixes that add to a glossary file or the skip list', () => {
  test('an unknown acronym is added to the configured glossary file, or to the skip list', async () => {
    const { writeFileSync } = await import('node:fs');
    const folder = mkdtempSync(join(tmpdir(), 'milestones-glossary-fix-'));
    writeFileSync(join(folder, 'myacronyms.txt'), 'AP:Alert Production');
    writeFileSync(join(folder, 'skip.txt'), '# words\n');
    const plan = 'milestones:\n  M-1:\n    name: Ship the QQX\n    due: 2030-01-01\n';
    writeFileSync(join(folder, 'a.milestones.yaml'), plan);
    const glossaryClient = await TestClient.start({ folders: [folder], settings: { glossaryFiles: ['myacronyms.txt'], skipAcronymsFile: 'skip.txt' } });
    try {
      const uri = pathToFileURL(join(folder, 'a.milestones.yaml')).href;
      const diagnostics = await glossaryClient.open(uri, plan);
      const problem = diagnostics.find((diagnostic) => diagnostic.code === 'unknown-acronym')!;
      const actions = await glossaryClient.request<{ title: string; edit: WorkspaceEdit; command?: { command: string; arguments: unknown[] } }[]>('textDocument/codeAction', { textDocument: { uri }, range: problem.range, context: { diagnostics: [problem] } });
      const glossary = actions.find((action) => action.title === 'Add QQX to myacronyms.txt')!;
      const [glossaryUri, glossaryEdits] = Object.entries(glossary.edit.changes!)[0]!;
      assert.ok(glossaryUri.endsWith('/myacronyms.txt'));
      assert.deepEqual(glossaryEdits, [{ range: { start: { line: 0, character: 19 }, end: { line: 0, character: 19 } }, newText: '\nQQX:TODO define QQX\n' }]);
      // Then the client selects the placeholder definition, on the new line, to be typed over.
      assert.deepEqual(glossary.command && [glossary.command.command, glossary.command.arguments], ['milestones.reveal', [{ uri: glossaryUri, range: { start: { line: 1, character: 4 }, end: { line: 1, character: 19 } } }]]);
      const skip = actions.find((action) => action.title === 'Add QQX to the skip list skip.txt')!;
      assert.deepEqual(Object.values(skip.edit.changes!)[0], [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'QQX\n' }]);
    } finally {
      await glossaryClient.stop();
    }
  });
});
