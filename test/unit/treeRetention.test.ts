// Segments the fast reader read keep no tree of their own: a few recent trees are kept, and the
// others are read again from the segment's text when needed. Every answer of the service must be
// the same whether a tree is the one built at the first parse, a kept one, or one read again on
// each use: nothing may depend on a tree being the same object twice.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { generatePlan } from '../../bench/generate';
import { fixAll, getCodeActions } from '../../server/src/service/codeActions';
import { doComplete } from '../../server/src/service/completion';
import { codeLenses, inlayHints } from '../../server/src/service/glance';
import { doHover } from '../../server/src/service/hover';
import { documentLinks } from '../../server/src/service/links';
import { references, rename } from '../../server/src/service/navigation';
import { setRecentTreesLimit } from '../../server/src/service/segments';
import { documentSymbols, foldingSpans, selectionSpans } from '../../server/src/service/symbols';
import { Workspace } from '../../server/src/service/workspace';
import { planArbitrary, propertySeed, replayable } from '../property/generators';

const uri = 'file:///plans/a.milestones.yaml';

/** Everything the service answers about a text, at offsets spread through it. */
function answers(text: string): unknown {
  const workspace = new Workspace();
  workspace.setSettings({ asOf: '2021-08-11' });
  const file = workspace.setFile(uri, text);
  const problems = workspace.problems(uri);
  const offsets = Array.from({ length: 60 }, (_, index) => Math.floor(((index + 0.5) / 60) * text.length));
  for (const problem of problems) offsets.push(problem.start, problem.end);
  return {
    problems,
    symbols: documentSymbols(file),
    folding: foldingSpans(file),
    links: documentLinks(file, 'https://jira.example/browse/'),
    lenses: codeLenses(workspace, file),
    hints: inlayHints(workspace, file, { start: 0, end: text.length }),
    fixAll: fixAll(workspace, file),
    at: offsets.map((offset) => ({
      offset,
      selection: selectionSpans(file, offset),
      hover: doHover(workspace, file, offset),
      completion: doComplete(workspace, file, offset),
      actions: getCodeActions(workspace, file, { start: offset, end: offset }),
      references: references(workspace, file, offset, true),
      rename: rename(workspace, file, offset, 'RENAMED-1'),
    })),
  };
}

function compare(text: string): void {
  setRecentTreesLimit(512);
  const kept = answers(text);
  setRecentTreesLimit(0);
  const readAgain = answers(text);
  setRecentTreesLimit(512);
  assert.deepStrictEqual(readAgain, kept);
}

describe('answers do not depend on which tree of a segment is used', () => {
  after(() => setRecentTreesLimit(512));

  test('on the example plan', () => compare(readFileSync('examples/ldm-564.milestones.yaml', 'utf8')));

  test('on a generated benchmark plan', () => compare(generatePlan(30)));

  test('on generated plans in every style', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => compare(plan.text)),
      replayable(propertySeed(), Number(process.env.MILESTONES_PROPERTY_RUNS ?? 60) / 3),
    );
  });
});
