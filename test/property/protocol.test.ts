// Random edits of the example plan sent to a real language server, as an editor sends keystrokes
// and pastes — tabs, CRLF, lone CR, a BOM, NUL and lone surrogates included. After every edit the
// server publishes diagnostics for the new version within a second, every range it sends lies
// inside the document, and the request that follows the edit is answered within a second.
// MILESTONES_PROPERTY_EDITS sets how many edits (default 1,000; `.ci/run` uses 10,000);
// MILESTONES_PROPERTY_SEED replays a failing run.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { unlessHung } from '../helpers/deadline';
import { TestClient } from '../helpers/lspClient';
import { outsideDocument } from '../helpers/ranges';
import { editArbitrary, propertySeed, replayable, spliceOf } from './generators';

const example = readFileSync(new URL('../../examples/ldm-564.milestones.yaml', import.meta.url), 'utf8');
const totalEdits = Number(process.env.MILESTONES_PROPERTY_EDITS ?? 1000);
const editsPerRun = 100;

type RequestKind = 'hover' | 'completion' | 'definition' | 'references' | 'documentSymbol' | 'foldingRange' | 'selectionRange' | 'documentLink' | 'inlayHint' | 'codeLens' | 'codeAction' | 'fixAll' | 'prepareRename' | 'rename' | 'planSnapshot' | 'workspaceSymbol';

const requestKinds: RequestKind[] = ['hover', 'completion', 'definition', 'references', 'documentSymbol', 'foldingRange', 'selectionRange', 'documentLink', 'inlayHint', 'codeLens', 'codeAction', 'fixAll', 'prepareRename', 'rename', 'planSnapshot', 'workspaceSymbol'];

const stepArbitrary = fc.record({ edit: editArbitrary, request: fc.constantFrom(...requestKinds), at: fc.nat({ max: 1_000_000 }) });

/** The request of a kind at an offset of the document, as VS Code would send it. */
function requestFor(kind: RequestKind, document: TextDocument, offset: number, diagnostics: Diagnostic[]): [string, unknown] {
  const textDocument = { uri: document.uri };
  const position = document.positionAt(offset);
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
  switch (kind) {
    case 'hover':
    case 'definition':
    case 'prepareRename':
      return [`textDocument/${kind}`, { textDocument, position }];
    case 'completion':
      return ['textDocument/completion', { textDocument, position, context: { triggerKind: 1 } }];
    case 'references':
      return ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }];
    case 'rename':
      return ['textDocument/rename', { textDocument, position, newName: 'RENAMED-1' }];
    case 'documentSymbol':
    case 'foldingRange':
    case 'documentLink':
    case 'codeLens':
      return [`textDocument/${kind}`, { textDocument }];
    case 'selectionRange':
      return ['textDocument/selectionRange', { textDocument, positions: [position] }];
    case 'inlayHint':
      return ['textDocument/inlayHint', { textDocument, range: whole }];
    case 'codeAction': {
      const near = diagnostics.length > 0 ? diagnostics[offset % diagnostics.length]! : undefined;
      const range = near?.range ?? { start: position, end: position };
      return ['textDocument/codeAction', { textDocument, range, context: { diagnostics: near ? [near] : [] } }];
    }
    case 'fixAll':
      return ['textDocument/codeAction', { textDocument, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } }];
    case 'planSnapshot':
      return ['milestones/planSnapshot', undefined];
    case 'workspaceSymbol':
      return ['workspace/symbol', { query: document.getText().slice(offset, offset + 3) }];
  }
}

/** A refusal the server means to send (a rename it cannot do), as opposed to a failure. */
function isRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: number }).code === -32600;
}

describe('random edits over the protocol', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ settings: { asOf: '2021-08-11' } });
  });
  after(() => client.stop());

  test(`${totalEdits} edits: every one answered, every range inside the document`, { timeout: Math.max(300_000, totalEdits * 120) }, async (context) => {
    const seed = propertySeed();
    let run = 0;
    const slowest = new Map<string, number>();
    const note = (what: string, since: number) => slowest.set(what, Math.max(slowest.get(what) ?? 0, performance.now() - since));
    let edits = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: editsPerRun, maxLength: editsPerRun }), async (steps) => {
        const uri = `file:///property/run-${run++}.milestones.yaml`;
        let document = TextDocument.create(uri, 'milestone-yaml', 1, example);
        let diagnostics = await unlessHung(client.open(uri, example), 'diagnostics of the opened plan');
        try {
          for (const [index, step] of steps.entries()) {
            const splice = spliceOf(document.getText(), step.edit);
            const range = { start: document.positionAt(splice.start), end: document.positionAt(splice.end) };
            // The client's copy follows the same LSP rules as the server's (a position between CR and LF, …).
            document = TextDocument.update(document, [{ range, text: splice.text }], document.version + 1);
            const started = performance.now();
            diagnostics = await unlessHung(client.change(uri, range, splice.text), `diagnostics after edit ${index} ${JSON.stringify(step.edit)}`);
            note('diagnostics', started);
            assert.deepEqual(outsideDocument(document, diagnostics), [], `diagnostics after edit ${index}`);
            const [method, params] = requestFor(step.request, document, step.at % (document.getText().length + 1), diagnostics);
            let answer: unknown;
            const asked = performance.now();
            try {
              answer = await unlessHung(client.request(method, params), `${method} after edit ${index}`);
            } catch (error) {
              if (!isRefusal(error)) throw error;
            }
            note(step.request, asked);
            edits++;
            // Answers about this document stay inside it (a rename may also name other files: none here).
            assert.deepEqual(outsideDocument(document, answer), [], `${method} after edit ${index}`);
          }
        } finally {
          client.close(uri);
        }
        // What the server found edit by edit is what it finds in the final text opened afresh.
        const fresh = await unlessHung(client.open(uri, document.getText()), 'diagnostics of the final text opened afresh');
        client.close(uri);
        assert.deepEqual(fresh, diagnostics, 'the incremental analysis over LSP equals a fresh one');
      }),
      replayable(seed, Math.ceil(totalEdits / editsPerRun), { shrink: false }) as fc.Parameters<[unknown]>,
    );
    assert.ok(!client.exited, 'the server is still running');
    assert.ok(edits >= totalEdits, `${edits} edits made`);
    // Visible in the test output, to follow the server's speed.
    const times = [...slowest].sort((a, b) => b[1] - a[1]).map(([what, ms]) => `${what} ${Math.round(ms)}`);
    context.diagnostic(`${edits} edits, seed ${seed}; slowest answers (ms): ${times.join(', ')}`);
  });
});
