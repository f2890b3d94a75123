// Which documents are plans and which are overrides files is decided again whenever the settings
// arrive or change: a YAML document the editor opened before `milestones.overrideFiles` named it
// (by a wildcard) becomes an overrides file, and plain YAML again when the settings let it go; an
// overrides file a wildcard names is read from disk without being open.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { messageOf, TestClient } from '../helpers/lspClient';

const plan = 'asOf: 2021-08-11\nmilestones:\n  DLP-552:\n    name: Alert distribution\n    due: 2030-01-01\n';
const overrides = 'DLP-552:\n  due: 2021-07-01\n';

function workspace(): { folder: string; planUri: string; overridesUri: string } {
  const folder = mkdtempSync(join(tmpdir(), 'milestones-kinds-'));
  mkdirSync(join(folder, 'data'));
  writeFileSync(join(folder, 'a.milestones.yaml'), plan);
  writeFileSync(join(folder, 'data', 'local.yaml'), overrides);
  return { folder, planUri: pathToFileURL(join(folder, 'a.milestones.yaml')).href, overridesUri: pathToFileURL(join(folder, 'data', 'local.yaml')).href };
}

const overdue = 'Milestone DLP-552 was due 2021-07-01 (local.yaml) and is not completed (as of 2021-08-11).';

describe('document kinds over LSP', () => {
  test('a YAML document open before the settings name it by a wildcard becomes an overrides file, and leaves when they no longer do', async () => {
    const { folder, planUri, overridesUri } = workspace();
    const client = await TestClient.start({ folders: [folder], settings: {} });
    try {
      assert.deepEqual(await client.open(planUri, plan), []);
      void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: overridesUri, languageId: 'yaml', version: 1, text: overrides } });
      // Named now: the plan's milestone is overdue by the overridden date.
      const applied = client.waitForDiagnostics(planUri, (list) => list.some((d) => d.code === 'overdue'));
      client.settings = { overrideFiles: ['data/*.yaml'] };
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      assert.deepEqual((await applied).map(messageOf), [overdue]);
      // Its own problems are published: a misspelt key in it is reported there.
      const misspelt = client.waitForDiagnostics(overridesUri, (list) => list.some((d) => d.code === 'schema'));
      void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: overridesUri, version: 2 }, contentChanges: [{ text: `${overrides}  descripton: x\n` }] });
      assert.deepEqual((await misspelt).map((d) => d.code), ['schema']);
      // No longer named: plain YAML again, its diagnostics withdrawn, the plan as it is.
      const withdrawn = client.waitForDiagnostics(overridesUri, (list) => list.length === 0);
      const restored = client.waitForDiagnostics(planUri, (list) => list.length === 0);
      client.settings = {};
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await Promise.all([withdrawn, restored]);
    } finally {
      await client.stop();
    }
  });

  test('an overrides file a wildcard names applies from disk without being open', async () => {
    const { folder, planUri } = workspace();
    const client = await TestClient.start({ folders: [folder], settings: { overrideFiles: ['**/local.yaml'] } });
    try {
      assert.deepEqual((await client.open(planUri, plan)).map(messageOf), [overdue]);
    } finally {
      await client.stop();
    }
  });
});
