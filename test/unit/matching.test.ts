// "Did you mean" from the spelling index, against a plain reference that measures every candidate
// (the answer must be the same, whatever candidates come and go), and what is typed in a
// completion or a search: how well it matches, and the best few of many.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { boundedDistance, closestMatch, firstInOrder, matcher, SpellingIndex, spellingDistanceLimit } from '../../server/src/service/text/matching';
import { propertySeed, replayable } from '../property/generators';

/** The optimal string alignment distance, the textbook way. */
function distance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      table[i]![j] = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) table[i]![j] = Math.min(table[i]![j]!, table[i - 2]![j - 2]! + 1);
    }
  }
  return table[a.length]![b.length]!;
}

/** Every candidate measured: the closest within the word's limit, then one of the word's length, then the first in code-unit order. */
function reference(word: string, candidates: Iterable<string>, caseInsensitive = false): string | undefined {
  const fold = (text: string) => (caseInsensitive ? text.toLowerCase() : text);
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const found = distance(fold(word), fold(candidate));
    if (found > spellingDistanceLimit(word.length)) continue;
    const key = (entry: { candidate: string; distance: number }) => [entry.distance, entry.candidate.length === word.length ? 0 : 1] as const;
    const entry = { candidate, distance: found };
    if (!best) best = entry;
    else {
      const [d1, l1] = key(entry);
      const [d2, l2] = key(best);
      if (d1 < d2 || (d1 === d2 && (l1 < l2 || (l1 === l2 && candidate < best.candidate)))) best = entry;
    }
  }
  return best?.candidate;
}

function referenceMatches(word: string, candidates: Iterable<string>, limit = 3): string[] {
  return [...candidates]
    .map((candidate) => ({ candidate, distance: distance(word, candidate) }))
    .filter((entry) => entry.distance > 0 && entry.distance <= spellingDistanceLimit(word.length))
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}

// Words from few letters, so that they are often close to each other.
const word = fc.string({ unit: fc.constantFrom('A', 'B', 'a', 'b', '-', '1', 'É'), maxLength: 9 });

describe('the spelling index', () => {
  test('answers as measuring every candidate would, as candidates come and go, and names every word whose answer changed', () => {
    const seed = propertySeed();
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { maxLength: 30 }),
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.boolean(), fc.array(word, { minLength: 1, maxLength: 80 })), { maxLength: 8 }),
        fc.boolean(),
        (initial, words, steps, caseInsensitive) => {
          const candidates = new Set(initial);
          const index = new SpellingIndex(candidates, { caseInsensitive });
          for (const query of words) assert.equal(index.suggest(query), reference(query, candidates, caseInsensitive), query);
          for (const [adding, batch] of steps) {
            const before = new Map(words.map((query) => [query, index.suggest(query)]));
            const added = adding ? [...new Set(batch)].filter((candidate) => !candidates.has(candidate)) : [];
            const removed = adding ? [] : [...new Set(batch)].filter((candidate) => candidates.has(candidate));
            for (const candidate of added) candidates.add(candidate);
            for (const candidate of removed) candidates.delete(candidate);
            // Large batches (a file opened) take the other way in: both must agree.
            const changed = index.update(added, removed);
            for (const query of words) {
              const expected = reference(query, candidates, caseInsensitive);
              assert.equal(index.suggest(query), expected, `${query} among ${[...candidates].join(' ')}`);
              if (before.get(query) !== expected) assert.ok(changed.includes(query), `${query}: its answer changed, and update did not say so`);
            }
            if (!caseInsensitive) for (const query of words) assert.deepEqual(index.closeMatches(query), referenceMatches(query, candidates));
            for (const candidate of candidates) assert.ok(index.has(candidate), candidate);
          }
          for (const prefix of words.map((query) => query.slice(0, 2))) {
            const expected = caseInsensitive ? undefined : [...candidates].filter((candidate) => candidate.startsWith(prefix)).sort();
            if (expected) assert.deepEqual(index.startingWith(prefix), expected);
          }
        },
      ),
      replayable(seed, 300),
    );
  });

  test('the IDs of a plan of 10,000 milestones: a misspelling finds its ID, a word far from all finds none', () => {
    const ids = Array.from({ length: 50_000 }, (_, index) => `FEAT-${Math.floor(index / 5)}-${index % 5}`);
    const index = new SpellingIndex(ids);
    assert.equal(index.suggest('FAET-4242-3'), 'FEAT-4242-3');
    assert.equal(index.suggest('FEA-77-1'), 'FEAT-77-1');
    assert.equal(index.suggest('FEAT_123_4'), reference('FEAT_123_4', ids));
    assert.equal(index.suggest('QQQQQQ-1'), undefined);
    assert.deepEqual(index.closeMatches('FEAT-4242-'), referenceMatches('FEAT-4242-', ids));
    // Close IDs come and go: the answer follows, and the index says when it changed.
    assert.equal(index.suggest('FEAT-4242-7'), 'FEAT-4242-0'); // five at distance 1: the first
    assert.deepEqual(index.update([], ['FEAT-4242-0']), ['FEAT-4242-7']);
    assert.equal(index.suggest('FEAT-4242-7'), 'FEAT-4242-1');
    assert.deepEqual(index.update(['FEAT-4242-8', 'FEAT-4242-7x'], []), []);
    assert.deepEqual(index.update(['FEAT-4242-0'], []), ['FEAT-4242-7']);
    assert.equal(index.suggest('FEAT-4242-7'), 'FEAT-4242-0');
  });

  test('among many unlike candidates (a glossary of random acronyms), the answers and close matches are those of measuring every candidate', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: fc.constantFrom('A', 'B', 'C', 'D', '1', '2', 'x'), minLength: 2, maxLength: 6 }), { minLength: 400, maxLength: 1500 }), fc.array(word, { minLength: 1, maxLength: 8 }), (terms, words) => {
        const index = new SpellingIndex(terms);
        for (const query of [...words, ...terms.slice(0, 5).map((term) => `${term}A`), ...terms.slice(5, 10).map((term) => term.slice(1))]) {
          assert.equal(index.suggest(query), reference(query, terms), query);
          assert.deepEqual(index.closeMatches(query), referenceMatches(query, terms), query);
        }
      }),
      replayable(propertySeed(), 60),
    );
  });

  test('a case-insensitive index keeps the candidate\'s own case', () => {
    const keys = new SpellingIndex(['asOf', 'due', 'completed'], { caseInsensitive: true });
    assert.equal(keys.suggest('asof'), 'asOf');
    assert.equal(keys.suggest('Complted'), 'completed');
    assert.equal(keys.suggest('due'), undefined);
    assert.equal(closestMatch('DUE', ['due'], { caseInsensitive: true }), 'due');
  });

  test('boundedDistance gives up past its limit and agrees with the table below it', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, limit) => {
        const exact = distance(a, b);
        assert.equal(boundedDistance(a, b, limit), exact <= limit ? exact : undefined);
      }),
      replayable(propertySeed(), 500),
    );
  });
});

describe('what is typed', () => {
  test('matches at the start of a label, inside it, inside the detail, or in order, ignoring case', () => {
    // Labels and details are given in lower case; the query in any.
    const rank = matcher('NCsa');
    assert.equal(rank('ncsa-1', 'x'), 0);
    assert.equal(rank('dm-ncsa-1', 'x'), 1);
    assert.equal(rank('dm-1', 'runs at ncsa'), 2);
    assert.equal(rank('n-1', 'cluster at sa'), 3);
    assert.equal(rank('dm-1', 'nothing here'), undefined);
    assert.equal(matcher('')('anything'), 0);
    assert.equal(matcher('DM-AP-1 Basic')('dm-ap-1', 'basic single frame'), 3);
  });

  test('the best few of many are the first of them all in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.string({ maxLength: 3 }))), fc.integer({ min: 0, max: 40 }), (items, limit) => {
        const compare = (a: [number, string], b: [number, string]) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
        assert.deepEqual(firstInOrder([...items], compare, limit), [...items].sort(compare).slice(0, limit));
      }),
      replayable(propertySeed(), 500),
    );
  });
});
