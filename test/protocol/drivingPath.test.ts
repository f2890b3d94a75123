// The `milestones/drivingPath` request over LSP, as the *Show Driving Path* command sends it: the
// item at a position, and its driving path with locations in lines and characters.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DrivingStep } from '../../common/planSnapshot';
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
});
