// The line index carried over an edit is the index of the new text: every position and offset
// agrees with an index built afresh, whatever the line ends (LF, CR LF, a lone CR) on either side.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { propertySeed, replayable } from '../property/generators';

const piece = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\r\n', 'é'), maxLength: 12 });

describe('LineIndex.afterEdit', () => {
  test('equals an index of the new text built afresh', () => {
    fc.assert(
      fc.property(piece, fc.nat(), fc.nat(), piece, (text, a, b, inserted) => {
        const start = a % (text.length + 1);
        const end = start + (b % (text.length - start + 1));
        const next = text.slice(0, start) + inserted + text.slice(end);
        const old = new LineIndex(text);
        old.positionAt(0); // the old index has its line starts, which the edit carries over
        const carried = old.afterEdit({ start, end, text: inserted }, next);
        const fresh = new LineIndex(next);
        assert.equal(carried.lineCount, fresh.lineCount, JSON.stringify({ text, start, end, inserted }));
        for (let offset = 0; offset <= next.length; offset++) assert.deepEqual(carried.positionAt(offset), fresh.positionAt(offset));
        for (let line = 0; line < fresh.lineCount; line++) assert.equal(carried.offsetAt({ line, character: 3 }), fresh.offsetAt({ line, character: 3 }));
      }),
      replayable(propertySeed(), 2000),
    );
  });
});
