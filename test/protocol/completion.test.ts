// Completion over LSP as VS Code asks for it, at a cursor marked `|` in the text being typed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';

const features = `features:
  DM-NCSA-9:
    name: Test instance of alert distribution hosting service
    due: 2019-05-31
    completed: 2019-05-31
  DM-NCSA-8:
    name: Alert Filtering Service receives alert streams
    due: 2021-07-01
  DM-AP-1:
    name: Basic single frame measurement pipeline.
    due: 2017-11-01
    completed: 2017-11-01
`;

let client: TestClient;
let version = 0;

/** Opens `text` (with `|` as the cursor) as a new plan and asks for completions there. */
async function complete(text: string): Promise<CompletionItem[]> {
  const offset = text.indexOf('|');
  const content = text.slice(0, offset) + text.slice(offset + 1);
  const before = content.slice(0, offset);
  const position = { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
  const uri = `file:///virtual/typing-${version++}.milestones.yaml`;
  await client.open(uri, content);
  const result = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position });
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  client.close(uri);
  return items;
}

const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

describe('completion over LSP', () => {
  before(async () => {
    client = await TestClient.start({ settings: { asOf: '2021-08-11' } });
    await client.open('file:///virtual/features.milestones.yaml', features);
  });
  after(() => client.stop());

  test('feature IDs in a block features list, with name, due and state; listed ones last', async () => {
    const items = await complete(`milestones:\n  M-1:\n    name: x # a comment\n    due: 2021-08-01\n    features:\n      - DM-AP-1\n      - DM-|\n`);
    assert.deepEqual(sorted(items).map((item) => item.label), ['DM-NCSA-9', 'DM-NCSA-8', 'DM-AP-1']);
    const ncsa8 = items.find((item) => item.label === 'DM-NCSA-8')!;
    assert.equal(ncsa8.detail, 'Alert Filtering Service receives alert streams · due 2021-07-01 · overdue');
    assert.match(ncsa8.filterText!, /Alert Filtering/);
    assert.deepEqual((ncsa8.textEdit as { range: unknown }).range, { start: { line: 6, character: 8 }, end: { line: 6, character: 11 } });
  });

  test('feature IDs in a flow list', async () => {
    const items = await complete(`milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n    features: [DM-AP-1, |]\n`);
    assert.equal(items.length, 3);
    assert.ok(items.every((item) => item.kind === 18 /* Reference */));
  });

  test('acronyms in free text once an upper-case letter is typed', async () => {
    const items = await complete(`milestones:\n  M-1:\n    name: Reprocessing of HS|\n    due: 2021-08-01\n`);
    const hsc = items.find((item) => item.label === 'HSC')!;
    assert.equal(hsc.detail, 'Hyper Suprime-Cam');
    assert.ok(items.every((item) => item.label.startsWith('HS')));
  });

  test('acronyms in a folded description', async () => {
    const items = await complete(`milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n    description: >-\n      Runs at NC|\n`);
    assert.deepEqual(items.map((item) => item.label), ['NCSA']);
  });

  test('keys of a milestone not yet written, with their descriptions, required first', async () => {
    const items = await complete(`milestones:\n  M-1:\n    name: x\n    |\n`);
    const labels = sorted(items).map((item) => item.label);
    assert.deepEqual(labels, ['due', 'completed', 'description', 'features', 'forecast', 'level', 'predecessors']);
    assert.match(JSON.stringify(items.find((item) => item.label === 'completed')!.documentation), /completed/);
  });

  test('top-level keys and a snippet for a new milestone', async () => {
    const top = await complete(`document: LDM-564\n|\n`);
    assert.deepEqual(top.map((item) => item.label).sort(), ['acronyms', 'asOf', 'features', 'milestones', 'title']);
    const snippet = await complete(`milestones:\n  |\n`);
    assert.equal(snippet[0]!.label, 'new milestone');
    assert.equal(snippet[0]!.insertTextFormat, 2);
    assert.match((snippet[0]!.textEdit as { newText: string }).newText, /^\$\{1:ID\}:\n {4}name: \$\{2:name\}\n {4}due: /);
  });

  test('dates: today, asOf, and the parent milestone\'s due date', async () => {
    await client.open('file:///virtual/parents.milestones.yaml', `milestones:\n  M-9:\n    name: y\n    due: 2020-03-31\n    features: [F-9]\n`);
    const items = await complete(`features:\n  F-9:\n    name: z\n    due: |\n`);
    const labels = items.map((item) => [item.label, item.detail]);
    assert.ok(labels.some(([, detail]) => detail === 'today'));
    assert.ok(labels.some(([label]) => label === '2021-08-11'));
    assert.ok(labels.some(([label, detail]) => label === '2020-03-31' && detail === 'due date of M-9'));
  });
});

describe('completion among many', () => {
  // 2,000 features and a plan glossary of 2,000 acronyms: the list is bounded, the best first, and
  // marked incomplete so that the editor asks again as the word grows.
  let many: TestClient;
  const count = 2000;
  const planText = [
    'acronyms:',
    ...Array.from({ length: count }, (_, index) => `  Z${index.toString(36).toUpperCase()}: Term ${index}`),
    'features:',
    ...Array.from({ length: count }, (_, index) => `  F-${index}:\n    name: ${index === 7 ? 'Alert filtering' : 'Feature'} ${index}\n    due: 2021-01-${String((index % 28) + 1).padStart(2, '0')}`),
    '',
  ].join('\n');
  before(async () => {
    many = await TestClient.start({ settings: { asOf: '2021-08-11' } });
    await many.open('file:///virtual/many.milestones.yaml', planText);
  });
  after(() => many.stop());

  const completeAt = async (text: string): Promise<CompletionList> => {
    const offset = text.indexOf('|');
    const content = text.slice(0, offset) + text.slice(offset + 1);
    const before = content.slice(0, offset);
    const uri = `file:///virtual/many-${version++}.milestones.yaml`;
    await many.open(uri, content);
    const position = { line: before.split('\n').length - 1, character: offset - before.lastIndexOf('\n') - 1 };
    const result = await many.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position });
    many.close(uri);
    return result;
  };

  test('feature IDs: a few hundred at most, those starting with what is typed first, then by due date', async () => {
    const all = await completeAt('milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n    features:\n      - |\n');
    assert.equal(all.isIncomplete, true);
    assert.ok(all.items.length > 50 && all.items.length < count, `${all.items.length} items`);
    const typed = await completeAt('milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n    features:\n      - F-7|\n');
    const labels = sorted(typed.items).map((item) => item.label);
    assert.equal(typed.isIncomplete, true);
    // F-7, F-70…F-79, F-700…F-799 start with what is typed: they come first, the earliest due
    // first; then IDs with its characters in order (F-1176), up to the bound.
    const starting = labels.slice(0, 1 + 10 + 100);
    assert.ok(starting.every((label) => label.startsWith('F-7')), starting.join(' '));
    const dues = starting.map((label) => Number(label.slice(2)) % 28);
    assert.deepEqual(dues, [...dues].sort((a, b) => a - b));
    assert.ok(labels.slice(starting.length).every((label) => !label.startsWith('F-7')));
    assert.ok(labels.length > starting.length && labels.length < count, `${labels.length} items`);
    // A word of the name finds the feature too, after those whose ID matches.
    const byName = await completeAt('milestones:\n  M-1:\n    name: x\n    due: 2021-08-01\n    features: [filtering|]\n');
    assert.deepEqual(byName.items.map((item) => item.label), ['F-7']);
  });

  test('acronyms: the term typed first, then the shortest, a few hundred at most', async () => {
    const result = await completeAt('milestones:\n  M-1:\n    name: Runs Z1|\n    due: 2021-08-01\n');
    const labels = sorted(result.items).map((item) => item.label);
    assert.equal(result.isIncomplete, true);
    assert.equal(labels[0], 'Z1');
    assert.ok(labels.every((label) => label.startsWith('Z1')));
    const lengths = labels.map((label) => label.length);
    assert.deepEqual(lengths, [...lengths].sort((a, b) => a - b));
    const wide = await completeAt('milestones:\n  M-1:\n    name: Runs Z|\n    due: 2021-08-01\n');
    assert.ok(wide.items.length < count && wide.items.length >= 100, `${wide.items.length} items`);
  });
});
