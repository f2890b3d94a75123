// Diagnostics pulled, as VS Code pulls them (LSP 3.17), and pushed, as clients without pull take
// them: a keystroke that changes no diagnostic costs no report, one that does gets the file's; the
// plans not open come through the workspace request, or with the report of the edited document to
// a client that takes related documents; an open plan another's edit changed is pulled again.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import type { DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { unlessHung } from '../helpers/deadline';
import { messageOf, TestClient, type ClientOptions } from '../helpers/lspClient';

const plan = 'asOf: 2021-08-11\nmilestones:\n  M-1:\n    name: First release\n    due: 2020-06-01\n    features: [F-1]\nfeatures:\n  F-1:\n    name: One\n    due: 2020-05-01\n    completed: 2020-05-01\n';
/** Where to type in the name of M-1, and the first digit of the day F-1 is due. */
const inName = { line: 3, character: 23 };
const dueDay = { start: { line: 9, character: 17 }, end: { line: 9, character: 18 } };

async function withClient(options: ClientOptions, body: (client: TestClient) => Promise<void>): Promise<void> {
  const client = await TestClient.start({ settings: { asOf: '2021-08-11' }, ...options });
  try {
    await body(client);
  } finally {
    await client.stop();
  }
}

/** A change sent as an editor sends it, without the client's own pull. */
function sendChange(client: TestClient, uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): void {
  void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
}

function pull(client: TestClient, uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return unlessHung(client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId }), `the diagnostics of ${uri}`);
}

describe('diagnostics pulled', () => {
  test('a keystroke in a name is answered unchanged with the result ID held; one that breaks a date gets the whole report with a new ID', async () => {
    await withClient({ diagnostics: 'pull' }, async (client) => {
      const uri = 'file:///modes/pulled.milestones.yaml';
      await client.open(uri, plan);
      const first = (await pull(client, uri)) as FullDocumentDiagnosticReport;
      assert.equal(first.kind, 'full');
      assert.deepEqual(first.items.map((diagnostic) => diagnostic.code), ['overdue']);
      sendChange(client, uri, 2, { start: inName, end: inName }, 's');
      assert.deepEqual(await pull(client, uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
      sendChange(client, uri, 3, dueDay, '4');
      const broken = (await pull(client, uri, first.resultId)) as FullDocumentDiagnosticReport;
      assert.equal(broken.kind, 'full');
      assert.notEqual(broken.resultId, first.resultId);
      assert.deepEqual(broken.items.map((diagnostic) => [diagnostic.code, messageOf(diagnostic)]).sort(), [
        ['invalid-date', '"2020-05-41" is not a real day: May 2020 has 31 days.'],
        ['overdue', 'Milestone M-1 was due 2020-06-01 and is not completed (as of 2021-08-11).'],
      ]);
      // A document the server does not check has no diagnostics.
      assert.deepEqual(await pull(client, 'file:///modes/notes.yaml'), { kind: 'full', items: [] });
    });
  });

  test('a plan not open comes through the workspace request, and so does the change an edit of an open plan makes to it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-modes-'));
    writeFileSync(join(folder, 'releases.milestones.yaml'), 'asOf: 2021-08-11\nmilestones:\n  M-1:\n    name: First release\n    due: 2030-06-01\n    features: [F-1, F-2]\n');
    writeFileSync(join(folder, 'features.milestones.yaml'), 'features:\n  F-1:\n    name: One\n    due: 2030-05-01\n  F-2:\n    name: Two\n    due: 2030-05-01\n');
    const releases = pathToFileURL(join(folder, 'releases.milestones.yaml')).href;
    const features = pathToFileURL(join(folder, 'features.milestones.yaml')).href;
    await withClient({ diagnostics: 'pull', folders: [folder] }, async (client) => {
      assert.deepEqual(await unlessHung(client.waitForDiagnostics(features), 'the workspace report'), []);
      assert.equal(client.pushCounts.get(features), undefined);
      await client.open(releases, 'asOf: 2021-08-11\nmilestones:\n  M-1:\n    name: First release\n    due: 2030-06-01\n    features: [F-1, F-2]\n');
      // F-2 no longer listed: unused, in the file not open.
      const unused = client.waitForDiagnostics(features, (list) => list.length > 0);
      await client.change(releases, { start: { line: 5, character: 18 }, end: { line: 5, character: 23 } }, '');
      assert.deepEqual((await unlessHung(unused, 'the report of the file not open')).map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]), [['unused-feature', 4]]);
    });
  });

  test('a client that pulls only its documents is sent the diagnostics of the plans it has not open', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-documents-only-'));
    writeFileSync(join(folder, 'features.milestones.yaml'), 'features:\n  F-1:\n    name: One\n    due: 2030-05-01\n  F-2:\n    name: Two\n    due: 2030-05-01\n');
    const releases = pathToFileURL(join(folder, 'releases.milestones.yaml')).href;
    const features = pathToFileURL(join(folder, 'features.milestones.yaml')).href;
    await withClient({ diagnostics: 'pull', workspaceDiagnostics: false, folders: [folder] }, async (client) => {
      await client.open(releases, 'asOf: 2021-08-11\nmilestones:\n  M-1:\n    name: First release\n    due: 2030-06-01\n    features: [F-1, F-2]\n');
      const unused = client.waitForDiagnostics(features, (list) => list.length > 0);
      await client.change(releases, { start: { line: 5, character: 18 }, end: { line: 5, character: 23 } }, '');
      assert.deepEqual((await unlessHung(unused, 'the diagnostics of the file not open')).map((diagnostic) => diagnostic.code), ['unused-feature']);
      // Sent, not pulled; and the document it pulls is not also sent.
      assert.ok(client.pushCounts.get(features)! > 0);
      assert.equal(client.pushCounts.get(releases), undefined);
    });
  });

  test('to a client that takes related documents, the pull after an edit carries the other files it changed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-related-'));
    writeFileSync(join(folder, 'features.milestones.yaml'), 'features:\n  F-1:\n    name: One\n    due: 2030-05-01\n  F-2:\n    name: Two\n    due: 2030-05-01\n');
    const releases = pathToFileURL(join(folder, 'releases.milestones.yaml')).href;
    const features = pathToFileURL(join(folder, 'features.milestones.yaml')).href;
    await withClient({ diagnostics: 'pull', relatedDocuments: true, folders: [folder] }, async (client) => {
      await unlessHung(client.waitForDiagnostics(features), 'the workspace report');
      await client.open(releases, 'asOf: 2021-08-11\nmilestones:\n  M-1:\n    name: First release\n    due: 2030-06-01\n    features: [F-1, F-2]\n');
      const held = (await pull(client, releases)).resultId;
      sendChange(client, releases, 2, { start: { line: 5, character: 18 }, end: { line: 5, character: 23 } }, '');
      const report = await pull(client, releases, held);
      assert.equal(report.kind, 'unchanged');
      const related = report.relatedDocuments?.[features] as FullDocumentDiagnosticReport | undefined;
      assert.deepEqual(related?.items.map((diagnostic) => diagnostic.code), ['unused-feature']);
    });
  });

  test('an open plan whose diagnostics another open plan changed is pulled again on refresh', async () => {
    await withClient({ diagnostics: 'pull' }, async (client) => {
      const releases = 'file:///modes/releases.milestones.yaml';
      const features = 'file:///modes/features.milestones.yaml';
      await client.open(releases, 'asOf: 2021-08-11\nmilestones:\n  M-1:\n    name: First release\n    due: 2030-06-01\n    features: [F-1]\n');
      await client.open(features, 'features:\n  F-1:\n    name: One\n    due: 2030-05-01\n');
      const late = client.waitForDiagnostics(releases, (list) => list.some((diagnostic) => diagnostic.code === 'feature-due-after-milestone'));
      await client.change(features, { start: { line: 3, character: 9 }, end: { line: 3, character: 19 } }, '2030-07-01');
      await unlessHung(late, 'the other plan pulled again');
      assert.ok(client.refreshes > 0);
    });
  });
});

describe('diagnostics pushed', () => {
  test('a keystroke that changes no diagnostic publishes nothing, one that does publishes the file; a document opened again gets them again', async () => {
    await withClient({ diagnostics: 'push' }, async (client) => {
      const uri = 'file:///modes/pushed.milestones.yaml';
      assert.deepEqual((await client.open(uri, plan)).map((diagnostic) => diagnostic.code), ['overdue']);
      assert.equal(client.publishCounts.get(uri), 1);
      await client.change(uri, { start: inName, end: inName }, 's');
      assert.equal(client.publishCounts.get(uri), 1);
      const broken = await client.change(uri, dueDay, '4');
      assert.deepEqual(broken.map((diagnostic) => diagnostic.code).sort(), ['invalid-date', 'overdue']);
      assert.equal(client.publishCounts.get(uri), 2);
      assert.equal(client.versions.get(uri), 3);
      // Lines that move move the diagnostics after them: sent again.
      await client.change(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '# a plan\n');
      assert.equal(client.publishCounts.get(uri), 3);
      client.close(uri);
      await client.settled();
      const count = client.publishCounts.get(uri);
      await client.open(uri, plan);
      assert.equal(client.publishCounts.get(uri), count! + 1);
    });
  });

  test('a keystroke that changes the due date of a feature another plan lists publishes that plan, not the edited one', async () => {
    await withClient({ diagnostics: 'push' }, async (client) => {
      const releases = 'file:///modes/releases.milestones.yaml';
      const features = 'file:///modes/features.milestones.yaml';
      await client.open(releases, 'asOf: 2021-08-11\nmilestones:\n  M-1:\n    name: First release\n    due: 2030-06-01\n    features: [F-1]\n');
      await client.open(features, 'features:\n  F-1:\n    name: One\n    due: 2030-05-01\n');
      await client.settled();
      const [releasesSent, featuresSent] = [client.publishCounts.get(releases)!, client.publishCounts.get(features)!];
      await client.change(features, { start: { line: 3, character: 9 }, end: { line: 3, character: 19 } }, '2030-07-01');
      assert.equal(client.publishCounts.get(features), featuresSent);
      assert.equal(client.publishCounts.get(releases), releasesSent + 1);
      assert.deepEqual(client.diagnostics.get(releases)!.map((diagnostic) => diagnostic.code), ['feature-due-after-milestone']);
    });
  });
});
