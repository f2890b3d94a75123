// Rescheduling over LSP, as the extension's *Move Date…* asks for it: the preview of a move, the
// workspace edit of the option chosen in lines and characters, and the "Move by N days…" code action
// offered to a client that says it runs the command (`experimental.moveDateCommand`), to no other.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import type { MovePreview } from '../../common/reschedule';
import { TestClient } from '../helpers/lspClient';

const uri = 'file:///plans/moves.milestones.yaml';
const plan = `milestones:
  M-1:
    name: one
    due: 2022-03-01
    features: [F-1]
features:
  F-1:
    name: f1
    due: 2022-02-20
`;

describe('rescheduling over LSP', () => {
  let client: TestClient;
  let other: TestClient;
  before(async () => {
    client = await TestClient.start({ experimental: { moveDateCommand: true } });
    other = await TestClient.start({});
    await client.open(uri, plan);
    await other.open(uri, plan);
  });
  after(async () => {
    await client.stop();
    await other.stop();
  });

  test('the preview, then the edit of the option chosen', async () => {
    const preview = await client.request<MovePreview>('milestones/movePreview', { id: 'F-1', days: 14 });
    assert.ok(!('message' in preview));
    assert.deepEqual([preview.from, preview.to], ['2022-02-20', '2022-03-06']);
    assert.deepEqual(preview.only.failing.map((check) => check.code), ['feature-due-after-milestone']);
    assert.deepEqual(preview.push.moves.map((move) => [move.id, move.to]), [['F-1', '2022-03-06'], ['M-1', '2022-03-15']]);
    const made = await client.request<{ edit: { changes: Record<string, unknown[]> } }>('milestones/moveDate', { id: 'F-1', days: 14, kind: 'push', from: '2022-02-20' });
    assert.deepEqual(made.edit.changes[uri], [
      { range: { start: { line: 8, character: 9 }, end: { line: 8, character: 19 } }, newText: '2022-03-06' },
      { range: { start: { line: 3, character: 9 }, end: { line: 3, character: 19 } }, newText: '2022-03-15' },
    ]);
    assert.deepEqual(await client.request('milestones/moveDate', { id: 'F-1', days: 14, kind: 'only', from: '2022-01-01' }), { message: "F-1's due is 2022-02-20 now, not 2022-01-01: move it again." });
  });

  test('"Move by N days…" on an item with a date, for a client that runs the command', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 6, character: 3 }, end: { line: 6, character: 3 } }, context: { diagnostics: [] } });
    assert.deepEqual(
      actions.filter((action) => action.kind === 'refactor.rewrite'),
      [{ title: 'Move F-1 by N days…', kind: 'refactor.rewrite', command: { title: 'Move F-1 by N days…', command: 'milestones.moveDate', arguments: [{ id: 'F-1' }] } }],
    );
    const elsewhere = await other.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 6, character: 3 }, end: { line: 6, character: 3 } }, context: { diagnostics: [] } });
    assert.deepEqual(elsewhere.filter((action) => action.kind === 'refactor.rewrite'), []);
  });
});
