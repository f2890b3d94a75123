// The example plan is LDM-564 §3 as published: compared milestone by milestone and feature by
// feature with the published text (test/fixtures/ldm-564), and the shipped glossary with its §5 acronym table.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { builtinGlossary } from '../../server/src/service/glossary/builtinGlossary';
import { publishedAcronyms, publishedReleases } from '../helpers/ldm564';

interface ExampleItem {
  name: string;
  due: string;
  completed?: string;
  features?: string[];
}

const example = parse(readFileSync(new URL('../../examples/ldm-564.milestones.yaml', import.meta.url), 'utf8')) as {
  document: string;
  asOf: string;
  milestones: Record<string, ExampleItem>;
  features: Record<string, ExampleItem>;
  acronyms: Record<string, string>;
};

describe('examples/ldm-564.milestones.yaml', () => {
  const published = publishedReleases();

  test('has the 35 milestones, 82 features over 88 rows, and the 48 acronyms of LDM-564', () => {
    assert.equal(published.length, 35);
    assert.equal(Object.keys(example.milestones).length, 35);
    assert.equal(published.reduce((rows, milestone) => rows + milestone.features.length, 0), 88);
    assert.equal(Object.values(example.milestones).reduce((rows, milestone) => rows + (milestone.features?.length ?? 0), 0), 88);
    assert.equal(Object.keys(example.features).length, 82);
    assert.equal(Object.keys(example.acronyms).length, 48);
    assert.equal(example.document, 'LDM-564');
    assert.equal(example.asOf, '2021-08-11');
  });

  test('milestone by milestone: ID, name, dates and the features listed, in the published order', () => {
    assert.deepEqual(Object.keys(example.milestones), published.map((milestone) => milestone.id));
    for (const milestone of published) {
      const ours = example.milestones[milestone.id]!;
      assert.equal(ours.name, milestone.name, milestone.id);
      assert.equal(ours.due, milestone.due, milestone.id);
      assert.equal(ours.completed ?? null, milestone.completed, milestone.id);
      assert.deepEqual(ours.features ?? [], milestone.features.map((feature) => feature.id), milestone.id);
    }
  });

  test('feature by feature: every published row agrees with the feature definition', () => {
    for (const milestone of published) {
      for (const row of milestone.features) {
        const ours = example.features[row.id];
        assert.ok(ours, `${row.id} is defined`);
        assert.equal(ours.name, row.name, row.id);
        assert.equal(ours.due, row.due, row.id);
        assert.equal(ours.completed ?? null, row.completed, row.id);
      }
    }
  });

  test("the example's acronym table is §5 as published; the shipped glossary is §5 with the entries the document's text contradicts corrected", () => {
    const table = publishedAcronyms();
    assert.deepEqual(Object.entries(example.acronyms), table);
    const corrected: Record<string, [string, string]> = {
      DPO: ['DP0', 'Data Preview 0'],
      ISR: ['ISR', 'Instrument Signature Removal'],
      L1: ['L1', 'Level 1'],
      WISE: ['WISE', 'Wide-field Infrared Survey Explorer'],
    };
    const expected = table.map(([term, definition]): [string, string] => corrected[term] ?? [term, definition]).sort(([a], [b]) => (a < b ? -1 : 1));
    assert.deepEqual(builtinGlossary.map((entry) => [entry.term, entry.definition]), expected);
  });
});
