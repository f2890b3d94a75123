// The `milestones/importSchedule` request over LSP, as the editor's Import Schedule… and Update From
// Schedule… send it: a new plan's text, the edits that update an open plan, and a bad file's message.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { ImportScheduleResult } from '../../common/requests';
import { noDiskMessage } from '../../server/src/host/scheduleImport';
import { applyEdits } from '../../server/src/service/text/edits';
import { skipWithout } from '../helpers/externalPrograms';
import { TestClient } from '../helpers/lspClient';
import { mspdiText } from '../helpers/schedules';

const folder = mkdtempSync(join(tmpdir(), 'milestones-import-request-'));
const schedule = (finish: string) =>
  mspdiText(
    [
      { uid: 1, name: 'Kick-off', wbs: 'M-1', start: '2021-01-04T08:00:00', finish: '2021-01-04T08:00:00', milestone: true, actualFinish: '2021-01-04T08:00:00' },
      { uid: 2, name: 'Release', wbs: 'M-2', start: finish, finish, milestone: true, baselines: [{ number: 0, finish: '2021-05-03T17:00:00' }], links: [{ uid: 1 }] },
    ],
    { title: 'Releases' },
  );

describe('the import schedule request', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ folders: [folder] });
  });
  after(() => client.stop());

  test('a new plan: its text, and what was read', async () => {
    writeFileSync(join(folder, 'may.xml'), schedule('2021-05-03T17:00:00'));
    const result = await client.request<ImportScheduleResult>('milestones/importSchedule', { schedule: pathToFileURL(join(folder, 'may.xml')).href });
    assert.deepEqual(result, {
      text: 'title: Releases\n\nmilestones:\n  M-1:\n    name: Kick-off\n    due: 2021-01-04\n    completed: 2021-01-04\n  M-2:\n    name: Release\n    due: 2021-05-03\n    predecessors:\n      - M-1\n',
      summary: '2 milestones and 0 features from may.xml.',
      notes: [],
    });
  });

  test('an update: the minimal edits of the open plan', async () => {
    const uri = pathToFileURL(join(folder, 'releases.milestones.yaml')).href;
    const text = 'milestones:\n  M-1: # the start\n    name: Kick-off\n    due: 2021-01-04\n    completed: 2021-01-04\n  M-2:\n    name: Release\n    due: 2021-05-03\n    predecessors:\n      - M-1\n  M-9:\n    name: Dropped\n    due: 2021-09-01\n';
    await client.open(uri, text);
    writeFileSync(join(folder, 'june.xml'), schedule('2021-06-14T17:00:00'));
    const result = await client.request<ImportScheduleResult>('milestones/importSchedule', { schedule: pathToFileURL(join(folder, 'june.xml')).href, into: uri });
    assert.deepEqual([result.summary, result.notes], ['From june.xml: 0 added, 0 removed, 1 changed.', ['Gone from the schedule, kept: M-9.']]);
    assert.equal(applyEdits(text, result.edits!), text.replace('    due: 2021-05-03\n', '    due: 2021-05-03\n    forecast: 2021-06-14\n'));
  });

  test('a file that cannot be read: one message naming it and its line', async () => {
    writeFileSync(join(folder, 'broken.xml'), '<Project>\n  <Tasks>\n</Project>\n');
    const result = await client.request<ImportScheduleResult>('milestones/importSchedule', { schedule: pathToFileURL(join(folder, 'broken.xml')).href });
    assert.deepEqual(result, { error: "broken.xml, line 3: the XML is not well formed: Expected closing tag 'Tasks' (opened in line 2, col 3) instead of closing tag 'Project'.", summary: '', notes: [] });
  });
});

test('in a browser worker (VS Code for the Web) the request says that importing needs the desktop', { skip: skipWithout('the browser worker tests', 'chromium') }, async () => {
  const worker = await TestClient.start({ transport: 'browser-worker' });
  try {
    const result = await worker.request<ImportScheduleResult>('milestones/importSchedule', { schedule: 'file:///plans/may.xml' });
    assert.deepEqual(result, { error: noDiskMessage, summary: '', notes: [] });
  } finally {
    await worker.stop();
  }
});
