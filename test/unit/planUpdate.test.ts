// The monthly update of a hand-edited plan from a new schedule export: only what changed is
// rewritten, comments, order, quoting and line ends are kept, new items are appended, items gone
// are kept unless pruned, and the same update a second time changes nothing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPlanService } from '../../server/src/service';
import { updatedText, updatePlan, type UpdateOptions } from '../../server/src/service/schedules/planUpdate';
import { readScheduleCsv } from '../../server/src/service/schedules/scheduleCsv';
import { scheduleToPlan, type ImportOptions } from '../../server/src/service/schedules/scheduleToPlan';

const uri = 'file:///plans/dm.milestones.yaml';

/** The plan after updating it from a CSV schedule, and the update's report. */
function update(plan: string, csv: string, options: UpdateOptions & ImportOptions = {}) {
  const service = createPlanService();
  service.setFile(uri, plan);
  const file = service.getFile(uri)!;
  const result = updatePlan(file, scheduleToPlan(readScheduleCsv(csv), options), options);
  return { text: updatedText(file, result), gone: result.gone, added: result.added };
}

const handEdited = `# DM milestones, kept by hand and by the schedule
title: DM releases
asOf: 2021-07-01   # the data date of the last export

milestones:
  # The first release: do not move without the board
  'LDM-503-01':
    name: 'Science Platform: first look'   # quoted by hand
    due: 2021-03-01
    completed: 2021-03-04
  LDM-503-02:
    name: HSC reprocessing
    due: 2021-06-01
    forecast: 2021-07-15 # slipped in June
    level: 2
    predecessors:
      - DM-AP-1   # the pipeline first
      # - DM-OLD  (dropped in May)
      - LDM-503-01
  LDM-503-03: {name: "Gen3 parity", due: 2021-09-01, predecessors: [LDM-503-02]}

features:
  DM-AP-1:
    name: Alert Production pipeline
    due: 2021-05-14
    description: >-
      Written by hand: the schedule has no descriptions.
  DM-GONE-1:
    name: Descoped
    due: 2021-04-01
`;

const july = `id,name,type,baseline,finish,actual,level,predecessors
LDM-503-01,Science Platform: first look,milestone,2021-03-01,2021-03-04,2021-03-04,1,
LDM-503-02,HSC reprocessing,milestone,2021-06-01,2021-07-15,,2,DM-AP-1 LDM-503-01
LDM-503-03,Gen3 parity,milestone,2021-09-01,2021-09-01,,,LDM-503-02
DM-AP-1,Alert Production pipeline,task,2021-05-14,2021-05-14,,,
DM-GONE-1,Descoped,task,2021-04-01,2021-04-01,,,
`;

const august = `id,name,type,baseline,finish,actual,level,predecessors
LDM-503-01,Science Platform: first look,milestone,2021-03-01,2021-03-04,2021-03-04,1,
LDM-503-02,HSC reprocessing (HSC-SSP),milestone,2021-06-01,2021-07-20,2021-07-20,2,LDM-503-01 DM-AP-2
LDM-503-03,"Gen3 parity, at last",milestone,2021-09-01,2021-10-15,,,LDM-503-02 DM-AP-2
LDM-503-04,Data Preview 0.2,milestone,2021-12-01,2021-12-01,,3,LDM-503-03
DM-AP-1,Alert Production pipeline,task,2021-05-14,2021-05-30,2021-05-30,,
DM-AP-2,Alert distribution,task,2021-08-01,2021-08-15,,,DM-AP-1
`;

describe('updating a plan from a schedule', () => {
  test('an export with nothing new changes nothing', () => {
    assert.deepEqual(update(handEdited, july), { text: handEdited, gone: [], added: [] });
  });

  test("the next month's export: names, dates and links rewritten in place, new items appended, the item gone reported and kept", () => {
    const result = update(handEdited, august);
    assert.deepEqual([result.gone, result.added], [['DM-GONE-1'], ['LDM-503-04', 'DM-AP-2']]);
    assert.equal(
      result.text,
      `# DM milestones, kept by hand and by the schedule
title: DM releases
asOf: 2021-07-01   # the data date of the last export

milestones:
  # The first release: do not move without the board
  'LDM-503-01':
    name: 'Science Platform: first look'   # quoted by hand
    due: 2021-03-01
    completed: 2021-03-04
  LDM-503-02:
    name: HSC reprocessing (HSC-SSP)
    due: 2021-06-01
    completed: 2021-07-20
    level: 2
    predecessors:
      # - DM-OLD  (dropped in May)
      - LDM-503-01
      - DM-AP-2
  LDM-503-03: {name: "Gen3 parity, at last", due: 2021-09-01, predecessors: [LDM-503-02, DM-AP-2], forecast: 2021-10-15}
  LDM-503-04:
    name: Data Preview 0.2
    due: 2021-12-01
    level: 3
    predecessors:
      - LDM-503-03

features:
  DM-AP-1:
    name: Alert Production pipeline
    due: 2021-05-14
    completed: 2021-05-30
    description: >-
      Written by hand: the schedule has no descriptions.
  DM-GONE-1:
    name: Descoped
    due: 2021-04-01
  DM-AP-2:
    name: Alert distribution
    due: 2021-08-01
    forecast: 2021-08-15
    predecessors:
      - DM-AP-1
`,
    );
    assert.equal(update(result.text, august).text, result.text, 'a second update changes nothing');
  });

  test('--prune removes the items gone, and their listings; CRLF line ends are kept', () => {
    const crlf = `${handEdited}  DM-AP-9:\n    name: Listed\n    due: 2021-01-01\n`.replace('    due: 2021-06-01\n', '    due: 2021-06-01\n    features: [DM-GONE-1, DM-AP-9]\n').replace(/\n/g, '\r\n');
    const withNine = august.replace('DM-AP-2,Alert', 'DM-AP-9,Listed,task,2021-01-01,2021-01-01,,,\nDM-AP-2,Alert');
    const result = update(crlf, withNine, { prune: true });
    assert.deepEqual(result.gone, ['DM-GONE-1']);
    assert.ok(!result.text.includes('DM-GONE-1'));
    assert.ok(result.text.includes('    features: [DM-AP-9]\r\n'));
    assert.ok(!/[^\r]\n/.test(result.text), 'every line ends in CR LF');
    assert.equal(update(result.text, withNine, { prune: true }).text, result.text);
  });

  test('--features: the activities leading to a milestone are its features list, kept up to date', () => {
    const plan = 'milestones:\n  M-1:\n    name: One\n    due: 2021-03-01\n    features:\n      - F-1 # first\n      - F-OLD\nfeatures:\n  F-1:\n    name: A\n    due: 2021-02-01\n  F-OLD:\n    name: Old\n    due: 2021-02-01\n';
    const csv = 'id,name,type,finish,predecessors\nM-1,One,milestone,2021-03-01,F-1 F-2\nF-1,A,task,2021-02-01,\nF-OLD,Old,task,2021-02-01,\nF-2,B,task,2021-02-15,\n';
    const result = update(plan, csv, { features: true });
    assert.equal(result.text, 'milestones:\n  M-1:\n    name: One\n    due: 2021-03-01\n    features:\n      - F-1 # first\n      - F-2\nfeatures:\n  F-1:\n    name: A\n    due: 2021-02-01\n  F-OLD:\n    name: Old\n    due: 2021-02-01\n  F-2:\n    name: B\n    due: 2021-02-15\n');
  });

  test('an empty plan gets the sections; a plan without features gets a features section at its end', () => {
    const csv = 'id,name,type,finish\nM-1,One,milestone,2021-03-01\nF-1,A,task,2021-02-01\n';
    assert.equal(update('title: New\n', csv).text, 'title: New\n\nmilestones:\n  M-1:\n    name: One\n    due: 2021-03-01\n\nfeatures:\n  F-1:\n    name: A\n    due: 2021-02-01\n');
    assert.equal(update('milestones:\nfeatures: # none yet\n', csv).text, 'milestones:\n  M-1:\n    name: One\n    due: 2021-03-01\nfeatures: # none yet\n  F-1:\n    name: A\n    due: 2021-02-01\n');
  });
});
