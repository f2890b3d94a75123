// The editor and the command line give the same answers for the same files and settings: a plan
// with an overrides file in the shape of Rubin's (keys left without a value, "" dates, folded
// descriptions, aka lists, codes no plan defines) is checked alike by the language server, with
// `milestones.overrideFiles`, and by `milestones check --overrides` — and reports no schema error.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/cli';
import { messageOf, TestClient } from '../helpers/lspClient';

const root = resolve(__dirname, '../..');
const overrides = readFileSync(join(root, 'test/fixtures/overrides/rubin-shape.yaml'), 'utf8');
const plan = `asOf: 2021-08-11
milestones:
  DLP-552:
    name: Alert distribution
    due: 2021-12-01
    features: [DM-AP-1]
  DLP-560:
    name: Commissioning release
    due: 2021-06-01
    completed: 2021-06-01
  LDM-503-12a:
    name: Operations rehearsal
    due: 2022-03-01
    predecessors: [DLP-552]
features:
  DM-AP-1:
    name: Alert production
    due: 2021-11-01
`;

type Row = [file: string, line: number, column: number, code: string, message: string];

describe('the editor and the command line', () => {
  test('check a plan and a Rubin-shaped overrides file alike, with no schema error', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'milestones-agree-'));
    mkdirSync(join(folder, 'data'));
    writeFileSync(join(folder, 'plan.milestones.yaml'), plan);
    writeFileSync(join(folder, 'data', 'local.yaml'), overrides);

    const cli = runCli(['check', '--format', 'json', '--overrides', 'data/local.yaml', '.'], folder);
    const cliRows = (JSON.parse(cli.stdout) as { file: string; line: number; column: number; code: string; message: string }[]).map((row): Row => [row.file, row.line, row.column, row.code, row.message]);

    const client = await TestClient.start({ folders: [folder], settings: { overrideFiles: ['data/local.yaml'] } });
    const editorRows: Row[] = [];
    try {
      for (const file of ['plan.milestones.yaml', 'data/local.yaml']) {
        const uri = pathToFileURL(join(folder, file)).href;
        const diagnostics = await client.open(uri, readFileSync(join(folder, file), 'utf8'), file.endsWith('.milestones.yaml') ? 'milestone-yaml' : 'yaml');
        for (const d of diagnostics) editorRows.push([file, d.range.start.line + 1, d.range.start.character + 1, String(d.code), messageOf(d)]);
      }
    } finally {
      await client.stop();
    }
    const sorted = (rows: Row[]) => [...rows].sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
    assert.deepEqual(sorted(editorRows), sorted(cliRows));

    // The overrides apply (DLP-552 moves to 2022-01-15, still after its feature and before its
    // successor; DLP-560's completion is taken away), and only the codes no plan defines are reported.
    const codes = cliRows.map(([file, , , code]) => `${file} ${code}`);
    assert.ok(!codes.some((code) => code.endsWith(' schema')), JSON.stringify(cliRows));
    assert.deepEqual(
      cliRows.filter(([, , , code]) => code !== 'unknown-acronym').map(([file, line, , code, message]) => [file, line, code, message]),
      [
        ['data/local.yaml', 4, 'unknown-override', 'No plan defines A1200, so this entry overrides nothing. Correct the code, or remove the entry once the milestone is gone from the schedule.'],
        ['data/local.yaml', 8, 'unknown-override', 'No plan defines B7781, so this entry overrides nothing. Correct the code, or remove the entry once the milestone is gone from the schedule.'],
        ['plan.milestones.yaml', 7, 'overdue', 'Milestone DLP-560 was due 2021-06-01 and is not completed: local.yaml takes its completion date away (as of 2021-08-11).'],
      ],
    );
    assert.equal(cli.status, 0, cli.stderr);
  });
});
