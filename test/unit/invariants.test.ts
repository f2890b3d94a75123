// The invariants docs/architecture.md states, checked on the source: no consumer reads an entry's
// own values (the effective plan is what every feature reads), and the service is pure.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '../..');

function sources(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...sources(path));
    else if (name.endsWith('.ts')) found.push(path);
  }
  return found;
}

const everySource = ['server/src', 'common', 'client/src', 'webview/src'].flatMap((folder) => sources(join(root, folder)));

test("no consumer reads an entry's own values: only the effective plan, the text's own history and edits of the text do", () => {
  // Where what the entry writes is what is meant: the effective plan combines it with the overrides,
  // the hover's date history follows the file's text, and an update edits the text.
  const allowed = new Set(['server/src/service/model/planItem.ts', 'server/src/service/model/effectivePlan.ts', 'server/src/service/history/dateHistory.ts', 'server/src/service/schedules/planUpdate.ts']);
  const readers = everySource.filter((path) => /\.own(Name|Due|Forecast|Completed|CompletedWritten|Level|Dates)\b/.test(readFileSync(path, 'utf8'))).map((path) => relative(root, path));
  assert.deepEqual(readers.filter((path) => !allowed.has(path)), []);
});

test('the service is pure: no vscode, no LSP, no Node', () => {
  for (const path of sources(join(root, 'server/src/service'))) {
    const imports = [...readFileSync(path, 'utf8').matchAll(/^import[^;]*from '([^']+)'/gm)].map((match) => match[1]!);
    const impure = imports.filter((module) => module === 'vscode' || module.startsWith('vscode-languageserver') || module.startsWith('node:') || ['fs', 'path', 'child_process', 'os'].includes(module));
    assert.deepEqual(impure, [], relative(root, path));
  }
});
