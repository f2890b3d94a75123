// The nesting bound: what a plan can hold is read, and only what goes past the bound is refused,
// with brackets in text, quotes and comments not counted as nesting.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { maxNestingDepth, nestingBeyond, parseYaml } from '../../server/src/service/yaml/yamlTree';

const example = readFileSync(new URL('../../examples/ldm-564.milestones.yaml', import.meta.url), 'utf8');

describe('the nesting bound', () => {
  test('the example plan and brackets in text are far from it', () => {
    assert.equal(nestingBeyond(example, 8), -1);
    const text = 'milestones:\n  M-1:\n    name: a [b {c (d\n    description: "[[[[[[[[[[" # [[[[[[[[[[\n    wbs: \'{{{{{{{{{{\'\n';
    assert.equal(nestingBeyond(text, 5), -1);
  });
  for (const [style, make] of [
    ['flow sequences', (depth: number) => `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`],
    ['flow maps', (depth: number) => `a: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`],
    ['block maps', (depth: number) => `${Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}k:`).join('\n')} 1\n`],
    ['compact sequences', (depth: number) => `${'- '.repeat(depth)}1\n`],
  ] as const) {
    test(`${style}: read up to ${maxNestingDepth} levels, refused past them`, () => {
      // The line itself is a level too (for `a: [[…]]`, the map; for `- - 1`, an estimate one above).
      const deepest = style === 'block maps' ? maxNestingDepth : maxNestingDepth - 1;
      const readable = parseYaml(make(deepest));
      assert.deepEqual(readable.errors.filter((error) => /Nested/.test(error.message)), []);
      assert.notEqual(readable.root, null);
      const refused = parseYaml(make(deepest + 1));
      assert.equal(refused.root, null);
      assert.deepEqual(refused.errors.map((error) => error.message), [`Nested more than ${maxNestingDepth} levels deep: this part of the file is not read. A plan needs far fewer levels.`]);
    });
  }
});
