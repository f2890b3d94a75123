// `milestones export --format mspdi|ics` through the bin: the round trip back through `milestones
// import`, the overrides file's dates, and the usage errors.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/cli';

const folder = mkdtempSync(join(tmpdir(), 'milestones-export-'));
const plan = `title: Releases
asOf: 2021-08-11

milestones:
  M-1:
    name: First
    due: 2021-03-01
    completed: 2021-03-04
  M-2:
    name: Second
    due: 2021-06-01
    forecast: 2021-09-15
    features:
      - F-1
    predecessors:
      - M-1

features:
  F-1:
    name: Ingest
    due: 2021-05-14
`;
writeFileSync(join(folder, 'releases.milestones.yaml'), plan);
writeFileSync(join(folder, 'local.yaml'), 'M-2:\n  due: 2021-07-01\n');

describe('milestones export --format mspdi|ics', () => {
  test('plan → export --format mspdi → import --features gives back the plan', () => {
    const exported = runCli(['export', '--format', 'mspdi', 'releases.milestones.yaml'], folder);
    assert.equal(exported.status, 0, exported.stderr);
    assert.equal(exported.stderr, '3 items exported as of 2021-08-11.\n');
    writeFileSync(join(folder, 'releases.xml'), exported.stdout);
    const back = runCli(['import', 'releases.xml', '--features'], folder);
    assert.equal(back.stdout, plan);
  });

  test("with --overrides the overridden dates are exported, to MS Project and to the calendar", () => {
    const exported = runCli(['export', '--format', 'mspdi', '--overrides', 'local.yaml', 'releases.milestones.yaml'], folder);
    writeFileSync(join(folder, 'overridden.xml'), exported.stdout);
    assert.match(runCli(['import', 'overridden.xml', '--features'], folder).stdout, / {2}M-2:\n {4}name: Second\n {4}due: 2021-07-01\n {4}forecast: 2021-09-15\n/);
    const calendar = runCli(['export', '--format', 'ics', '--overrides', 'local.yaml', 'releases.milestones.yaml'], folder).stdout;
    assert.match(calendar, /UID:M-2@releases\.milestones\r\nDTSTAMP:20210811T000000Z\r\nDTSTART;VALUE=DATE:20210701\r\n/);
    assert.equal(runCli(['export', '--format', 'ics', 'releases.milestones.yaml'], folder).stdout.replace('20210601', '20210701').replace('20210602', '20210702'), calendar.replace('due 2021-07-01', 'due 2021-06-01'));
  });

  test('an unknown format or a missing overrides file is bad usage', () => {
    const unknown = runCli(['export', '--format', 'gantt'], folder);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^milestones: --format must be md, tex, dot, mermaid, mspdi or ics, not "gantt"\./);
    const missing = runCli(['export', '--format', 'ics', '--overrides', 'nowhere.yaml'], folder);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'milestones: The overrides file nowhere.yaml cannot be read: it does not exist.\n');
  });
});
