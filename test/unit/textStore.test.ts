// A plan file's text store after any edits is the text edited as a string: the same text, pieces,
// characters, size in UTF-8, lines and positions as a LineIndex of that string, whatever the line
// ends (LF, CR LF, a lone CR), surrogates (paired or not) and wherever the edits fall against the
// chunks (cut small here to cross them often).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { setChunkSize, TextStore } from '../../server/src/service/text/textStore';
import { propertySeed, replayable } from '../property/generators';

const piece = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', 'é', '😀', '\uD83D', '\uDE00'), maxLength: 40 });
const edit = fc.tuple(fc.nat(), fc.nat({ max: 30 }), piece);

/** Where an edit given as numbers lands on a text of `length`. */
function landed(length: number, [at, span, text]: [number, number, string]) {
  const start = at % (length + 1);
  return { start, end: Math.min(length, start + span), text };
}

function assertSameAs(store: TextStore, text: string, context: unknown): void {
  const fresh = new LineIndex(text);
  const where = JSON.stringify(context);
  assert.equal(store.length, text.length, where);
  assert.equal(store.byteLength, Buffer.byteLength(text, 'utf8'), where);
  assert.equal(store.lineCount, fresh.lineCount, where);
  for (let offset = 0; offset <= text.length; offset++) {
    assert.deepEqual(store.positionAt(offset), fresh.positionAt(offset), `${where} at ${offset}`);
    assert.equal(store.charCodeAt(offset), text.charCodeAt(offset));
    assert.equal(store.lastIndexOf('\n', offset), text.lastIndexOf('\n', offset));
  }
  for (let line = 0; line <= fresh.lineCount; line++) {
    for (const character of [0, 1, 3, 100]) assert.equal(store.offsetAt({ line, character }), fresh.offsetAt({ line, character }), `${where} line ${line}:${character}`);
  }
  for (let start = 0; start <= text.length; start += 7) assert.equal(store.slice(start, start + 23), text.slice(start, start + 23));
  assert.equal(store.text, text);
}

describe('TextStore', () => {
  before(() => setChunkSize(8, 16));
  after(() => setChunkSize(8 * 1024));

  test('after any edits, equals the edited string and a LineIndex of it', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.array(edit, { maxLength: 12 }), (pieces, edits) => {
        let text = pieces.join('');
        const store = new TextStore(text);
        for (const numbers of edits) {
          const { start, end, text: inserted } = landed(text.length, numbers);
          const lines = new LineIndex(text).lineCount;
          const gained = store.applyEdit({ start, end, text: inserted });
          text = text.slice(0, start) + inserted + text.slice(end);
          assert.equal(gained, new LineIndex(text).lineCount - lines);
          // Positions asked between edits, as requests do, and not: the lines are brought up to date lazily.
          if (numbers[0] % 2 === 0) assert.equal(store.lineCount, new LineIndex(text).lineCount);
        }
        assertSameAs(store, text, { pieces, edits });
      }),
      replayable(propertySeed(), 1000),
    );
  });

  test('a LF typed after a CR that ends a chunk joins it as one line end, and a CR typed before a LF that starts one', () => {
    // No LF to cut at: the chunks are cut at 16 characters, the first after the CR.
    let text = `${'a'.repeat(15)}\r${'b'.repeat(40)}`;
    const store = new TextStore(text);
    store.applyEdit({ start: 16, end: 16, text: '\n' });
    text = `${text.slice(0, 16)}\n${text.slice(16)}`;
    assertSameAs(store, text, 'LF after CR');
    // The second chunk starts with the LF; the last character of the first becomes a CR.
    const second = new TextStore(`${'a'.repeat(16)}\n${'b'.repeat(40)}`);
    second.applyEdit({ start: 15, end: 16, text: '\r' });
    assertSameAs(second, `${'a'.repeat(15)}\r\n${'b'.repeat(40)}`, 'CR before LF');
  });

  test("an editor's changes, in lines and characters, give the edited text and the one edit of the old text that covers them", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.array(edit, { minLength: 1, maxLength: 5 }), (pieces, edits) => {
        const old = pieces.join('');
        let text = old;
        const store = new TextStore(text);
        const changes = edits.map((numbers) => {
          const { start, end, text: inserted } = landed(text.length, numbers);
          const lines = new LineIndex(text);
          const change = { range: { start: lines.positionAt(start), end: lines.positionAt(end) }, text: inserted };
          // What the editor's range means: offsets in the text as the changes before it left it.
          const from = lines.offsetAt(change.range.start);
          text = text.slice(0, from) + inserted + text.slice(Math.max(from, lines.offsetAt(change.range.end)));
          return change;
        });
        const { edit: covering, linesMoved } = store.applyChanges(changes);
        assertSameAs(store, text, { pieces, edits });
        assert.equal(old.slice(0, covering.start) + covering.text + old.slice(covering.end), text);
        // Lines that came or went are noticed (a line end moved within the changes is not asked for).
        if (new LineIndex(old).lineCount !== new LineIndex(text).lineCount) assert.ok(linesMoved);
      }),
      replayable(propertySeed(), 1000),
    );
  });
});
