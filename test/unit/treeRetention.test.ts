// Segments the fast reader read keep no tree of their own: a few recent trees are kept, and the
// others are read again from the segment's text when needed. Every answer of the service must be
// the same whether a tree is the one built at the first parse, a kept one, or one read again on
// each use: nothing may depend on a tree being the same object twice.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { generatePlan } from '../../bench/generate';
import { createPlanService } from '../../server/src/service';
import { setRecentTreesLimit } from '../../server/src/service/yaml/segments';
import { planArbitrary, propertySeed, replayable } from '../property/generators';

const uri = 'file:///plans/a.milestones.yaml';

/** Everything the service answers about a text, at offsets spread through it. */
function answers(text: string): unknown {
  const service = createPlanService();
  service.setSettings({ asOf: '2021-08-11', jiraBaseUrl: 'https://jira.example/browse/' });
  service.setFile(uri, text);
  const problems = service.problems(uri);
  const offsets = Array.from({ length: 60 }, (_, index) => Math.floor(((index + 0.5) / 60) * text.length));
  for (const problem of problems) offsets.push(problem.start, problem.end);
  return {
    problems,
    symbols: service.documentSymbols(uri),
    folding: service.foldingRanges(uri),
    links: service.documentLinks(uri),
    lenses: service.codeLenses(uri),
    hints: service.inlayHints(uri, { start: 0, end: text.length }),
    fixAll: service.fixAll(uri),
    at: offsets.map((offset) => ({
      offset,
      selection: service.selectionRanges(uri, offset),
      hover: service.hover(uri, offset),
      completion: service.complete(uri, offset),
      actions: service.codeActions(uri, { start: offset, end: offset }),
      references: service.references(uri, offset, true),
      rename: service.rename(uri, offset, 'RENAMED-1'),
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
