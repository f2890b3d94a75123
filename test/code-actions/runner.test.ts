// Golden tests for quick fixes, through a real language server. Each `testdata/X.milestones.yaml`
// carries a comment `# want CODE fix="TITLE"`: the problem CODE is on the comment's own line when
// the comment trails code, else on the next line that is not a comment. The runner asks the server
// for code actions there, applies the one titled TITLE, compares the text byte for byte with
// `X.golden.yaml`, and checks that the problem is gone and that no other problem appeared.
// A file whose first line says `fix-all` gets the `source.fixAll.milestones` action instead.
// A file whose first line says `no asOf setting` is checked without the `milestones.asOf` setting
// that the others share; there `{today}` in a title or a golden file stands for today's date.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestClient } from '../helpers/lspClient';

const testdata = join(__dirname, 'testdata');
const cases = readdirSync(testdata).filter((name) => name.endsWith('.milestones.yaml')).sort();

interface Want {
  code: string;
  title: string;
  line: number;
}

function findWant(text: string): Want | undefined {
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const match = /^(.*?)#\s*want\s+(\S+)\s+fix="([^"]+)"/.exec(lines[index]!);
    if (!match) continue;
    let line = index;
    if (match[1]!.trim() === '') {
      line = index + 1;
      while (line < lines.length && /^\s*#/.test(lines[line]!)) line++;
    }
    return { code: match[2]!, title: match[3]!.replaceAll('{today}', today()), line };
  }
  return undefined;
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const document = TextDocument.create('file:///x', 'yaml', 1, text);
  return TextDocument.applyEdits(document, edits);
}

/** Today's date as the server writes it: the local calendar date. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const signature = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => `${diagnostic.code}: ${typeof diagnostic.message === 'string' ? diagnostic.message : ''}`).sort();

describe('quick fixes, golden', () => {
  let pinned: TestClient;
  let unpinned: TestClient;
  before(async () => {
    [pinned, unpinned] = await Promise.all([TestClient.start({ settings: { asOf: '2021-08-11' } }), TestClient.start({})]);
  });
  after(() => Promise.all([pinned.stop(), unpinned.stop()]));

  for (const name of cases) {
    test(name, async () => {
      const input = readFileSync(join(testdata, name), 'utf8');
      const golden = readFileSync(join(testdata, name.replace('.milestones.yaml', '.golden.yaml')), 'utf8')
        .split('\n')
        .map((line) => (line.includes('# want') ? line : line.replaceAll('{today}', today())))
        .join('\n');
      const uri = `file:///golden/${name}`;
      const client = input.startsWith('# no asOf setting') ? unpinned : pinned;
      const diagnostics = await client.open(uri, input);
      try {
      const fixAll = input.startsWith('# fix-all');
      const want = findWant(input);
      let action: CodeAction | undefined;
      let fixed: Diagnostic | undefined;
      if (fixAll) {
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: ['source.fixAll'] },
        });
        assert.equal(actions.length, 1, JSON.stringify(actions));
        action = actions[0];
      } else {
        assert.ok(want, 'the case names the problem and the fix');
        fixed = diagnostics.find((diagnostic) => diagnostic.code === want.code && diagnostic.range.start.line === want.line);
        assert.ok(fixed, `${want.code} on line ${want.line + 1}; found ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line + 1]))}`);
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: fixed.range, context: { diagnostics: [fixed] } });
        // Two problems on one place may offer one fix; the lightbulb lists it once.
        const titles = actions.map((candidate) => candidate.title);
        assert.deepEqual(titles.filter((title, at) => titles.indexOf(title) !== at), [], 'a fix offered twice');
        action = actions.find((candidate) => candidate.title === want.title);
        assert.ok(action, `no action "${want.title}" among ${JSON.stringify(actions.map((candidate) => candidate.title))}`);
      }
      const edits = action!.edit!.changes![uri]!;
      const output = applyEdits(input, edits);
      assert.equal(output, golden);
      const after = await client.replaceAll(uri, output);
      if (fixed) {
        // The fixed problem is gone, and no problem of another kind, or more of a kind, appeared.
        const count = (list: Diagnostic[]) => {
          const counts = new Map<string, number>();
          for (const diagnostic of list) counts.set(String(diagnostic.code), (counts.get(String(diagnostic.code)) ?? 0) + 1);
          return counts;
        };
        const beforeCounts = count(diagnostics);
        beforeCounts.set(want!.code, beforeCounts.get(want!.code)! - 1);
        for (const [code, number] of count(after)) assert.ok(number <= (beforeCounts.get(code) ?? 0), `more ${code} after the fix: ${JSON.stringify(signature(after))}`);
      } else {
        const fixable = ['invalid-date', 'duplicate-feature', 'unknown-feature', 'unknown-predecessor', 'schema'];
        assert.deepEqual(after.filter((diagnostic) => fixable.includes(String(diagnostic.code))), []);
      }
      } finally {
        // Each case is a plan of its own: close it, so that its IDs do not meet the next case's.
        client.close(uri);
      }
    });
  }
});
