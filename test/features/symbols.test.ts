// Symbols (server/src/service/features/symbols.ts) in memory: the outline of a plan as a tree, each
// symbol with the text it covers and the text the editor selects, and the workspace symbol search.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OutlineSymbol, PlanService } from '../../server/src/service';
import { covered, openPlan } from '../helpers/cursor';

const plan = `document: LDM-564
milestones:
  LDM-503-02:
    name: HSC reprocessing
    due: 2017-12-01
    completed: 2017-12-01
    features:
      - DM-AP-1
      - DM-AP-2
  LDM-503-03:
    name: Alert generation
    due: 2018-12-01
    features: [DM-AP-2]
features:
  DM-AP-1:
    name: Basic single frame measurement pipeline.
    due: 2017-11-01
    completed: 2017-11-01
  DM-AP-2:
    name: Image differencing
    due: 2018-11-01
acronyms:
  AP: Alert Production
  HSC: Hyper Suprime-Cam
`;

interface Shown {
  name: string;
  detail: string;
  kind: OutlineSymbol['kind'];
  covers: string;
  selects: string;
  children: Shown[];
}

function shown(service: PlanService, uri: string, symbol: OutlineSymbol): Shown {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: symbol.kind,
    covers: covered(service, uri, symbol.span),
    selects: covered(service, uri, symbol.selection),
    children: symbol.children.map((child) => shown(service, uri, child)),
  };
}

/** The text of `plan` from the line that starts with `from` to the end of the line that starts with `to`. */
function lines(from: string, to: string): string {
  const start = plan.indexOf(from);
  const last = plan.indexOf(to, start);
  assert.ok(start >= 0 && last >= 0, `${from} … ${to}`);
  return plan.slice(start, plan.indexOf('\n', last) + 1);
}

describe('document symbols', () => {
  test('milestones with the features they list beneath, then features, then acronyms; each section from its key', () => {
    const { service, uri } = openPlan(plan);
    const reference = (id: string): Shown => ({ name: id, detail: '', kind: 'reference', covers: id, selects: id, children: [] });
    assert.deepEqual(
      service.documentSymbols(uri).map((symbol) => shown(service, uri, symbol)),
      [
        {
          name: 'milestones',
          detail: '2',
          kind: 'section',
          covers: lines('milestones:', '    features: [DM-AP-2]'),
          selects: 'milestones',
          children: [
            {
              name: 'LDM-503-02',
              detail: 'HSC reprocessing · due 2017-12-01 · completed 2017-12-01',
              kind: 'milestone',
              covers: lines('LDM-503-02:', '      - DM-AP-2'),
              selects: 'LDM-503-02',
              children: [reference('DM-AP-1'), reference('DM-AP-2')],
            },
            { name: 'LDM-503-03', detail: 'Alert generation · due 2018-12-01', kind: 'milestone', covers: lines('LDM-503-03:', '    features: [DM-AP-2]'), selects: 'LDM-503-03', children: [reference('DM-AP-2')] },
          ],
        },
        {
          name: 'features',
          detail: '2',
          kind: 'section',
          covers: lines('features:\n  DM-AP-1:', '    due: 2018-11-01'),
          selects: 'features',
          children: [
            { name: 'DM-AP-1', detail: 'Basic single frame measurement pipeline. · due 2017-11-01 · completed 2017-11-01', kind: 'feature', covers: lines('DM-AP-1:', '    completed: 2017-11-01'), selects: 'DM-AP-1', children: [] },
            { name: 'DM-AP-2', detail: 'Image differencing · due 2018-11-01', kind: 'feature', covers: lines('DM-AP-2:\n', '    due: 2018-11-01'), selects: 'DM-AP-2', children: [] },
          ],
        },
        {
          name: 'acronyms',
          detail: '2',
          kind: 'section',
          covers: 'acronyms:\n  AP: Alert Production\n  HSC: Hyper Suprime-Cam',
          selects: 'acronyms',
          children: [
            { name: 'AP', detail: 'Alert Production', kind: 'acronym', covers: 'AP: Alert Production', selects: 'AP', children: [] },
            { name: 'HSC', detail: 'Hyper Suprime-Cam', kind: 'acronym', covers: 'HSC: Hyper Suprime-Cam', selects: 'HSC', children: [] },
          ],
        },
      ],
    );
  });

  test('an invalid completion date shows as such', () => {
    const { service, uri } = openPlan(`milestones:\n  M-1:\n    name: Alert generation\n    due: 2018-12-01\n    completed: 2018-13-01\n`);
    assert.equal(service.documentSymbols(uri)[0]!.children[0]!.detail, 'Alert generation · due 2018-12-01 · completed (date not valid)');
  });

  test('a plan with neither milestones nor features has no outline', () => {
    const { service, uri } = openPlan(`document: LDM-564\ntitle: Nothing yet\n`);
    assert.deepEqual(service.documentSymbols(uri), []);
  });
});

describe('workspace symbols', () => {
  const other = `features:
  DM-DIFF-1:
    name: Alert production difference imaging
    due: 2019-01-01
  AP-9:
    name: Spare
    due: 2019-01-01
`;
  const search = (query: string) => {
    const { service } = openPlan(plan, { other });
    return service.workspaceSymbols(query).map((symbol) => `${symbol.name} (${symbol.uri.slice(symbol.uri.lastIndexOf('/') + 1)})`);
  };

  test('IDs that contain the query first, then names that contain it, then fuzzy matches; by ID within each, across plans', () => {
    assert.deepEqual(search('alert'), ['DM-DIFF-1 (b.milestones.yaml)', 'LDM-503-03 (a.milestones.yaml)', 'DM-AP-1 (a.milestones.yaml)']);
    assert.deepEqual(search('AP'), ['AP-9 (b.milestones.yaml)', 'DM-AP-1 (a.milestones.yaml)', 'DM-AP-2 (a.milestones.yaml)', 'DM-DIFF-1 (b.milestones.yaml)']);
  });

  test('the symbol is the ID where it is defined, with its name and kind', () => {
    const { service } = openPlan(plan, { other });
    const [found] = service.workspaceSymbols('diff-1');
    assert.deepEqual({ ...found!, span: covered(service, found!.uri, found!.span) }, { name: 'DM-DIFF-1', detail: 'Alert production difference imaging', kind: 'feature', uri: 'file:///plans/b.milestones.yaml', span: 'DM-DIFF-1' });
  });

  test('an empty query lists everything; a query that matches nothing, nothing', () => {
    assert.equal(search('').length, 6);
    assert.deepEqual(search('xyz'), []);
  });
});

describe('predecessors in the outline', () => {
  test('beneath their item, in the order written, with the features a milestone lists', () => {
    const text = `milestones:
  M-2:
    name: Two
    due: 2021-02-01
    predecessors: [M-1]
    features:
      - F-1
  M-1:
    name: One
    due: 2021-01-01
features:
  F-1:
    name: Feature
    due: 2021-01-01
    predecessors:
      - M-1
`;
    const { service, uri } = openPlan(text);
    const children = (symbol: OutlineSymbol): [string, string][] => symbol.children.map((child) => [child.name, child.detail]);
    const [milestones, features] = service.documentSymbols(uri);
    assert.deepEqual(children(milestones!.children[0]!), [['M-1', 'predecessor'], ['F-1', '']]);
    assert.deepEqual(children(features!.children[0]!), [['M-1', 'predecessor']]);
  });
});
