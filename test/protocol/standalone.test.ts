// The bin `milestones-language-server`, started as other editors start it: over stdio, Node IPC
// or a socket, with its settings from workspace/configuration or from initializationOptions.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import type { CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { messageOf, TestClient, type ClientOptions } from '../helpers/lspClient';

const root = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const bin = resolve(root, manifest.bin['milestones-language-server']!);
const example = readFileSync(join(root, 'examples/ldm-564.milestones.yaml'), 'utf8');
const pairRules = ['feature-due-after-milestone', 'feature-open-in-completed-milestone', 'feature-completed-after-milestone'];

/** A folder with one overdue milestone: reported as `information` unless the settings say otherwise. */
function overduePlan(): { folder: string; uri: string; text: string } {
  const folder = mkdtempSync(join(tmpdir(), 'milestones-bin-'));
  const text = 'milestones:\n  M-1:\n    name: Ship the pipeline\n    due: 2021-01-01\n';
  writeFileSync(join(folder, 'a.milestones.yaml'), text);
  return { folder, uri: pathToFileURL(join(folder, 'a.milestones.yaml')).href, text };
}

async function withClient(options: ClientOptions, use: (client: TestClient) => Promise<void>): Promise<void> {
  const client = await TestClient.start({ program: bin, ...options });
  try {
    await use(client);
  } finally {
    await client.stop();
  }
}

describe('the bin milestones-language-server', () => {
  test('is the extension\'s server, runnable as a program, and says how to start it', () => {
    assert.equal(bin, join(root, 'dist/server.js'));
    assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    assert.equal(version.stdout, `${manifest.version}\n`);
    assert.equal(spawnSync(bin, ['--help'], { encoding: 'utf8' }).status, 0);
    for (const [args, reason] of [[[], /^milestones-language-server: No transport given: start it with --stdio/], [['--socket'], /^milestones-language-server: "--socket" needs a port number/]] as const) {
      const wrong = spawnSync(bin, args, { encoding: 'utf8' });
      assert.equal(wrong.status, 2, args.join(' '));
      assert.match(wrong.stderr, reason);
      assert.doesNotMatch(wrong.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  for (const transport of ['stdio', 'node-ipc', 'socket'] as const) {
    test(`over ${transport}: the example's diagnostics, a hover and a completion`, async () => {
      const folder = mkdtempSync(join(tmpdir(), 'milestones-bin-'));
      writeFileSync(join(folder, 'ldm-564.milestones.yaml'), example);
      const uri = pathToFileURL(join(folder, 'ldm-564.milestones.yaml')).href;
      await withClient({ transport, folders: [folder] }, async (client) => {
        const diagnostics = await client.open(uri, example);
        assert.equal(diagnostics.filter((diagnostic) => pairRules.includes(String(diagnostic.code))).length, 20);
        const lines = example.split('\n');
        const line = lines.findIndex((text) => text.trim() === '- DM-NCSA-8');
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line]!.indexOf('DM-NCSA-8') + 2 } });
        assert.match((hover.contents as MarkupContent).value, /DM-NCSA-8/);
        // A new feature in a milestone's list: completion offers the features by ID.
        const end = { line, character: lines[line]!.length };
        await client.change(uri, { start: end, end }, '\n      - DM-NCSA-1');
        const completion = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: line + 1, character: '      - DM-NCSA-1'.length } });
        assert.ok(completion.items.some((item) => item.label === 'DM-NCSA-14'), completion.items.map((item) => item.label).join(', '));
      });
    });
  }

  test('reads its settings from initializationOptions when the client cannot be asked', async () => {
    const { folder, uri, text } = overduePlan();
    // As `{ milestones: {…} }`, and as the section itself.
    for (const initializationOptions of [{ milestones: { asOf: '2022-01-01', rules: { overdue: 'error' } } }, { asOf: '2022-01-01', rules: { overdue: 'error' } }]) {
      await withClient({ folders: [folder], configuration: false, initializationOptions }, async (client) => {
        const diagnostics = await client.open(uri, text);
        const overdue = diagnostics.find((diagnostic) => diagnostic.code === 'overdue');
        assert.equal(overdue?.severity, 1, JSON.stringify(diagnostics));
        assert.ok(overdue && messageOf(overdue).startsWith('Milestone M-1 was due 2021-01-01'), JSON.stringify(overdue));
      });
    }
  });

  test('checks the plans among the YAML files an editor opens, by name or by language, and no other', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-bin-'));
    const compose = pathToFileURL(join(folder, 'docker-compose.yaml')).href;
    const named = pathToFileURL(join(folder, 'release.yaml')).href;
    const { uri, text } = overduePlan();
    await withClient({ folders: [folder] }, async (client) => {
      void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: compose, languageId: 'yaml', version: 1, text: 'services:\n  web:\n    image: nginx\n' } });
      assert.equal((await client.open(uri, text, 'yaml')).filter((diagnostic) => diagnostic.code === 'overdue').length, 1);
      assert.ok((await client.open(named, 'milestones:\n  M-1:\n    name: x\n    due: 2021-02-30\n')).some((diagnostic) => diagnostic.code === 'invalid-date'));
      // Published in the order opened: had the compose file been checked, its problems would be here.
      assert.equal(client.diagnostics.has(compose), false);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: compose }, position: { line: 1, character: 3 } }), null);
    });
  });

  test('asks the client for its settings with workspace/configuration when it can', async () => {
    const { folder, uri, text } = overduePlan();
    await withClient({ folders: [folder], settings: { asOf: '2022-01-01', rules: { overdue: 'off' } }, initializationOptions: { milestones: { rules: { overdue: 'error' } } } }, async (client) => {
      const diagnostics = await client.open(uri, text);
      assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.code === 'overdue'), []);
    });
  });
});
