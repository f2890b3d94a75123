// editBetween (server/src/service/text/edits.ts): the one edit between two texts, as the history of
// a plan reads each version as an edit of the one before.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, editBetween } from '../../server/src/service/text/edits';

describe('editBetween', () => {
  test('what lies between the common start and end', () => {
    assert.deepEqual(editBetween('due: 2021-01-01\n', 'due: 2021-03-01\n'), { start: 11, end: 12, text: '3' });
    assert.deepEqual(editBetween('abc', 'abc'), { start: 3, end: 3, text: '' });
    assert.deepEqual(editBetween('', 'abc'), { start: 0, end: 0, text: 'abc' });
    assert.deepEqual(editBetween('abc', ''), { start: 0, end: 3, text: '' });
    // A repeated letter: the common start takes it, the common end does not take it twice.
    assert.deepEqual(editBetween('aa', 'aaa'), { start: 2, end: 2, text: 'a' });
  });

  test('on random texts: the same edit as comparing one character at a time, and applied to the first it gives the second', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const text = (length: number) => Array.from({ length }, () => 'ab\n'[random(3)]).join('');
    for (let round = 0; round < 500; round++) {
      const before = text(random(40));
      const start = random(before.length + 1);
      const end = start + random(before.length - start + 1);
      const after = before.slice(0, start) + text(random(5)) + before.slice(end);
      const shorter = Math.min(before.length, after.length);
      let prefix = 0;
      while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
      let suffix = 0;
      while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
      const edit = editBetween(before, after);
      assert.deepEqual(edit, { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) }, JSON.stringify([before, after]));
      assert.equal(applyEdits(before, [edit]), after);
    }
  });
});
