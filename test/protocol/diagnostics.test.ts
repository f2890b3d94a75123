// The language server over stdio, driven as VS Code drives it: the example plan's diagnostics,
// the workspace index across files, watched files, settings, and bad input.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { PlanSnapshot } from '../../common/planSnapshot';
import { messageOf, TestClient } from '../helpers/lspClient';
import { unlessHung } from '../helpers/deadline';

const examplePath = new URL('../../examples/ldm-564.milestones.yaml', import.meta.url);
const example = readFileSync(examplePath, 'utf8');
const pairRules = ['feature-due-after-milestone', 'feature-open-in-completed-milestone', 'feature-completed-after-milestone'];

describe('the example plan over LSP', () => {
  let client: TestClient;
  let folder: string;
  let uri: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'milestones-lsp-'));
    cpSync(new URL('../../examples', import.meta.url), folder, { recursive: true });
    uri = pathToFileURL(join(folder, 'ldm-564.milestones.yaml')).href;
    client = await TestClient.start({ folders: [folder] });
  });
  after(() => client.stop());

  test('reports the ten inconsistent pairs of LDM-564, twenty hits in all', async () => {
    const diagnostics = await client.open(uri, example);
    const pairs = diagnostics.filter((diagnostic) => pairRules.includes(String(diagnostic.code)));
    assert.equal(pairs.length, 20);
    const lines = example.split('\n');
    // Each problem sits on the feature's ID in the milestone's list; the message names the milestone.
    const pairKeys = new Set(
      pairs.map((diagnostic) => {
        const feature = lines[diagnostic.range.start.line]!.slice(diagnostic.range.start.character, diagnostic.range.end.character);
        return `${feature} in ${messageOf(diagnostic).match(/LDM-[\w-]+/)![0]}`;
      }),
    );
    assert.deepEqual([...pairKeys].sort(), [
      'DM-DAX-2 in LDM-503-09',
      'DM-DAX-9 in LDM-503-09',
      'DM-NCSA-14 in LDM-503-08',
      'DM-NCSA-15 in LDM-503-08',
      'DM-NCSA-21 in LDM-503-11a',
      'DM-NCSA-6 in LDM-503-04b',
      'DM-NCSA-8 in LDM-503-05',
      'DM-NCSA-9 in LDM-503-05',
      'DM-SQRE-2 in LDM-503-09',
      'DM-SUIT-5 in LDM-503-09',
    ]);
    const ncsa8 = pairs.find((diagnostic) => diagnostic.code === 'feature-due-after-milestone' && messageOf(diagnostic).startsWith('DM-NCSA-8'))!;
    assert.equal(messageOf(ncsa8), 'DM-NCSA-8 is due 2021-07-01, after LDM-503-05 (due 2018-07-17).');
    assert.equal(ncsa8.severity, 2);
    assert.equal(ncsa8.source, 'milestones');
    assert.equal(lines[ncsa8.range.start.line]!.trim(), '- DM-NCSA-8');
    // No syntax, schema, date or ID errors in the published plan.
    assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.severity === 1), []);
  });

  test('a keystroke that breaks a date gives an invalid-date at the date, and fixing it clears it', async () => {
    const lines = example.split('\n');
    const line = lines.findIndex((text) => text.includes('due: 2017-12-01'));
    const start = lines[line]!.indexOf('2017-12-01');
    const character = start + 8; // the first digit of the day
    let diagnostics = await client.change(uri, { start: { line, character }, end: { line, character: character + 1 } }, '4');
    const invalid = diagnostics.filter((diagnostic) => diagnostic.code === 'invalid-date');
    assert.equal(invalid.length, 1);
    assert.deepEqual(invalid[0]!.range, { start: { line, character: start }, end: { line, character: start + 10 } });
    assert.equal(messageOf(invalid[0]!), '"2017-12-41" is not a real day: December 2017 has 31 days.');
    diagnostics = await client.change(uri, { start: { line, character }, end: { line, character: character + 1 } }, '0');
    assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'invalid-date').length, 0);
  });

  test('the plan snapshot has the 41 milestones of the examples in due order', async () => {
    const snapshot = await client.request<PlanSnapshot>('milestones/planSnapshot');
    assert.equal(snapshot.milestones.length, 41); // LDM-564's 35 and the 6 of the example of predecessor links
    assert.equal(Object.keys(snapshot.features).length, 82);
    const dues = snapshot.milestones.map((milestone) => milestone.due!);
    assert.deepEqual(dues, [...dues].sort());
    const m05 = snapshot.milestones.find((milestone) => milestone.id === 'LDM-503-05')!;
    assert.equal(m05.state, 'inconsistent');
    assert.deepEqual(m05.features.map((row) => [row.id, row.state]), [['DM-NCSA-9', 'inconsistent'], ['DM-NCSA-8', 'inconsistent']]);
    assert.equal(snapshot.features['DM-NCSA-16']!.parents.length, 3);
    assert.equal(snapshot.asOf, '2021-08-11');
  });
});

describe('the workspace model over LSP', () => {
  test('a plan asked for as soon as the server starts is the indexed workspace, not an empty one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-start-'));
    cpSync(new URL('../../examples', import.meta.url), folder, { recursive: true });
    const client = await TestClient.start({ folders: [folder] });
    try {
      // Sent right after `initialized`, while the server reads its settings and the folder.
      const [snapshot, markdown] = await Promise.all([
        client.request<PlanSnapshot>('milestones/planSnapshot'),
        client.request<string>('milestones/export', { format: 'md' }),
      ]);
      assert.equal(snapshot.milestones.length, 41); // LDM-564's 35 and the 6 of the example of predecessor links
      assert.match(markdown, /### HSC reprocessing: LDM-503-02/);
    } finally {
      await client.stop();
    }
  });

  test('IDs resolve across files, closed files are indexed, and a change on disk re-checks dependents', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-ws-'));
    const releases = join(folder, 'releases.milestones.yaml');
    const features = join(folder, 'features.milestones.yml');
    writeFileSync(releases, `asOf: 2021-01-01\nmilestones:\n  M-1:\n    name: First release\n    due: 2020-06-01\n    features:\n      - F-1\n      - F-2\n`);
    writeFileSync(features, `features:\n  F-1:\n    name: One\n    due: 2020-05-01\n`);
    const client = await TestClient.start({ folders: [folder] });
    try {
      const releasesUri = pathToFileURL(releases).href;
      const diagnostics = await client.open(releasesUri, readFileSync(releases, 'utf8'));
      // F-1 is known from the closed file; F-2 is not.
      assert.deepEqual(diagnostics.filter((d) => d.code === 'unknown-feature').map((d) => messageOf(d)), ['M-1 lists F-2, which no plan defines: did you mean F-1?']);
      const featuresUri = pathToFileURL(features).href;
      writeFileSync(features, `features:\n  F-1:\n    name: One\n    due: 2020-07-01\n  F-2:\n    name: Two\n    due: 2020-05-01\n`);
      const updated = client.waitForDiagnostics(releasesUri, (list) => !list.some((d) => d.code === 'unknown-feature'));
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: featuresUri, type: 2 }] });
      const after = await updated;
      assert.deepEqual(after.map((d) => [d.code, messageOf(d)]), [
        ['overdue', 'Milestone M-1 was due 2020-06-01 and is not completed (as of 2021-01-01).'],
        ['feature-due-after-milestone', 'F-1 is due 2020-07-01, after M-1 (due 2020-06-01).'],
      ]);
    } finally {
      await client.stop();
    }
  });

  test('settings change severities and asOf', async () => {
    const client = await TestClient.start({ settings: { rules: { overdue: 'off' }, asOf: '2030-01-01' } });
    try {
      const uri = 'file:///virtual/a.milestones.yaml';
      const diagnostics = await client.open(uri, `milestones:\n  M-1:\n    name: x\n    due: 2021-01-01\n    completed: 2029-01-01\n`);
      assert.deepEqual(diagnostics.map((d) => d.code), []);
      client.settings = { rules: { overdue: 'warning' }, asOf: '2028-01-01' };
      const changed = client.waitForDiagnostics(uri, (list) => list.length > 0);
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      const after = await changed;
      assert.deepEqual(after.map((d) => [d.code, d.severity]), [['completed-in-future', 1]]);
    } finally {
      await client.stop();
    }
  });
});

describe('glossary problems over LSP', () => {
  test('each bad row is a diagnostic on its line of the glossary file, published once however often the settings come; fixed, it is cleared', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-glossary-'));
    const header = 'Term,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type\r\n';
    const glossaryPath = join(folder, 'glossarydefs.csv');
    writeFileSync(glossaryPath, `\uFEFF${header}2D,Two-dimensional,Gen,,,A\r\n3D,"Three-dimensional,Gen,,,A\r\nAA,Astronomy and astrophysics,Gen,,,A\r\nQA,Quality Assurance\r\n`);
    writeFileSync(join(folder, 'bytes.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    const settings = { glossaryFiles: ['glossarydefs.csv', 'bytes.txt'], asOf: '2021-01-01' };
    const glossaryUri = pathToFileURL(glossaryPath).href;
    const bytesUri = pathToFileURL(join(folder, 'bytes.txt')).href;
    const client = await TestClient.start({ folders: [folder], settings });
    try {
      const diagnostics = await client.waitForDiagnostics(glossaryUri);
      assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.end.line, d.severity, `${d.source} ${d.code}`, messageOf(d)]), [
        [2, 3, 2, 'milestones glossary-file', 'The quote opened in "3D,"Three-dimensional,Gen,,,A" is not closed on its line: this row is left out, and the lines after it are read as rows (Python\'s csv would read them into this field). Close the quote, or double it ("") to mean a quote character.'],
        [4, 5, 2, 'milestones glossary-file', 'The row "QA,Quality Assurance" has 2 fields where the header has 6: the missing ones are read as empty.'],
      ]);
      const bytes = client.diagnostics.get(bytesUri) ?? (await client.waitForDiagnostics(bytesUri));
      assert.deepEqual(bytes.map((d) => [d.range.start.line, messageOf(d)]), [[0, 'bytes.txt is not a text file: a glossary is a CSV, YAML or TERM:definition text file, and a skip list one term a line.']]);
      // The rows around the bad ones are kept: AA and QA are known, as the plan's diagnostics show.
      const planUri = pathToFileURL(join(folder, 'a.milestones.yaml')).href;
      const plan = await client.open(planUri, 'milestones:\n  M-1:\n    name: AA in 2D for QA\n    due: 2030-01-01\n');
      assert.deepEqual(plan.map((d) => d.code), []);
      // The same settings twice, then a change the plan shows: the glossary's diagnostics were sent once.
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      client.settings = { ...settings, asOf: '2031-01-01' };
      const overdue = client.waitForDiagnostics(planUri, (list) => list.some((d) => d.code === 'overdue'));
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await overdue;
      assert.equal(client.publishCounts.get(glossaryUri), 1);
      assert.equal(client.publishCounts.get(bytesUri), 1);
      // No pop-up; the log has each problem once.
      assert.deepEqual(client.notifications.filter((n) => n.method === 'window/showMessage'), []);
      assert.equal(client.notifications.filter((n) => n.method === 'window/logMessage' && String((n.params as { message: string }).message).includes('glossarydefs.csv:')).length, 2);
      // The file fixed on disk: its diagnostics are cleared.
      writeFileSync(glossaryPath, `${header}2D,Two-dimensional,Gen,,,A\r\n`);
      const cleared = client.waitForDiagnostics(glossaryUri, (list) => list.length === 0);
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: glossaryUri, type: 2 }] });
      await cleared;
      assert.equal(client.publishCounts.get(bytesUri), 1);
    } finally {
      await client.stop();
    }
  });
});

/** A workspace folder with a plan in which DLP-552 is due 2030-01-01 (as of 2021-08-11), and `data/local.yaml` holding `overrides`. */
async function overridesWorkspace(overrides: string): Promise<{ folder: string; overridesPath: string; plan: string; planUri: string }> {
  const { mkdirSync } = await import('node:fs');
  const folder = mkdtempSync(join(tmpdir(), 'milestones-overrides-'));
  mkdirSync(join(folder, 'data'));
  const overridesPath = join(folder, 'data', 'local.yaml');
  writeFileSync(overridesPath, overrides);
  const plan = readFileSync(new URL('../fixtures/overrides/plan.milestones.yaml', import.meta.url), 'utf8');
  writeFileSync(join(folder, 'a.milestones.yaml'), plan);
  return { folder, overridesPath, plan, planUri: pathToFileURL(join(folder, 'a.milestones.yaml')).href };
}

describe('an overrides file over LSP', () => {
  test('named by milestones.overrideFiles: opens with no problem, hovers the acronyms of its descriptions, and reports a bad key where it is', async () => {
    const overrides = readFileSync(new URL('../fixtures/overrides/local.yaml', import.meta.url), 'utf8');
    const { folder, overridesPath, planUri } = await overridesWorkspace(overrides);
    const client = await TestClient.start({ folders: [folder], settings: { overrideFiles: ['data/*.yaml'] } });
    try {
      const uri = pathToFileURL(overridesPath).href;
      assert.deepEqual(await client.open(uri, overrides), []);
      const lines = overrides.split('\n');
      const line = lines.findIndex((text) => text.includes('first DP0'));
      const character = lines[line]!.indexOf('DP0') + 1;
      const hover = await client.request<{ contents: { value: string }; range: { start: { character: number } } }>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      assert.equal(hover.contents.value, '**DP0** — Data Preview 0\n\n_built-in glossary (LDM-564)_');
      assert.equal(hover.range.start.character, character - 1);
      const codeLine = lines.indexOf('DLP-552:');
      const onCode = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: codeLine, character: 2 } });
      assert.match(onCode.contents.value, /^\*\*DLP-552\*\* · Milestone\n\nAlert distribution at scale — local\.yaml; the plan says Alert distribution\n[\s\S]*Overridden here:\n\n- name: Alert distribution at scale\n/);
      const after = await client.replaceAll(uri, overrides.replace('  jira: DM-33221', '  jira_test_plan: DM-33221'));
      assert.deepEqual(after.map((d) => [d.code, d.range.start.line, messageOf(d)]), [['schema', codeLine + 2, 'Unknown key "jira_test_plan" in the override of DLP-552. Did you mean "jira_testplan"?']]);
      // An overridden due date in the past makes the plan's milestone overdue, in the plan's diagnostics.
      const overdue = client.waitForDiagnostics(planUri, (list) => list.some((d) => d.code === 'overdue'));
      await client.replaceAll(uri, overrides.replace('  due: 2021-11-30', '  due: 2021-07-01'));
      assert.deepEqual((await overdue).filter((d) => d.code === 'overdue').map((d) => messageOf(d)), ['Milestone DLP-552 was due 2021-07-01 (local.yaml) and is not completed (as of 2021-08-11).']);
    } finally {
      await client.stop();
    }
  });
});

describe('an overrides file on disk', () => {
  test('named by path, it applies to the plans without being open, and its changes on disk are read again', async () => {
    const { folder, overridesPath, plan, planUri } = await overridesWorkspace('DLP-552:\n  due: 2021-07-01\n');
    const client = await TestClient.start({ folders: [folder], settings: { overrideFiles: ['data/local.yaml'] } });
    try {
      const diagnostics = await client.open(planUri, plan);
      assert.deepEqual(diagnostics.map((d) => [d.code, messageOf(d)]), [['overdue', 'Milestone DLP-552 was due 2021-07-01 (local.yaml) and is not completed (as of 2021-08-11).']]);
      writeFileSync(overridesPath, 'DLP-552:\n  due: 2031-01-01\n');
      const cleared = client.waitForDiagnostics(planUri, (list) => list.length === 0);
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(overridesPath).href, type: 2 }] });
      await cleared;
    } finally {
      await client.stop();
    }
  });
});

describe('bad input over LSP', () => {
  test('broken YAML, binary bytes, an alias bomb and a huge file get problems; the server keeps answering', async () => {
    const client = await TestClient.start({});
    try {
      const broken = await client.open('file:///virtual/broken.milestones.yaml', 'milestones:\n  M-1:\n    name: "open\n    due: [\n');
      assert.ok(broken.some((d) => d.code === 'yaml-syntax' && d.range.start.line >= 2));
      const binary = await client.open('file:///virtual/binary.milestones.yaml', 'milestones:\n  \u0000\u0001\u0002: \uFFFD\uFFFD\n');
      assert.ok(binary.length > 0);
      let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
      for (let level = 1; level < 10; level++) {
        const name = String.fromCharCode(97 + level);
        bomb += `${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]\n`;
      }
      const bombed = await unlessHung(client.open('file:///virtual/bomb.milestones.yaml', bomb), 'diagnostics of an alias bomb');
      assert.ok(bombed.length > 0);
      const huge = 'features:\n' + '  X-1:\n    name: padding padding padding padding padding padding\n    due: 2020-01-01\n'.repeat(600_000);
      const tooLarge = await client.open('file:///virtual/huge.milestones.yaml', huge);
      assert.deepEqual(tooLarge.map((d) => d.code), ['file-too-large']);
      assert.match(messageOf(tooLarge[0]!), /larger than the limit/);
      // The server still answers.
      const snapshot = await client.request<PlanSnapshot>('milestones/planSnapshot');
      assert.ok(Array.isArray(snapshot.milestones));
    } finally {
      await client.stop();
    }
  });
});

describe('diagnostics kept between keystrokes', () => {
  // Each entry's diagnostics are converted once and moved with the lines before them: after every
  // edit they equal those of the same text opened afresh, in LF and in CR LF, with a directive
  // at the end of one entry that silences a problem on the first line of the next.
  const plan = [
    'asOf: 2021-08-11',
    'milestones:',
    '  M-1:',
    '    name: One with HSX data',
    '    due: 2020-01-01',
    '    features: [F-1, F-2x]',
    '  M-2:',
    '    name: Two',
    '    due: 2020-02-01',
    'features:',
    '  F-1:',
    '    name: F',
    '    due: 2020-03-01',
    '  F-2:',
    '    name: G',
    '    due: 2019-03-01',
    '',
  ];
  for (const eol of ['\n', '\r\n']) {
    test(eol === '\n' ? 'LF' : 'CR LF', async () => {
      const client = await TestClient.start({ settings: { asOf: '2021-08-11' } });
      const freshClient = await TestClient.start({ settings: { asOf: '2021-08-11' } });
      try {
        let text = plan.join(eol);
        const uri = 'file:///virtual/kept.milestones.yaml';
        const same = async (diagnostics: unknown[]) => {
          // The same text opened afresh in another server (and closed again: it leaves that server's model).
          assert.deepEqual(diagnostics, await freshClient.open(uri, text));
          freshClient.close(uri);
        };
        await same(await client.open(uri, text));
        // Each edit: the text before it, and what replaces it.
        const edits: [string, string][] = [
          ['asOf', `# a comment${eol}asOf`],
          [`  M-2:`, `    # milestones-disable-next-line overdue${eol}  M-2:`],
          [`    name: One with HSX data${eol}`, `    name: One with HSX data${eol}${eol}${eol}`],
          ['2020-03-01', '2019-12-01'],
          [`    # milestones-disable-next-line overdue${eol}`, ''],
          [`# a comment${eol}`, ''],
          ['F-2x]', 'F-2]'],
        ];
        for (const [from, to] of edits) {
          const start = text.indexOf(from);
          assert.ok(start >= 0, from);
          const before = text.slice(0, start);
          const line = before.split(eol).length - 1;
          const character = start - (before.lastIndexOf(eol) < 0 ? 0 : before.lastIndexOf(eol) + eol.length);
          const end = start + from.length;
          const endBefore = text.slice(0, end);
          const endLine = endBefore.split(eol).length - 1;
          const endCharacter = end - (endBefore.lastIndexOf(eol) < 0 ? 0 : endBefore.lastIndexOf(eol) + eol.length);
          text = text.slice(0, start) + to + text.slice(end);
          await same(await client.change(uri, { start: { line, character }, end: { line: endLine, character: endCharacter } }, to));
        }
      } finally {
        await Promise.all([client.stop(), freshClient.stop()]);
      }
    });
  }
});
