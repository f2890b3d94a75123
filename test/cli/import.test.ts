// `milestones import` through the bin: files in the shapes P6, MS Project and spreadsheets write
// them (Windows code pages, the XLSX export), where the plan goes, and bad input: one message
// naming the file and line or row, exit 2, nothing written.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/cli';
import { projectFields, task, taskFieldsV23, taskPredFields, xerText } from '../helpers/schedules';

const folder = mkdtempSync(join(tmpdir(), 'milestones-import-'));

const tables = {
  PROJECT: { fields: projectFields, rows: [{ proj_id: '100', proj_short_name: 'DM', last_recalc_date: '2021-08-01 00:00' }] },
  TASK: {
    fields: taskFieldsV23,
    rows: [
      task('1', 'M-1', 'Caf\u00e9 \u201cQA\u201d review', 'TT_FinMile', '2021-03-01 17:00'),
      task('2', 'M-2', 'Second release', 'TT_FinMile', '2021-06-01 17:00', { early_end_date: '2021-06-20 17:00' }),
    ],
  },
  TASKPRED: { fields: taskPredFields, rows: [{ task_id: '2', pred_task_id: '1', pred_type: 'PR_FS', lag_hr_cnt: '0' }] },
};

/** Text as a Windows code page writes it (the characters used here are in both). */
function codePage(text: string, page: 'cp1252' | 'cp1256'): Buffer {
  const table: Record<string, number> = page === 'cp1252' ? { '\u00e9': 0xe9, '\u201c': 0x93, '\u201d': 0x94 } : { '\u00e9': 0xe9, '\u201c': 0x93, '\u201d': 0x94, '\u0645': 0xe3 };
  return Buffer.from([...text].map((character) => table[character] ?? character.charCodeAt(0)));
}

describe('milestones import', () => {
  test('an XER in cp1252 (what P6 writes on a western PC) printed as a plan, with a count on standard error', () => {
    writeFileSync(join(folder, 'cp1252.xer'), codePage(xerText(tables), 'cp1252'));
    const result = runCli(['import', 'cp1252.xer'], folder);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, 'Imported 2 milestones and 0 features from cp1252.xer (Primavera P6 XER).\n');
    assert.equal(
      result.stdout,
      `title: DM
asOf: 2021-08-01

milestones:
  M-1:
    name: Caf\u00e9 \u201cQA\u201d review
    due: 2021-03-01
  M-2:
    name: Second release
    due: 2021-06-01
    forecast: 2021-06-20
    predecessors:
      - M-1
`,
    );
  });

  test('--encoding reads another code page: Arabic text from a cp1256 PC', () => {
    const arabic = { ...tables, TASK: { fields: taskFieldsV23, rows: [task('1', 'M-1', '\u0645 milestone', 'TT_FinMile', '2021-03-01 17:00')] }, TASKPRED: { fields: taskPredFields, rows: [] } };
    writeFileSync(join(folder, 'cp1256.xer'), codePage(xerText(arabic), 'cp1256'));
    assert.match(runCli(['import', 'cp1256.xer', '--encoding', 'windows-1256'], folder).stdout, /name: \u0645 milestone/);
    assert.match(runCli(['import', 'cp1256.xer'], folder).stdout, /name: \u00e3 milestone/);
    assert.equal(runCli(['import', 'cp1256.xer', '--encoding', 'klingon'], folder).status, 2);
  });

  test('-o writes a new plan, and will not overwrite one: --into updates it', () => {
    writeFileSync(join(folder, 'plain.xer'), xerText(tables, { eol: '\n' }));
    const result = runCli(['import', 'plain.xer', '-o', 'dm.milestones.yaml'], folder);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, 'Wrote dm.milestones.yaml: 2 milestones and 0 features from plain.xer (Primavera P6 XER).\n');
    assert.match(readFileSync(join(folder, 'dm.milestones.yaml'), 'utf8'), /^title: DM\n/);
    const again = runCli(['import', 'plain.xer', '-o', 'dm.milestones.yaml'], folder);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /^milestones: dm\.milestones\.yaml exists: update it with --into dm\.milestones\.yaml/);
  });

  test('bad input: one message naming the file and line, exit 2, and no plan written', () => {
    const text = xerText(tables);
    const cases: [string, string | Buffer, string][] = [
      ['cut.xer', text.slice(0, text.length - 20), 'milestones: cut.xer, line 11: the file ends without the %E that closes an XER export: it was cut short; export it again.\n'],
      ['binary.xer', Buffer.from([0x45, 0x52, 0x4d, 0x48, 0x44, 0x52, 0x0a, 0x00, 0x01]), 'milestones: binary.xer, line 2: holds a NUL byte: it is not a XER text file.\n'],
      ['other.xml', '<?xml version="1.0"?>\n<html><body/></html>\n', 'milestones: other.xml, line 1: not a Microsoft Project XML (MSPDI) file: its root element is <html>, not <Project>.\n'],
      ['notes.txt', 'hello\n', 'milestones: notes.txt, line 1: is not a schedule this command knows by its name or its first bytes: give --format xer, xlsx, mspdi or csv.\n'],
    ];
    for (const [name, content, message] of cases) {
      writeFileSync(join(folder, name), content);
      const output = `${name}.milestones.yaml`;
      const result = runCli(['import', name, '-o', output], folder);
      assert.deepEqual([result.status, result.stderr, result.stdout], [2, message, ''], name);
      assert.equal(existsSync(join(folder, output)), false, `${output} is not written`);
    }
  });

  test('a file of 100 MB is refused before it is read, with its size', () => {
    const huge = join(folder, 'huge.xer');
    writeFileSync(huge, '');
    truncateSync(huge, 100 * 1024 * 1024);
    const result = runCli(['import', 'huge.xer'], folder);
    assert.deepEqual([result.status, result.stderr], [2, 'milestones: huge.xer: is 100 MB, more than the 64 MB a schedule may be: export only the projects you need, or raise --max-size.\n']);
  });

  test("P6's spreadsheet export: TASK and TASKPRED sheets, field names then labels, dates as date cells, links by activity code", async () => {
    const workbook = new ExcelJS.Workbook();
    const taskSheet = workbook.addWorksheet('TASK');
    taskSheet.addRow(['task_code', 'status_code', 'task_type', 'task_name', 'target_end_date', 'act_end_date']);
    taskSheet.addRow(['Activity ID', 'Activity Status', 'Activity Type', 'Activity Name', 'Planned Finish', 'Actual Finish']);
    taskSheet.addRow(['M-1', 'Completed', 'Finish Milestone', 'First', new Date(Date.UTC(2021, 2, 1, 17)), new Date(Date.UTC(2021, 2, 3, 12))]);
    taskSheet.addRow(['A-1', 'Not Started', 'Task Dependent', 'Work', new Date(Date.UTC(2021, 4, 1, 17)), null]);
    const links = workbook.addWorksheet('TASKPRED');
    links.addRow(['task_id', 'pred_task_id', 'pred_type', 'lag_hr_cnt']);
    links.addRow(['Successor', 'Predecessor', 'Relationship Type', 'Lag']);
    links.addRow(['A-1', 'M-1', 'PR_SS', 16]);
    writeFileSync(join(folder, 'export.xlsx'), Buffer.from(await workbook.xlsx.writeBuffer()));
    const result = runCli(['import', 'export.xlsx'], folder);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, 'milestones:\n  M-1:\n    name: First\n    due: 2021-03-01\n    completed: 2021-03-03\n\nfeatures:\n  A-1:\n    name: Work\n    due: 2021-05-01\n    predecessors:\n      - M-1  # start-to-start, lag 16 h\n');

    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['a']);
    writeFileSync(join(folder, 'other.xlsx'), Buffer.from(await other.xlsx.writeBuffer()));
    assert.deepEqual(runCli(['import', 'other.xlsx'], folder).stderr, 'milestones: other.xlsx: has no TASK sheet (it has Sheet1): export the activities from P6 with the TASK and TASKPRED sheets.\n');
    writeFileSync(join(folder, 'broken.xlsx'), 'PK\u0003\u0004 not really a zip');
    const broken = runCli(['import', 'broken.xlsx'], folder);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /^milestones: broken\.xlsx: is not an XLSX spreadsheet that can be read: /);
  });

  test('--into updates a hand-edited plan in place, prints what moved as `milestones diff` does, and a second run changes nothing', () => {
    const plan = join(folder, 'monthly.milestones.yaml');
    writeFileSync(plan, '# kept by hand\ntitle: DM\nasOf: 2021-07-01\nmilestones:\n  M-1:\n    name: Caf\u00e9 \u201cQA\u201d review # the review\n    due: 2021-03-01\n  M-2:\n    name: Second release\n    due: 2021-06-01\n    forecast: 2021-06-10\n    predecessors: [M-1]\n  M-OLD:\n    name: Descoped\n    due: 2021-01-01\n');
    writeFileSync(join(folder, 'august.xer'), xerText(tables));
    const first = runCli(['import', 'august.xer', '--into', 'monthly.milestones.yaml'], folder);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, 'id   change   field     before      after       days\nM-2  changed  forecast  2021-06-10  2021-06-20  +10\n');
    assert.equal(first.stderr, 'Gone from the schedule, kept (--prune removes them): M-OLD.\nUpdated monthly.milestones.yaml from august.xer: 0 added, 0 removed, 1 changed.\n');
    assert.equal(readFileSync(plan, 'utf8'), '# kept by hand\ntitle: DM\nasOf: 2021-08-01\nmilestones:\n  M-1:\n    name: Caf\u00e9 \u201cQA\u201d review # the review\n    due: 2021-03-01\n  M-2:\n    name: Second release\n    due: 2021-06-01\n    forecast: 2021-06-20\n    predecessors: [M-1]\n  M-OLD:\n    name: Descoped\n    due: 2021-01-01\n');
    const second = runCli(['import', 'august.xer', '--into', 'monthly.milestones.yaml'], folder);
    assert.deepEqual([second.status, second.stdout, second.stderr], [0, '', 'Gone from the schedule, kept (--prune removes them): M-OLD.\nmonthly.milestones.yaml is up to date with august.xer.\n']);
    const pruned = runCli(['import', 'august.xer', '--into', 'monthly.milestones.yaml', '--prune'], folder);
    assert.equal(pruned.stdout, 'id     change   field  before      after  days\nM-OLD  removed  due    2021-01-01\n');
    assert.ok(!readFileSync(plan, 'utf8').includes('M-OLD'));
  });

  test('--into a plan that does not parse: exit 2 and the plan left as it was', () => {
    const plan = join(folder, 'broken.milestones.yaml');
    writeFileSync(plan, 'milestones:\n  M-1: [unclosed\n');
    writeFileSync(join(folder, 'again.xer'), xerText(tables));
    const result = runCli(['import', 'again.xer', '--into', 'broken.milestones.yaml'], folder);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^milestones: broken\.milestones\.yaml:\d+: .* Fix the plan before updating it\.\n$/);
    assert.equal(readFileSync(plan, 'utf8'), 'milestones:\n  M-1: [unclosed\n');
  });
});
