// The language server's browser build, run as VS Code for the Web runs it — in a Web Worker, here
// of headless Chromium, over postMessage — passes the same protocol tests as the Node server:
// diagnostics of the example, hover, completion, quick fixes, navigation across files (read through
// the client, as vscode.workspace.fs would). Skipped without Chromium, unless MILESTONES_E2E=1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { workerBundle } from '../helpers/browserWorker';
import { skipWithout } from '../helpers/externalPrograms';

const root = resolve(__dirname, '../..');
const protocolTests = ['diagnostics', 'completion', 'navigation'].map((name) => join(root, `test/protocol/${name}.test.ts`));

test('the worker build passes the protocol tests in headless Chromium', { skip: skipWithout('the browser worker tests', 'chromium'), timeout: 600_000 }, () => {
  assert.ok(statSync(workerBundle).size > 0, `${workerBundle} is missing: build first (npm run build)`);
  // A test runner started by a test runner reports to it, not to its own output, unless told apart.
  const { NODE_TEST_CONTEXT: _, ...environment } = process.env;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...protocolTests], {
    cwd: root,
    encoding: 'utf8',
    env: { ...environment, MILESTONES_SERVER: 'browser-worker' },
    // Only against a hang: the three files take about a minute.
    timeout: 540_000,
  });
  const passed = Number(/^ℹ pass (\d+)$/m.exec(run.stdout)?.[1] ?? 0);
  assert.equal(run.status, 0, `the protocol tests failed against the worker:\n${run.stdout}\n${run.stderr}`);
  assert.ok(passed >= 25, `only ${passed} protocol tests ran:\n${run.stdout}`);
});
