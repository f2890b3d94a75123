// The bin milestones-language-server in an LSP client nobody here wrote: headless Neovim opens the
// example plan with its built-in client (neovim.lua) and the test reads back what Neovim received.
// Skipped without Neovim, unless MILESTONES_E2E=1 (CI), where that is a failure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { nvimPath, skipWithout } from '../helpers/externalPrograms';

const root = resolve(__dirname, '../..');
const bin = resolve(root, (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['milestones-language-server']!);
const pairRules = ['feature-due-after-milestone', 'feature-open-in-completed-milestone', 'feature-completed-after-milestone'];

interface NeovimDiagnostic {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  severity: number;
  code: string;
  source: string;
  message: string;
}

interface Received {
  published: boolean;
  diagnostics: NeovimDiagnostic[];
  hover: Hover | { error: string };
  completion: CompletionList | CompletionItem[] | { error: string };
}

test('Neovim\'s LSP client gets the example\'s diagnostics, a hover and a completion from the bin', { skip: skipWithout('the Neovim test', 'nvim'), timeout: 300_000 }, () => {
  assert.ok(existsSync(bin), `${bin} is missing: build first (npm run build)`);
  const folder = mkdtempSync(join(tmpdir(), 'milestones-nvim-'));
  cpSync(join(root, 'examples/ldm-564.milestones.yaml'), join(folder, 'ldm-564.milestones.yaml'));
  const lines = readFileSync(join(folder, 'ldm-564.milestones.yaml'), 'utf8').split('\n');
  const line = lines.indexOf('      - DM-NCSA-8');
  const out = join(folder, 'received.json');
  const nvimRun = spawnSync(nvimPath, ['--headless', '--clean', '-c', `luafile ${join(root, 'test/editors/neovim.lua')}`], {
    cwd: folder,
    encoding: 'utf8',
    // A hang is a failure, with what Neovim said; the script itself waits far less.
    timeout: 240_000,
    env: { ...process.env, MILESTONES_PLAN: join(folder, 'ldm-564.milestones.yaml'), MILESTONES_BIN: bin, MILESTONES_LINE: String(line), MILESTONES_CHARACTER: String('      - DM-NCSA-8'.indexOf('NCSA')), MILESTONES_OUT: out },
  });
  assert.ok(existsSync(out), `Neovim wrote nothing (status ${nvimRun.status}, ${nvimRun.signal ?? 'no signal'}):\n${nvimRun.stdout}\n${nvimRun.stderr}`);
  const received = JSON.parse(readFileSync(out, 'utf8')) as Received;
  assert.ok(received.published, 'no diagnostics were published to Neovim');

  // The twenty date inconsistencies of LDM-564, on the features' IDs; the overdue items as errors,
  // as the settings Neovim answered with say.
  const pairs = received.diagnostics.filter((diagnostic) => pairRules.includes(diagnostic.code));
  assert.equal(pairs.length, 20);
  const ncsa8 = pairs.find((diagnostic) => diagnostic.message === 'DM-NCSA-8 is due 2021-07-01, after LDM-503-05 (due 2018-07-17).');
  assert.deepEqual(ncsa8 && [ncsa8.line, ncsa8.col, ncsa8.endLine, ncsa8.endCol, ncsa8.severity, ncsa8.source], [line, 8, line, 17, 2, 'milestones']);
  const overdue = received.diagnostics.filter((diagnostic) => diagnostic.code === 'overdue');
  assert.equal(overdue.length, 10);
  assert.deepEqual([...new Set(overdue.map((diagnostic) => diagnostic.severity))], [1]);

  const hover = received.hover;
  assert.ok(!('error' in hover), JSON.stringify(hover));
  assert.deepEqual(hover.range, { start: { line, character: 8 }, end: { line, character: 17 } });
  assert.match((hover.contents as MarkupContent).value, /^\*\*DM-NCSA-8\*\* · Feature\n\nAlert Filtering Service receives alert streams\n\nDue 2021-07-01 · \*\*overdue\*\* \(as of 2021-08-11\)/);

  // Completion after the line typed in Neovim: the features whose IDs start with what was typed.
  const completion = received.completion;
  assert.ok(!('error' in completion), JSON.stringify(completion));
  const items = Array.isArray(completion) ? completion : completion.items;
  assert.equal(items[0]?.label, 'DM-NCSA-1');
  assert.ok(items.every((item) => item.label.startsWith('DM-NCSA-')), items.map((item) => item.label).join(', '));
  assert.match(items.find((item) => item.label === 'DM-NCSA-14')?.detail ?? '', /due 2022-06-17 · open/);
});
