// Matching words: "did you mean …" for a misspelt ID, key or acronym, by optimal string alignment
// distance (Levenshtein plus transpositions), and the fuzzy match of what is typed in a search.

export interface MatchOptions {
  /** The largest distance still suggested; by default it grows with the word's length. */
  maxDistance?: number;
  caseInsensitive?: boolean;
}

/** How far a word may be from a candidate and still be a misspelling of it: more for longer words. */
export function spellingDistanceLimit(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

export function closestMatch(word: string, candidates: Iterable<string>, options: MatchOptions = {}): string | undefined {
  const maxDistance = options.maxDistance ?? spellingDistanceLimit(word.length);
  const fold = options.caseInsensitive ? (text: string) => text.toLowerCase() : (text: string) => text;
  const target = fold(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    if (Math.abs(candidate.length - word.length) > maxDistance) continue;
    const distance = boundedDistance(target, fold(candidate), Math.min(maxDistance, bestDistance));
    if (distance === undefined) continue;
    if (
      best === undefined ||
      distance < bestDistance ||
      (distance === bestDistance && isBetterTie(candidate, best, word.length))
    ) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function isBetterTie(candidate: string, best: string, length: number): boolean {
  const candidateSame = candidate.length === length;
  const bestSame = best.length === length;
  if (candidateSame !== bestSame) return candidateSame;
  return candidate < best;
}

/** The distance between a and b, or undefined when it exceeds `limit`. */
export function boundedDistance(a: string, b: string, limit: number): number | undefined {
  if (Math.abs(a.length - b.length) > limit) return undefined;
  const rows = a.length + 1;
  const columns = b.length + 1;
  let previousPrevious = new Array<number>(columns).fill(0);
  let previous = Array.from({ length: columns }, (_, index) => index);
  let current = new Array<number>(columns).fill(0);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    let rowMinimum = current[0];
    for (let j = 1; j < columns; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, previousPrevious[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return undefined;
    [previousPrevious, previous, current] = [previous, current, previousPrevious];
  }
  const distance = previous[columns - 1]!;
  return distance <= limit ? distance : undefined;
}

/** The candidates within spelling distance of a word (the word itself excluded), closest first. */
export function closeMatches(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const scored: { id: string; distance: number }[] = [];
  const max = spellingDistanceLimit(word.length);
  for (const candidate of candidates) {
    const distance = boundedDistance(word, candidate, max);
    if (distance !== undefined && distance > 0) scored.push({ id: candidate, distance });
  }
  return scored.sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1)).slice(0, limit).map((entry) => entry.id);
}

/** Whether every character of `query` appears in `text` in order, ignoring case. */
export function fuzzyMatches(query: string, text: string): boolean {
  const lower = text.toLowerCase();
  let at = 0;
  for (const character of query.toLowerCase()) {
    at = lower.indexOf(character, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
