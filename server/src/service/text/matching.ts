// Matching words: "did you mean …" for a misspelt ID, key or acronym, by optimal string alignment
// distance (Levenshtein plus transpositions), from an index of the candidates that answers each
// distinct word once; and how well what is typed in a completion or a search matches, with the
// few best matches picked out of many.

import { firstAtOrAfter } from './lineIndex';

export interface MatchOptions {
  /** Compare without case (the answer keeps the candidate's own case). */
  caseInsensitive?: boolean;
}

/**
 * The longest word "did you mean" answers: IDs, keys and acronyms are far shorter, and the distance
 * table of a longer one (a key of 46,000 characters) would take gigabytes for no useful suggestion.
 */
export const longestSpelledWord = 64;

/** How far a word may be from a candidate and still be a misspelling of it: more for longer words. */
export function spellingDistanceLimit(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/** Of two candidates at the same distance from a word of `length` characters: one of the word's length, then the first in code-unit order. */
function isBetterTie(candidate: string, best: string, length: number): boolean {
  const candidateSame = candidate.length === length;
  const bestSame = best.length === length;
  if (candidateSame !== bestSame) return candidateSame;
  return candidate < best;
}

// Three rows of the distance table, re-used by every call (they only grow).
let scratch = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** The distance between a and b, or undefined when it exceeds `limit`. */
export function boundedDistance(a: string, b: string, limit: number): number | undefined {
  if (Math.abs(a.length - b.length) > limit) return undefined;
  const columns = b.length + 1;
  if (scratch[0]!.length < columns) scratch = [new Int32Array(columns * 2), new Int32Array(columns * 2), new Int32Array(columns * 2)];
  let [previousPrevious, previous, current] = scratch as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j < columns; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j < columns; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) value = Math.min(value, previousPrevious[j - 2]! + 1);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return undefined;
    [previousPrevious, previous, current] = [previous, current, previousPrevious];
  }
  const distance = previous[columns - 1]!;
  return distance <= limit ? distance : undefined;
}

/** How many close matches of a word are kept (quick fixes offer three). */
const keptMatches = 3;

/** A word's answer: the suggestion and its distance, or none within the word's limit. */
interface Answer {
  suggestion: string | undefined;
  distance: number;
}

/**
 * The candidates of "did you mean" (the feature IDs of a workspace, the terms of a glossary, the
 * keys of a map), kept sorted so that a search walks them as a trie: one row of the distance table
 * for each prefix, shared by every candidate that starts with it, and a prefix already too far from
 * the word skips all of them. Each distinct word is answered once; as candidates come and go, only
 * the answers they can change are revised, and `add` and `remove` say which words' answers did.
 */
export class SpellingIndex {
  /** The candidates (folded, when case is ignored), in code-unit order, each once. */
  private sorted: string[] = [];
  /** The candidates as given, for each folded one (only when case is ignored). */
  private readonly originals = new Map<string, string[]>();
  private readonly answers = new Map<string, Answer>();
  /** The few closest candidates of each word asked about (`closeMatches`), kept like the answers. */
  private readonly matchLists = new Map<string, string[]>();
  private readonly fold: (text: string) => string;
  private rows = new Int32Array(0);
  private rowMinima = new Int32Array(0);
  /** The candidates by length, each list in code-unit order: a walk looks only at lengths within reach. Built on first use. */
  private byLength: Map<number, string[]> | undefined;
  /** The candidates as a set, and every code unit they use: the strings one edit from a word are looked up in it. Built on first use. */
  private members: { set: Set<string>; units: Set<string> } | undefined;

  constructor(candidates: Iterable<string> = [], private readonly options: MatchOptions = {}) {
    this.fold = options.caseInsensitive ? (text) => text.toLowerCase() : (text) => text;
    const all = new Set<string>();
    for (const candidate of candidates) {
      const folded = this.fold(candidate);
      all.add(folded);
      if (options.caseInsensitive) {
        const list = this.originals.get(folded);
        if (!list) this.originals.set(folded, [candidate]);
        else if (!list.includes(candidate)) list.push(candidate);
      }
    }
    this.sorted = [...all].sort();
  }

  get size(): number {
    return this.sorted.length;
  }

  /** How many words have an answer kept. */
  get answered(): number {
    return this.answers.size;
  }

  has(candidate: string): boolean {
    const folded = this.fold(candidate);
    const at = this.position(folded);
    return this.sorted[at] === folded && (!this.options.caseInsensitive || this.originals.get(folded)!.includes(candidate));
  }

  /** The candidate closest to `word` (other than the word itself) within its spelling limit, or undefined. */
  suggest(word: string): string | undefined {
    if (word.length > longestSpelledWord) return undefined;
    let answer = this.answers.get(word);
    if (!answer) {
      answer = this.search(word);
      this.answers.set(word, answer);
    }
    return answer.suggestion;
  }

  /** The candidates within spelling distance of `word` (not the word itself), closest first, then in code-unit order; the first three of each word are kept. */
  closeMatches(word: string, limit = 3): string[] {
    if (word.length > longestSpelledWord) return [];
    if (limit > keptMatches) return this.findMatches(word, limit);
    let matches = this.matchLists.get(word);
    if (!matches) this.matchLists.set(word, (matches = this.findMatches(word, keptMatches)));
    return matches.slice(0, limit);
  }

  private findMatches(word: string, limit: number): string[] {
    const before = (a: { candidate: string; distance: number }, b: { candidate: string; distance: number }) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1);
    let found: { candidate: string; distance: number }[] = [];
    for (const reach of this.reaches(word)) {
      found = [];
      // Once `limit` are found, another must be no further than the last of them.
      const bound = () => (found.length < limit || this.options.caseInsensitive ? reach : Math.min(reach, found[limit - 1]!.distance));
      this.walk(this.fold(word), bound, (folded, distance) => {
        for (const candidate of this.originalsOf(folded)) {
          if (candidate === word) continue;
          found.push({ candidate, distance });
          found.sort(before);
          if (found.length > limit && !this.options.caseInsensitive) found.length = limit;
        }
      });
      if (found.length >= limit) break;
    }
    return found
      .sort(before)
      .slice(0, limit)
      .map((entry) => entry.candidate);
  }

  /**
   * The distances a search looks within, nearest first: most misspellings are one edit away, and a
   * walk that allows one edit prunes almost at once, so the wider walks are taken only when the
   * narrower found nothing (all that a wider walk would find closer, the narrower found).
   */
  private reaches(word: string): number[] {
    const reaches: number[] = [];
    for (let reach = this.options.caseInsensitive ? 0 : 1; reach <= spellingDistanceLimit(word.length); reach++) reaches.push(reach);
    return reaches;
  }

  /** The candidates that start with `prefix` (case as given to the index), in code-unit order. */
  startingWith(prefix: string): string[] {
    const folded = this.fold(prefix);
    const first = this.position(folded);
    const end = afterPrefix(this.sorted, folded, folded.length, first - 1);
    const found = this.sorted.slice(first, end);
    return this.options.caseInsensitive ? found.flatMap((candidate) => this.originalsOf(candidate)) : found;
  }

  /**
   * Adds and removes candidates; returns the words whose suggestion changed. A few are added and
   * removed one by one; many at once (a file opened) are sorted in, and every kept answer is found again.
   */
  update(added: readonly string[], removed: readonly string[]): string[] {
    if (added.length + removed.length <= 64) {
      const changed = new Set<string>();
      for (const candidate of removed) for (const word of this.remove(candidate)) changed.add(word);
      for (const candidate of added) for (const word of this.add(candidate)) changed.add(word);
      return [...changed];
    }
    if (this.options.caseInsensitive) {
      for (const candidate of removed) this.forget(candidate);
    } else if (removed.length > 0) {
      const gone = new Set(removed);
      this.sorted = this.sorted.filter((candidate) => !gone.has(candidate));
    }
    const sorted = this.sorted;
    for (const candidate of added) {
      const folded = this.fold(candidate);
      if (this.options.caseInsensitive) {
        const list = this.originals.get(folded);
        if (list?.includes(candidate)) continue;
        if (list) list.push(candidate);
        else this.originals.set(folded, [candidate]);
      }
      sorted.push(folded);
    }
    sorted.sort();
    let kept = 0;
    for (let index = 0; index < sorted.length; index++) if (index === 0 || sorted[index] !== sorted[kept - 1]) sorted[kept++] = sorted[index]!;
    sorted.length = kept;
    this.byLength = undefined;
    this.members = undefined;
    this.matchLists.clear();
    const changed: string[] = [];
    for (const [word, answer] of this.answers) {
      const next = this.search(word);
      this.answers.set(word, next);
      if (next.suggestion !== answer.suggestion) changed.push(word);
    }
    return changed;
  }

  /** Adds a candidate; returns the words whose suggestion it changed. */
  add(candidate: string): string[] {
    const folded = this.fold(candidate);
    const at = this.position(folded);
    const present = this.sorted[at] === folded;
    if (this.options.caseInsensitive) {
      const list = this.originals.get(folded);
      if (list?.includes(candidate)) return [];
      if (list) list.push(candidate);
      else this.originals.set(folded, [candidate]);
    } else if (present) {
      return [];
    }
    if (!present) {
      this.sorted.splice(at, 0, folded);
      const bucket = this.byLength?.get(folded.length);
      if (bucket) bucket.splice(firstAtOrAfter(bucket, folded), 0, folded);
      else this.byLength?.set(folded.length, [folded]);
      this.members?.set.add(folded);
      for (const unit of folded) this.members?.units.add(unit);
    }
    for (const word of this.matchLists.keys()) {
      if (candidate !== word && boundedDistance(this.fold(word), folded, spellingDistanceLimit(word.length)) !== undefined) this.matchLists.delete(word);
    }
    const changed: string[] = [];
    for (const [word, answer] of this.answers) {
      if (candidate === word) continue;
      const limit = Math.min(spellingDistanceLimit(word.length), answer.distance);
      const distance = boundedDistance(this.fold(word), folded, limit);
      if (distance === undefined) continue;
      if (answer.suggestion === undefined || distance < answer.distance || isBetterTie(candidate, answer.suggestion, word.length)) {
        this.answers.set(word, { suggestion: candidate, distance });
        changed.push(word);
      }
    }
    return changed;
  }

  /** Removes a candidate; returns the words whose suggestion it was (they now have another, or none). */
  remove(candidate: string): string[] {
    if (!this.forget(candidate)) return [];
    for (const [word, matches] of this.matchLists) if (matches.includes(candidate)) this.matchLists.delete(word);
    const changed: string[] = [];
    for (const [word, answer] of this.answers) {
      if (answer.suggestion !== candidate) continue;
      this.answers.set(word, this.search(word));
      changed.push(word);
    }
    return changed;
  }

  /** Takes a candidate out of the sorted list (and its originals); false when it was not there. */
  private forget(candidate: string): boolean {
    const folded = this.fold(candidate);
    const at = this.position(folded);
    if (this.sorted[at] !== folded) return false;
    if (this.options.caseInsensitive) {
      const list = this.originals.get(folded)!;
      const index = list.indexOf(candidate);
      if (index < 0) return false;
      list.splice(index, 1);
      if (list.length > 0) return true;
      this.originals.delete(folded);
    }
    this.sorted.splice(at, 1);
    const bucket = this.byLength?.get(folded.length);
    if (bucket) bucket.splice(firstAtOrAfter(bucket, folded), 1);
    this.members?.set.delete(folded);
    return true;
  }

  /** Forgets the answers of words that `keep` rejects (words no longer in use). */
  retain(keep: (word: string) => boolean): void {
    for (const word of this.answers.keys()) if (!keep(word)) this.answers.delete(word);
    for (const word of this.matchLists.keys()) if (!keep(word)) this.matchLists.delete(word);
  }

  private search(word: string): Answer {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const reach of this.reaches(word)) {
      this.walk(this.fold(word), () => Math.min(reach, bestDistance), (folded, distance) => {
        for (const candidate of this.originalsOf(folded)) {
          if (candidate === word) continue;
          if (best === undefined || distance < bestDistance || (distance === bestDistance && isBetterTie(candidate, best, word.length))) {
            best = candidate;
            bestDistance = distance;
          }
        }
      });
      if (best !== undefined) break;
    }
    return { suggestion: best, distance: bestDistance };
  }

  private originalsOf(folded: string): readonly string[] {
    return this.options.caseInsensitive ? this.originals.get(folded)! : [folded];
  }

  /** Where `folded` is or would be inserted in the sorted candidates. */
  private position(folded: string): number {
    return firstAtOrAfter(this.sorted, folded);
  }

  /**
   * Calls `found` with each candidate within `limit()` of `target` (the limit may shrink as
   * candidates are found), looking only at candidates whose length is within reach of the
   * target's. Among candidates of one length, row d of the table holds the distances between the
   * candidate's first d characters and each prefix of the target; rows are kept for the prefix the
   * next candidate shares. A prefix is given up when no cell of its row, plus the difference of
   * the lengths left on each side, is within the limit: that ends every candidate with that
   * prefix (with transpositions too: a path that steps over a row costs at least as much as the
   * cell it steps over).
   */
  private walk(target: string, limit: () => number, found: (candidate: string, distance: number) => void): void {
    // Within one edit, a walk of candidates that share long prefixes (IDs) takes a few steps; among
    // many unlike candidates (a glossary) it may take thousands, and looking up each string one
    // edit away is quicker: the walk is tried within the steps those lookups would take.
    const lookups = limit() <= 1 ? this.nearbyCount(target, limit()) : undefined;
    if (lookups !== undefined) {
      const walked: [string, number][] = [];
      if (this.walkLengths(target, limit, (candidate, distance) => walked.push([candidate, distance]), lookups)) {
        for (const [candidate, distance] of walked) found(candidate, distance);
      } else {
        this.nearby(target, limit(), found);
      }
      return;
    }
    this.walkLengths(target, limit, found, Infinity);
  }

  /** The walk of the candidates whose length is within reach; false when it took more than `steps` steps and was given up. */
  private walkLengths(target: string, limit: () => number, found: (candidate: string, distance: number) => void, steps: number): boolean {
    const byLength = (this.byLength ??= bucketsByLength(this.sorted));
    const reach = spellingDistanceLimit(target.length);
    for (let length = Math.max(0, target.length - reach); length <= target.length + reach; length++) {
      const bucket = byLength.get(length);
      if (!bucket || limit() < Math.abs(length - target.length)) continue;
      steps -= this.walkLength(bucket, length, target, limit, found, steps);
      if (steps < 0) return false;
    }
    return true;
  }

  /** How many strings `nearby` looks up for `target`, or undefined when too many (a long word, candidates of many characters). */
  private nearbyCount(target: string, limit: number): number | undefined {
    const count = limit < 1 ? 1 : (2 * target.length + 1) * this.membersOf().units.size;
    return count <= 8192 ? count : undefined;
  }

  private membersOf(): NonNullable<SpellingIndex['members']> {
    if (!this.members) {
      const units = new Set<string>();
      for (const candidate of this.sorted) for (let index = 0; index < candidate.length; index++) units.add(candidate[index]!);
      this.members = { set: new Set(this.sorted), units };
    }
    return this.members;
  }

  /**
   * Calls `found` with the candidates equal to `target` and, when `limit` is 1, one edit from it
   * (a character deleted, inserted, replaced, or two side by side swapped), each looked up.
   */
  private nearby(target: string, limit: number, found: (candidate: string, distance: number) => void): void {
    const { set, units } = this.membersOf();
    const seen = new Set<string>();
    const visit = (text: string, distance: number) => {
      if (seen.has(text)) return;
      seen.add(text);
      if (set.has(text)) found(text, distance);
    };
    visit(target, 0);
    if (limit < 1) return;
    for (let at = 0; at <= target.length; at++) {
      const before = target.slice(0, at);
      if (at < target.length) {
        const after = target.slice(at + 1);
        visit(before + after, 1);
        if (at + 1 < target.length) visit(`${before}${target[at + 1]!}${target[at]!}${target.slice(at + 2)}`, 1);
        for (const unit of units) if (unit !== target[at]) visit(before + unit + after, 1);
      }
      for (const unit of units) visit(before + unit + target.slice(at), 1);
    }
  }

  /** The walk of the candidates of one length; returns the steps it took, stopping after `steps`. */
  private walkLength(sorted: readonly string[], length: number, target: string, limit: () => number, found: (candidate: string, distance: number) => void, steps: number): number {
    let taken = 0;
    const width = target.length + 1;
    const depths = length + 1;
    if (this.rows.length < depths * width) this.rows = new Int32Array(depths * width * 2);
    if (this.rowMinima.length < depths) this.rowMinima = new Int32Array(depths * 2);
    const rows = this.rows;
    const minima = this.rowMinima;
    for (let j = 0; j < width; j++) rows[j] = j;
    minima[0] = Math.abs(length - target.length);
    let owner = ''; // the candidate whose rows 0..valid are in the table
    let valid = 0;
    for (let index = 0; index < sorted.length; ) {
      if (++taken > steps) return taken;
      const candidate = sorted[index]!;
      const bound = limit();
      let shared = 0;
      const most = Math.min(valid, length);
      while (shared < most && candidate.charCodeAt(shared) === owner.charCodeAt(shared)) shared++;
      // The shared rows were computed under a limit that may since have shrunk.
      let pruned = 0;
      for (let depth = 1; depth <= shared; depth++) {
        if (minima[depth]! > bound) {
          pruned = depth;
          break;
        }
      }
      if (pruned === 0) {
        owner = candidate;
        valid = shared;
        for (let depth = shared + 1; depth <= length; depth++) {
          const code = candidate.charCodeAt(depth - 1);
          const before = depth > 1 ? candidate.charCodeAt(depth - 2) : -1;
          const row = depth * width;
          const above = row - width;
          const twoAbove = above - width;
          const left = length - depth; // characters of the candidate after this prefix
          rows[row] = depth;
          let minimum = depth + Math.abs(left - target.length);
          for (let j = 1; j < width; j++) {
            const tj = target.charCodeAt(j - 1);
            let value = Math.min(rows[above + j]! + 1, rows[row + j - 1]! + 1, rows[above + j - 1]! + (tj === code ? 0 : 1));
            if (depth > 1 && j > 1 && tj === before && target.charCodeAt(j - 2) === code) value = Math.min(value, rows[twoAbove + j - 2]! + 1);
            rows[row + j] = value;
            const least = value + Math.abs(left - (target.length - j));
            if (least < minimum) minimum = least;
          }
          minima[depth] = minimum;
          valid = depth;
          if (minimum > bound) {
            pruned = depth;
            break;
          }
        }
      }
      if (pruned > 0) {
        index = afterPrefix(sorted, candidate, pruned, index);
        continue;
      }
      const distance = rows[length * width + target.length]!;
      if (distance <= bound) found(candidate, distance);
      index++;
    }
    return taken;
  }

}

/** The first index after `from` whose candidate does not start with the first `length` characters of `candidate` (those from `from` on do). */
function afterPrefix(sorted: readonly string[], candidate: string, length: number, from: number): number {
  const prefix = candidate.slice(0, length);
  let low = from + 1;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.startsWith(prefix)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Sorted candidates split by length, each list keeping their order. */
function bucketsByLength(sorted: readonly string[]): Map<number, string[]> {
  const buckets = new Map<number, string[]>();
  for (const candidate of sorted) {
    const bucket = buckets.get(candidate.length);
    if (bucket) bucket.push(candidate);
    else buckets.set(candidate.length, [candidate]);
  }
  return buckets;
}

/** The candidate closest to `word` (other than the word itself) within its spelling limit, among candidates given once. */
export function closestMatch(word: string, candidates: Iterable<string>, options: MatchOptions = {}): string | undefined {
  return new SpellingIndex(candidates, options).suggest(word);
}

/**
 * How well what is typed matches a candidate, ignoring case; smaller is better: 0 its label (an
 * ID) starts with the query, 1 the label holds it, 2 its detail (a name) holds it, 3 the query's
 * characters appear in order in label and detail; undefined for no match. An empty query matches
 * everything at 0. Label and detail are given in lower case (see `PlanItem.lowerCase`), so that
 * matching many candidates is a few native searches each, with nothing allocated.
 */
export function matcher(query: string): (label: string, detail?: string) => number | undefined {
  const lower = query.toLowerCase();
  const characters = [...lower];
  return (label, detail = '') => {
    if (lower === '' || label.startsWith(lower)) return 0;
    if (label.includes(lower)) return 1;
    let matched = 0;
    for (let at = 0; matched < characters.length; matched++) {
      const next = label.indexOf(characters[matched]!, at);
      if (next < 0) break;
      at = next + 1;
    }
    if (characters[matched] === ' ') matched++; // the space between label and detail
    for (let at = 0; matched < characters.length; matched++) {
      const next = detail.indexOf(characters[matched]!, at);
      if (next < 0) return undefined;
      at = next + 1;
    }
    return detail.includes(lower) ? 2 : 3;
  };
}

/**
 * The first `limit` of `items` in the order of `compare`, sorted: a selection (quickselect) then a
 * sort of the few, so that picking the best hundreds of 100,000 costs about one pass. Reorders `items`.
 */
export function firstInOrder<T>(items: T[], compare: (a: T, b: T) => number, limit: number): T[] {
  if (items.length > limit && limit > 0) {
    const target = limit - 1;
    let low = 0;
    let high = items.length - 1;
    while (low < high) {
      const pivot = items[(low + high) >> 1]!;
      let i = low;
      let j = high;
      while (i <= j) {
        while (compare(items[i]!, pivot) < 0) i++;
        while (compare(items[j]!, pivot) > 0) j--;
        if (i <= j) {
          const swap = items[i]!;
          items[i] = items[j]!;
          items[j] = swap;
          i++;
          j--;
        }
      }
      if (target <= j) high = j;
      else if (target >= i) low = i;
      else break;
    }
  }
  if (items.length > limit) items.length = Math.max(limit, 0);
  return items.sort(compare);
}
