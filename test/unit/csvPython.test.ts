// The CSV reader against Python's `csv` module (the excel dialect lsst-texmf's tools read the
// glossary with), run as a process on a corpus of tricky rows and on generated texts: every row
// Python reads, ours reads alike and on the same line. Where they differ — a quote left open, which
// Python runs on over the following rows — ours keeps those rows and says so on the line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import fc from 'fast-check';
import { readCsvRows } from '../../server/src/service/glossary/csvRows';
import { skipWithout } from '../helpers/externalPrograms';
import { propertySeed } from '../property/generators';

/** Rows as Python reads them: each with the 0-based line it starts on, blank lines (empty rows) left out. */
interface PythonRow {
  fields: string[];
  line: number;
  /** The line after its last. */
  end: number;
}

const python = `
import csv, io, json, sys
results = []
for text in json.load(sys.stdin):
    if text.startswith('\\ufeff'):
        text = text[1:]  # as the utf-8-sig codec reads a file
    reader = csv.reader(io.StringIO(text, newline=''))
    rows, before = [], 0
    for row in reader:
        if row:
            rows.append({'fields': row, 'line': before, 'end': reader.line_num})
        before = reader.line_num
    results.append(rows)
json.dump(results, sys.stdout)
`;

function pythonRows(texts: readonly string[]): PythonRow[][] {
  const result = spawnSync('python3', ['-c', python], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as PythonRow[][];
}

/** Ours against Python's, for one text. */
function assertAsPython(text: string, expected: PythonRow[]): void {
  const ours = readCsvRows(text);
  const what = JSON.stringify(text);
  const runaway = new Set(ours.problems.filter((problem) => problem.message.includes('is not closed on its line')).map((problem) => problem.line));
  const key = (row: { fields: string[]; line: number }) => JSON.stringify([row.line, row.fields]);
  const oursByKey = new Set(ours.rows.map(key));
  // Every row Python reads is read alike, except the one a quote left open ran on from.
  for (const row of expected) {
    if (runaway.has(row.line)) {
      assert.ok(row.end - row.line > 1, `${what}: a row reported as running on spans lines in Python too`);
      continue;
    }
    assert.ok(oursByKey.has(key(row)), `${what}: Python's row ${key(row)} is read alike; ours: ${JSON.stringify(ours.rows.map((ourRow) => [ourRow.line, ourRow.fields]))}`);
  }
  // What ours reads beyond Python's comes from the lines that quote swallowed.
  const pythonKeys = new Set(expected.map(key));
  const swallowed = expected.filter((row) => runaway.has(row.line));
  for (const row of ours.rows) {
    if (pythonKeys.has(key(row))) continue;
    assert.ok(swallowed.some((runOn) => runOn.line < row.line && row.line < runOn.end), `${what}: our row ${key(row)} is one Python reads into a field left open`);
  }
  if (runaway.size === 0) assert.deepEqual(ours.rows.map((row) => [row.line, row.fields]), expected.map((row) => [row.line, row.fields]), what);
}

const closedOnASwallowedLine = 'T\n\r\n,"\r\n"\r\n"b';

/** Rows a hand-kept glossary has, and the ways they go wrong. */
const corpus = [
  'Term,Description\nAP,Alert Production\n',
  // Spaces around quotes: after a closing quote a space is part of the field; before an opening one the quote is a character.
  'Term,Description,Type\nAAA,"Authentication, authorization." ,A\n',
  'Term,Description\n "AP",Alert Production\nB, "x, y"\n',
  'Term,Description\n"AP"x,Alert "Production"\n"a" "b",c\n',
  // Doubled quotes, empty quoted fields, a field that is one quote.
  '"""",""\n"a""b""",c\n"""a""","""""b"\n',
  // Quoted line breaks of every kind.
  'Term,Description\nPSF,"Point Spread\nFunction",DM\nQE,"Quantum\r\nEfficiency"\r\nX,"a\rb"\r',
  // Line ends: CR LF, CR alone (old Mac), mixed, blank lines, no final line break.
  'Term,Description\r\nAP,Alert Production\r\nDM,Data Management\r\n',
  'Term,Description\rAP,Alert Production\rDM,Data Management\r',
  'Term,Description\n\nAP,Alert\r\n\r\n\rDM,Data\n\r\nX,y',
  // A byte-order mark.
  '\uFEFFTerm,Description\nAP,Alert Production\n',
  // Ragged rows: short, long, a trailing comma, whitespace only.
  'Term,Description,Tags\nAP\nDM,Data,DM,extra,more\nQA,Quality,\n   \n,\n',
  // A quote left open: on the last line, in the middle (up to the next quote), at the very end.
  'Term,Description\nAP,"Alert Production\n',
  'Term,Description,Tags\n3D,"Three-dimensional,Gen\n2MASS,Two Micron,Gen\nAAA,"Auth, and",IT\nB,c,d\n',
  'Term,Description\nAP,Alert\nX,"',
  'a,"b\nc,d\ne,"f\ng,h\n',
  // A quote on a swallowed line that Python reads as the closing one: the row after it is Python's.
  closedOnASwallowedLine,
  'T\r"\r",\r\n\r"',
  // Quotes inside unquoted fields.
  'a"b,c""d,e"\n',
];

test('the CSV reader reads what Python\'s csv reads: a corpus of tricky rows', { skip: skipWithout('the comparison with Python\'s csv', 'python3') }, () => {
  const expected = pythonRows(corpus);
  corpus.forEach((text, index) => assertAsPython(text, expected[index]!));
  // What the corpus is for: these are read, where the reader once left them out or found nothing.
  const aaa = readCsvRows(corpus[1]!).rows[1]!;
  assert.deepEqual(aaa.fields, ['AAA', 'Authentication, authorization. ', 'A']);
  assert.deepEqual(readCsvRows(corpus[7]!).rows.map((row) => [row.line, row.fields]), [[0, ['Term', 'Description']], [1, ['AP', 'Alert Production']], [2, ['DM', 'Data Management']]]);
  const closedLater = readCsvRows(closedOnASwallowedLine);
  assert.deepEqual(closedLater.rows.map((row) => [row.line, row.fields]), [[0, ['T']], [4, ['b']]]);
  assert.deepEqual(closedLater.problems.map((problem) => problem.line), [2, 3, 4]);
  assert.match(closedLater.problems[1]!.message, /closing the quote left open on line 3/);
});

test('the CSV reader reads what Python\'s csv reads: generated texts', { skip: skipWithout('the comparison with Python\'s csv', 'python3') }, () => {
  const seed = propertySeed();
  const texts = fc.sample(fc.string({ unit: fc.constantFrom('a', 'b', ',', ',', '"', '"', ' ', '\r', '\n', '\r\n', 'é'), maxLength: 40 }), { seed, numRuns: Number(process.env.MILESTONES_PROPERTY_RUNS ?? 1000) });
  const expected = pythonRows(texts);
  texts.forEach((text, index) => {
    try {
      assertAsPython(text, expected[index]!);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nReplay with MILESTONES_PROPERTY_SEED=${seed}`);
    }
  });
});
