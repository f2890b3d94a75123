// Runs the extension-host suite (suite/extension.spec.ts, the real vscode API) inside code-server,
// through run.ts --code-server, as part of `npm test`. Skipped like the end-to-end tests when
// code-server is not installed, unless MILESTONES_E2E=1 (CI), where that is a failure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { skipWithout } from '../helpers/externalPrograms';

const root = resolve(__dirname, '../..');

test('the extension-host suite passes in code-server', { skip: skipWithout('the extension-host suite', 'code-server', 'chromium'), timeout: 600_000 }, () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/vscode/run.ts', '--code-server'], { cwd: root, encoding: 'utf8', timeout: 580_000 });
  const output = `${result.stdout}\n${result.stderr}`;
  assert.equal(result.status, 0, output);
  assert.match(result.stdout, /\b[1-9]\d* passing, 0 failing \(in code-server\)/, output);
});
