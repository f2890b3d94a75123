// Glossary files in their three formats, merging and choosing meanings, and finding acronyms in
// free text the way LSST's acronym tool does.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { findAcronyms, Glossary, type GlossaryEntry } from '../../server/src/service/glossary/glossary';
import { parseGlossaryFile, parseSkipList } from '../../server/src/service/glossary/glossaryFiles';
import { closestMatch } from '../../server/src/service/text/matching';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/glossary/${name}`, import.meta.url), 'utf8');

describe('glossary files', () => {
  test('the LSST glossary CSV: BOM, quoted commas and line breaks, a term on two rows with tags', () => {
    const { entries, problems } = parseGlossaryFile('glossarydefs.csv', fixture('glossarydefs.csv'), 'glossarydefs.csv');
    assert.deepEqual(
      entries.map((entry) => [entry.term, entry.definition, entry.tags, entry.line]),
      [
        ['ISR', 'Instrument Signature Removal', ['DM'], 1],
        ['ISR', 'Instrument Signal Removal, as the camera team says it', ['Camera'], 2],
        ['FoV', 'Field of View', [], 3],
        ['NOTES', 'A description with "quotes" and\na line break', ['DM', 'Camera'], 4],
      ],
    );
    assert.equal(entries[0]!.type, 'Acronym');
    assert.deepEqual(problems, [{ line: 6, message: 'A row without a term.' }]);
  });
  test('a CSV without the expected columns is one problem on line 0', () => {
    const { entries, problems } = parseGlossaryFile('x.csv', fixture('wrongheader.csv'), 'x.csv');
    assert.deepEqual(entries, []);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.line, 0);
    assert.match(problems[0]!.message, /needs the columns Term and Description \(LSST's has Term,Description,Subsystem Tags,.*\); found Term,Meaning\./);
  });
  test('the rows of an LSST-shaped CSV are read as Python\'s csv reads them, each odd one with a warning on its line; a quote left open costs its row only; LF or CRLF with a BOM alike', () => {
    for (const name of ['lsst-rows.csv', 'lsst-rows-crlf-bom.csv']) {
      const { entries, problems } = parseGlossaryFile(name, fixture(name), name, { tags: ['DM'] });
      assert.deepEqual(
        entries.map((entry) => [entry.term, entry.line]),
        [['2D', 1], ['2MASS', 3], ['A/D', 4], ['A2', 5], ['AA', 6], ['AAA', 7], ['CA', 8], ['CA', 9], ['OPS', 10], ['ORR', 11], ['PSF', 12], ['QA', 14], ['SAL', 15], ['SSO', 16]],
        name,
      );
      const entry = (term: string) => entries.find((candidate) => candidate.term === term)!;
      assert.equal(entry('AAA').definition, 'Authentication, authorization and accounting');
      assert.equal(entry('PSF').definition, 'Point Spread Function: the image a point source makes \non the focal plane');
      assert.deepEqual(entry('SSO').tags, ['DM', 'IT']);
      // As Python's csv.DictReader reads them: a comma not quoted cuts the description, a short row has empty fields, text after a closing quote is joined.
      assert.deepEqual([entry('OPS').definition, entry('QA').definition, entry('QA').tags, entry('SAL').type], ['Operations', 'Quality Assurance', [], 'Ax']);
      assert.equal(entries[0]!.type, 'A');
      assert.deepEqual(problems, [
        { line: 2, severity: 'warning', message: 'The quote opened in "3D,"Three-dimensional,Gen,,,A" is not closed on its line: this row is left out, and the lines after it are read as rows (Python\'s csv would read them into this field). Close the quote, or double it ("") to mean a quote character.' },
        { line: 10, severity: 'warning', message: 'The row "OPS,Operations, which begin after commissioning,Gen,,,A" has 7 fields where the header has 6: the fields past the 6th are not read. Quote a field that holds a comma.' },
        { line: 14, severity: 'warning', message: 'The row "QA,Quality Assurance" has 2 fields where the header has 6: the missing ones are read as empty.' },
        { line: 15, severity: 'warning', message: 'Text follows a closing quote in "SAL,Service Abstraction Layer,TSSW,,,"A"x": it is read as part of the field, "Ax", as Python\'s csv reads it. Quote the whole field, doubling the quotes inside it ("").' },
      ], name);
    }
  });
  test('a CSV as LSST\'s real glossary has it: a space between a closing quote and the comma, old Mac line ends; a header alone is a warning', () => {
    const header = 'Term,Description,Subsystem Tags,Documentation Tags,Associated Acronyms and Alternative Terms,Type';
    const spaced = `${header}\nDOE,"Department of Energy, which funds the camera; it shares the work with the other holders." ,DM,,,A\nDM,Data Management,DM,,,A\n`;
    const read = parseGlossaryFile('glossarydefs.csv', spaced, 'glossarydefs.csv');
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.entries.map((entry) => [entry.term, entry.definition, entry.tags, entry.line]), [
      ['DOE', 'Department of Energy, which funds the camera; it shares the work with the other holders.', ['DM'], 1],
      ['DM', 'Data Management', ['DM'], 2],
    ]);
    const oldMac = parseGlossaryFile('glossarydefs.csv', spaced.replace(/\n/g, '\r'), 'glossarydefs.csv');
    assert.deepEqual(oldMac, read);
    assert.deepEqual(parseGlossaryFile('etc/glossarydefs.csv', `\uFEFF${header}\r\n`, 'glossarydefs.csv'), {
      entries: [],
      problems: [{ line: 0, severity: 'warning', message: 'glossarydefs.csv has a header and no terms: add a row for each term under it.' }],
    });
  });
  test('a CSV needs only Term and Description; without a tags column, one warning when glossaryTags are set', () => {
    const read = (tags: string[]) => parseGlossaryFile('etc/lsst-notags.csv', fixture('lsst-notags.csv'), 'etc/lsst-notags.csv', { tags });
    assert.deepEqual(read([]).problems, []);
    assert.deepEqual(read([]).entries.map((entry) => [entry.term, entry.definition, entry.tags, entry.type]), [
      ['CA', 'Control Account', [], 'A'],
      ['CA', 'Certificate Authority', [], 'A'],
      ['DM', 'Data Management', [], 'A'],
    ]);
    assert.deepEqual(read(['DM', 'IT']).problems, [
      { line: 0, severity: 'warning', message: 'lsst-notags.csv has no Subsystem Tags column, so milestones.glossaryTags (DM, IT) choose nothing among its rows: add the column, or list a file that has it.' },
    ]);
    assert.equal(read(['DM']).entries.length, 3);
  });
  test('a binary file is one problem naming it, as a CSV or as text', () => {
    for (const name of ['binary.csv', 'binary.txt']) {
      const text = readFileSync(new URL(`../fixtures/glossary/${name}`, import.meta.url), 'utf8');
      assert.deepEqual(parseGlossaryFile(`etc/${name}`, text, name), {
        entries: [],
        problems: [{ line: 0, message: `${name} is not a text file: a glossary is a CSV, YAML or TERM:definition text file, and a skip list one term a line.` }],
      });
    }
  });
  test('TERM:definition text, with comments and a bad line', () => {
    const { entries, problems } = parseGlossaryFile('myacronyms.txt', fixture('myacronyms.txt'), 'myacronyms.txt');
    assert.deepEqual(entries.map((entry) => [entry.term, entry.definition, entry.line]), [
      ['AP', 'Alert Production', 1],
      ['R&D', 'Research and Development', 2],
      ['CC-IN2P3', 'Centre de Calcul de l IN2P3', 4],
    ]);
    assert.deepEqual(problems, [{ line: 3, message: 'Expected TERM:definition, found "not an entry".' }]);
  });
  test('a YAML map, with a value that is not text', () => {
    const { entries, problems } = parseGlossaryFile('terms.yaml', fixture('terms.yaml'), 'terms.yaml');
    assert.deepEqual(entries.map((entry) => [entry.term, entry.line]), [['HSC', 0], ['2MASS', 3]]);
    assert.deepEqual(problems, [{ line: 1, message: 'The definition of BAD must be text.' }]);
  });
  test('a skip list', () => {
    assert.deepEqual(parseSkipList('\uFEFF# words\nNB\n\n  JOINTCAL1  # a package name\n'), ['NB', 'JOINTCAL1']);
  });
});

const entry = (term: string, definition: string, tags: string[] = [], source = 'test'): GlossaryEntry => ({ term, definition, tags, source });

describe('Glossary', () => {
  const entries = [entry('ISR', 'Instrument Signature Removal', ['DM']), entry('ISR', 'Instrument Signal Removal', ['Camera']), entry('DPO', 'Data Preview 0')];
  test('all meanings, the one chosen by tags first', () => {
    assert.equal(new Glossary(entries).preferred('ISR')!.definition, 'Instrument Signature Removal');
    const camera = new Glossary(entries, { preferredTags: ['Camera'] });
    assert.equal(camera.preferred('ISR')!.definition, 'Instrument Signal Removal');
    assert.deepEqual(camera.meanings('ISR').map((meaning) => meaning.tags[0]), ['Camera', 'DM']);
  });
  test('suggests the closest term', () => {
    const glossary = new Glossary(entries);
    assert.equal(glossary.suggest('DP0'), 'DPO');
    assert.equal(glossary.suggest('WXYZ'), undefined);
  });
});

describe('findAcronyms', () => {
  const glossary = new Glossary([entry('CC-IN2P3', 'x'), entry('CC', 'x'), entry('IN2P3', 'x'), entry('FoV', 'x'), entry('R&D', 'x'), entry('HSC', 'x'), entry('DM', 'x'), entry('ComCam', 'x')], { skip: ['NB'] });
  const hits = (text: string) => findAcronyms(text, glossary).map((hit) => [hit.term, text.slice(hit.start, hit.end) === hit.term ? hit.start : -1, hit.known]);
  test('glossary terms of any shape, longest first, and upper-case words', () => {
    const text = 'Processing at CC-IN2P3 with HSC and FoV data; R&D on DM-AP and NB.';
    assert.deepEqual(hits(text), [
      ['CC-IN2P3', 14, true],
      ['HSC', 28, true],
      ['FoV', 36, true],
      ['R&D', 46, true],
      ['DM', 53, true],
      ['AP', 56, false],
    ]);
  });
  test('mixed-case words are not acronyms unless a glossary has them; digits are', () => {
    assert.deepEqual(hits('LSSTCam and ComCam at L1 for DP0.2'), [
      ['ComCam', 12, true],
      ['L1', 22, false],
      ['DP0', 29, false],
    ]);
  });
  test('among thousands of terms not of the acronym shape, the longest that stands alone at each place', () => {
    const many = new Glossary([
      ...Array.from({ length: 5000 }, (_, index) => entry(`Term${index}x`, 'x')),
      entry('Pan-STARRS', 'x'),
      entry('Pan', 'x'),
      entry('T&S', 'x'),
      entry('x', 'one letter'),
    ]);
    const text = 'Pan-STARRS and Pan-STARRS2, T&S, Term42x, Term42xy, x-ray, box';
    assert.deepEqual(findAcronyms(text, many).filter((hit) => hit.known).map((hit) => [hit.term, hit.start]), [
      ['Pan-STARRS', 0],
      ['Pan', 15],
      ['T&S', 28],
      ['Term42x', 33],
      ['x', 52],
    ]);
  });
  test('a single capital letter is not an acronym', () => {
    assert.deepEqual(hits('A Basic pipeline'), []);
  });
});

describe('closestMatch', () => {
  test('a transposition and a typo', () => {
    assert.equal(closestMatch('DM-NCAS-8', ['DM-NCSA-8', 'DM-NCSA-18', 'DM-AP-1']), 'DM-NCSA-8');
    assert.equal(closestMatch('DM-AP-l', ['DM-AP-1', 'DM-AP-2']), 'DM-AP-1');
    assert.equal(closestMatch('complted', ['completed', 'due', 'name']), 'completed');
    assert.equal(closestMatch('XYZ', ['completed']), undefined);
  });
  test('among 50,000 candidates', () => {
    const candidates = Array.from({ length: 50_000 }, (_, index) => `FEAT-${index}-${index % 5}`);
    assert.equal(closestMatch('FEAT-4242-3', candidates), 'FEAT-4242-2');
  });
});
