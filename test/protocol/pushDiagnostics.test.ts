// The protocol tests run with diagnostics pulled, as VS Code takes them; here they run again as a
// client without pull takes them (Neovim 0.7, Helix): published by the server, each file's only
// when they differ from the last sent.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const root = resolve(__dirname, '../..');
// Every protocol test file but those that choose their way (diagnosticModes), run another build (browserWorker) or are this one.
const protocolTests = ['completion', 'diagnostics', 'documentKinds', 'drivingPath', 'history', 'importSchedule', 'navigation', 'standalone']
  .map((name) => join(root, `test/protocol/${name}.test.ts`))
  .concat(join(root, 'test/property/protocol.test.ts'));

test('the protocol tests pass with diagnostics pushed', { timeout: 900_000 }, () => {
  // A test runner started by a test runner reports to it, not to its own output, unless told apart.
  const { NODE_TEST_CONTEXT: _, ...environment } = process.env;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...protocolTests], {
    cwd: root,
    encoding: 'utf8',
    env: { ...environment, MILESTONES_DIAGNOSTICS: 'push' },
    // Only against a hang.
    timeout: 840_000,
  });
  const passed = Number(/^ℹ pass (\d+)$/m.exec(run.stdout)?.[1] ?? 0);
  assert.equal(run.status, 0, `the protocol tests failed with diagnostics pushed:\n${run.stdout}\n${run.stderr}`);
  assert.ok(passed >= 45, `only ${passed} protocol tests ran:\n${run.stdout}`);
});
