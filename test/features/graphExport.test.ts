// The graph export (server/src/service/features/graphExport.ts) in memory: a small plan with
// predecessor links, and the exact Graphviz DOT and Mermaid gantt chart made of it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPlan } from '../helpers/cursor';

const plan = `document: LDM-564
asOf: 2021-08-11
milestones:
  LDM-503-07:
    name: "Camera data processing: first light"
    due: 2018-11-30
    completed: 2018-11-30
    level: 2
  LDM-503-08:
    name: Spectrograph data acquisition
    due: 2018-12-31
    level: 2
    predecessors: [LDM-503-07]
    features: [DM-DRP-1]
  LDM-503-09:
    name: Small scale DRP run
    due: 2022-01-31
    predecessors: [LDM-503-08, DM-DRP-1, DM-XX-9]
features:
  DM-DRP-1:
    name: Single "frame" processing
    due: 2019-03-01
`;

describe('export as a graph', () => {
  // Float: LDM-503-09 ends the chain; LDM-503-08 may move to 2022-01-31, 31 + 365 + 366 + 365 = 1127 days;
  // DM-DRP-1 from 2019-03-01, 1067 days, limited through LDM-503-09 itself (one step, not two through LDM-503-08).
  test('DOT: a node per item styled by state and labelled with its float, an edge per known link, a dashed edge per listed feature', () => {
    const { service } = openPlan(plan);
    assert.equal(
      service.exportGraph('dot'),
      [
        'digraph milestones {',
        '  rankdir=LR;',
        '  node [style="rounded,filled", fontname="Helvetica", fontsize=10];',
        '  edge [color="#555555"];',
        '  "LDM-503-07" [label="LDM-503-07\\nCamera data processing: first light\\ncompleted 2018-11-30", shape=box, fillcolor="#9ecae1", class="completed", tooltip="milestone · completed"];',
        '  "LDM-503-08" [label="LDM-503-08\\nSpectrograph data acquisition\\ndue 2018-12-31\\nfloat 1127 d", shape=box, fillcolor="#fb6a4a", class="inconsistent", tooltip="milestone · inconsistent"];',
        '  "LDM-503-09" [label="LDM-503-09\\nSmall scale DRP run\\ndue 2022-01-31\\nfloat 0 d · critical", shape=box, fillcolor="#ffffff", color="#cb181d", penwidth=2, class="open", tooltip="milestone · open"];',
        '  "DM-DRP-1" [label="DM-DRP-1\\nSingle \\"frame\\" processing\\ndue 2019-03-01\\nfloat 1067 d", shape=ellipse, fillcolor="#fb6a4a", class="inconsistent", tooltip="feature · inconsistent"];',
        '  "LDM-503-07" -> "LDM-503-08";',
        '  "DM-DRP-1" -> "LDM-503-08" [style=dashed];',
        '  "LDM-503-08" -> "LDM-503-09";',
        '  "DM-DRP-1" -> "LDM-503-09";',
        '}',
        '',
      ].join('\n'),
    );
  });
  test('DOT: the links of a critical chain in bold red, each from an item to the step its limit comes through', () => {
    const dot = openPlan(plan, { settings: { criticalFloatDays: 1127 } }).service.exportGraph('dot');
    const edges = dot.split('\n').filter((line) => line.includes('->'));
    assert.deepEqual(edges, [
      '  "LDM-503-07" -> "LDM-503-08";',
      '  "DM-DRP-1" -> "LDM-503-08" [style=dashed];',
      '  "LDM-503-08" -> "LDM-503-09" [color="#cb181d", penwidth=2];',
      '  "DM-DRP-1" -> "LDM-503-09" [color="#cb181d", penwidth=2];',
    ]);
  });
  test('Mermaid: a gantt with a section per level, `after` for a single predecessor, markers otherwise; critical items `crit`', () => {
    const { service } = openPlan(plan);
    assert.equal(
      service.exportGraph('mermaid'),
      [
        'gantt',
        '  title LDM-564',
        '  dateFormat YYYY-MM-DD',
        '  axisFormat %Y-%m',
        '  section Level 2',
        '    LDM-503-07 Camera data processing first light :milestone, done, LDM_503_07, 2018-11-30, 0d',
        '    LDM-503-08 Spectrograph data acquisition :LDM_503_08, after LDM_503_07, 2018-12-31',
        '  section Milestones',
        '    LDM-503-09 Small scale DRP run :milestone, crit, LDM_503_09, 2022-01-31, 0d',
        '  section Features',
        '    DM-DRP-1 Single "frame" processing :milestone, DM_DRP_1, 2019-03-01, 0d',
        '',
      ].join('\n'),
    );
  });
});
