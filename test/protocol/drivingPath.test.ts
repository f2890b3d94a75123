// The `milestones/drivingPath` and `milestones/criticalPath` requests over LSP, as the *Show Driving
// Path* and *Show Critical Path* commands send them: the item at a position, and its path with
// locations in lines and characters.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CriticalPath, DrivingStep } from '../../common/planSnapshot';
import { TestClient } from '../helpers/lspClient';

const plan = `milestones:
  M-1:
    name: First
    due: 2021-01-01
  M-2:
    name: Second
    due: 2021-02-01
    predecessors: [M-1]
`;

describe('the driving path request', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({});
  });
  after(() => client.stop());

  test('gives the steps ending at the item under the cursor, each where it is defined', async () => {
    const uri = 'file:///plans/path.milestones.yaml';
    await client.open(uri, plan);
    const steps = await client.request<DrivingStep[]>('milestones/drivingPath', { uri, position: { line: 5, character: 8 } });
    assert.deepEqual(
      steps.map((step) => [step.id, step.due, step.location.range]),
      [
        ['M-1', '2021-01-01', { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } }],
        ['M-2', '2021-02-01', { start: { line: 4, character: 2 }, end: { line: 4, character: 5 } }],
      ],
    );
    assert.deepEqual(await client.request('milestones/drivingPath', { uri, position: { line: 0, character: 0 } }), []);
  });

  test("the critical path: the chain the item's limit keeps; without a plan position, the plan's last milestone's", async () => {
    const uri = 'file:///plans/critical.milestones.yaml';
    await client.open(uri, plan.replace('due: 2021-01-01', 'due: 2021-02-01').replace(/M-/g, 'C-'));
    const path = await client.request<CriticalPath>('milestones/criticalPath', { uri, position: { line: 1, character: 3 } });
    assert.deepEqual(path.from, { id: 'C-1', float: '0 days · critical — limited by C-2, due 2021-02-01' });
    assert.deepEqual(
      path.steps.map((step) => [step.id, step.float, step.location.range.start]),
      [
        ['C-1', 0, { line: 1, character: 2 }],
        ['C-2', 0, { line: 4, character: 2 }],
      ],
    );
    const anywhere = await client.request<CriticalPath>('milestones/criticalPath', { uri: '', position: { line: 0, character: 0 } });
    // The workspace's last milestone: C-2 and M-2 fall on one day, and the later ID is taken.
    assert.equal(anywhere.end, 'M-2');
    assert.equal(anywhere.from, null);
  });
});
