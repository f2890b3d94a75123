// Runs the extension-host suite (suite/extension.spec.ts, the real vscode API) inside code-server,
// through run.ts --code-server, as part of `npm test`. Skipped like the end-to-end tests when
// code-server is not installed, unless MILESTONES_E2E=1 (CI), where that is a failure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { missingPrerequisite } from '../e2e/codeServer';
import { chromiumPath } from '../e2e/workbench';

const root = resolve(__dirname, '../..');
const missing = missingPrerequisite(chromiumPath);
const required = process.env.MILESTONES_E2E === '1';

test('the extension-host suite passes in code-server', { skip: missing && !required ? `extension-host tests skipped: ${missing}` : false, timeout: 300_000 }, () => {
  assert.equal(missing, undefined, `MILESTONES_E2E=1 but ${missing}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/vscode/run.ts', '--code-server'], { cwd: root, encoding: 'utf8', timeout: 280_000 });
  const output = `${result.stdout}\n${result.stderr}`;
  assert.equal(result.status, 0, output);
  assert.match(result.stdout, /\b[1-9]\d* passing, 0 failing \(in code-server\)/, output);
});
