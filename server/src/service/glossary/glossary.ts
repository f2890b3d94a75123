// Glossaries: the merged meanings of every term, choosing among them by tag, and finding acronyms
// in free text the way LSST's acronym tool does.
import { SpellingIndex } from '../text/matching';

export interface GlossaryEntry {
  term: string;
  definition: string;
  /** 'built-in', a glossary file path as configured, or a plan file's URI. */
  source: string;
  /** Subsystem tags (the CSV's "Subsystem Tags"); [] otherwise. */
  tags: string[];
  documentationTags?: string[];
  /** The CSV's "Type" column, e.g. "Acronym" or "Term". */
  type?: string;
  /** 0-based line in the source file, when known. */
  line?: number;
}

/** One definition of a term, as every source that gives it gives it. */
export interface Meaning {
  definition: string;
  /** The entries giving it, in the order their sources apply. */
  entries: GlossaryEntry[];
  /** Every tag its entries carry. */
  tags: string[];
}

const standardShape = /^[A-Z][A-Z0-9]+$/;

export class Glossary {
  private readonly byTerm = new Map<string, GlossaryEntry[]>();
  private readonly preferredTags: readonly string[];
  private readonly skip: Set<string>;
  /** The terms, sorted, for "did you mean" and completion; built on first use. */
  private spelling: SpellingIndex | undefined;
  /**
   * Terms not of the standard shape (`FoV`, `R&D`, `CC-IN2P3`) by their first two characters (one
   * for a one-character term), longest first: looked up where a word may start, which stays fast
   * with thousands of them where one alternation of them all did not.
   */
  private readonly specialByStart = new Map<string, string[]>();

  constructor(entries: Iterable<GlossaryEntry>, options: { preferredTags?: readonly string[]; skip?: Iterable<string> } = {}) {
    for (const entry of entries) {
      const list = this.byTerm.get(entry.term);
      if (list) list.push(entry);
      else this.byTerm.set(entry.term, [entry]);
    }
    this.preferredTags = options.preferredTags ?? [];
    this.skip = new Set(options.skip ?? []);
    for (const term of this.byTerm.keys()) {
      if (standardShape.test(term) || term.trim() === '') continue;
      const key = term.slice(0, 2);
      const list = this.specialByStart.get(key);
      if (list) list.push(term);
      else this.specialByStart.set(key, [term]);
    }
    for (const list of this.specialByStart.values()) list.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  }

  /**
   * The terms not of the standard shape in `text`, leftmost and then longest first, not
   * overlapping. A term stands alone: not inside a longer word, and a hyphen ends a word.
   */
  specialTermsIn(text: string): { term: string; start: number; end: number }[] {
    const found: { term: string; start: number; end: number }[] = [];
    if (this.specialByStart.size === 0) return found;
    for (let start = 0; start < text.length; start++) {
      if (start > 0 && isWordCharacter(text.charCodeAt(start - 1))) continue;
      const term = this.longestAt(text, start);
      if (!term) continue;
      found.push({ term, start, end: start + term.length });
      start += term.length - 1;
    }
    return found;
  }

  private longestAt(text: string, start: number): string | undefined {
    const standsAlone = (term: string) => text.startsWith(term, start) && !isWordCharacter(text.charCodeAt(start + term.length));
    const two = this.specialByStart.get(text.slice(start, start + 2))?.find(standsAlone);
    return two ?? this.specialByStart.get(text[start]!)?.find(standsAlone);
  }

  /**
   * Every entry of a term, the one that applies first: entries come in the order their sources
   * apply (a plan's `acronyms:`, the glossary files in the order configured, the built-in
   * glossary), so the first source that has the term gives its meaning; among that source's rows
   * (a CSV term may have several) the preferred tags choose.
   */
  meanings(term: string): GlossaryEntry[] {
    const list = this.byTerm.get(term) ?? [];
    const preferred = this.preferred(term);
    return preferred ? [preferred, ...list.filter((entry) => entry !== preferred)] : list;
  }

  /**
   * The meanings as a reader sees them: one definition given by several sources once (told apart
   * neither by case, spacing nor a final period), with every source and tag; the one that applies first.
   */
  distinctMeanings(term: string): Meaning[] {
    const byDefinition = new Map<string, Meaning>();
    for (const entry of this.meanings(term)) {
      const key = entry.definition.replace(/\s+/g, ' ').trim().replace(/\s*\.$/, '').toLowerCase();
      const meaning = byDefinition.get(key);
      if (!meaning) {
        byDefinition.set(key, { definition: entry.definition, entries: [entry], tags: [...entry.tags] });
        continue;
      }
      meaning.entries.push(entry);
      for (const tag of entry.tags) if (!meaning.tags.includes(tag)) meaning.tags.push(tag);
    }
    return [...byDefinition.values()];
  }

  /** The entry that applies: from the first source that has the term, the row its tags choose. */
  preferred(term: string): GlossaryEntry | undefined {
    const list = this.byTerm.get(term);
    if (!list || list.length === 0) return undefined;
    const source = list[0]!.source;
    if (this.preferredTags.length > 0) {
      for (const tag of this.preferredTags) {
        const tagged = list.find((entry) => entry.source === source && entry.tags.includes(tag));
        if (tagged) return tagged;
      }
    }
    return list[0];
  }

  has(term: string): boolean {
    return this.byTerm.has(term);
  }

  isSkipped(term: string): boolean {
    return this.skip.has(term);
  }

  /** The terms that start with `prefix`, in code-unit order. */
  termsStartingWith(prefix: string): string[] {
    return this.termIndex().startingWith(prefix);
  }

  private termIndex(): SpellingIndex {
    return (this.spelling ??= new SpellingIndex(this.byTerm.keys()));
  }

  /** The term closest to a word that is not one, for "did you mean"; each word is looked up once. */
  suggest(word: string): string | undefined {
    const spelling = this.termIndex();
    if (spelling.answered > 4096) spelling.retain(() => false); // words typed letter by letter: keep a bounded few
    return spelling.suggest(word);
  }
}

/** A character of `[A-Za-z0-9_]` (NaN past the end is not). */
function isWordCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

export interface AcronymHit {
  term: string;
  start: number;
  end: number;
  known: boolean;
}

const acronymWord = /\b[A-Z][A-Z0-9]+\b/g;

/** Every acronym in free text: glossary terms of any shape first (longest first), then standard-shape words. */
export function findAcronyms(text: string, glossary: Glossary): AcronymHit[] {
  const hits: AcronymHit[] = [];
  const taken: [number, number][] = [];
  for (const { term, start, end } of glossary.specialTermsIn(text)) {
    taken.push([start, end]);
    if (!glossary.isSkipped(term)) hits.push({ term, start, end, known: true });
  }
  acronymWord.lastIndex = 0;
  for (let match = acronymWord.exec(text); match; match = acronymWord.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (taken.some(([takenStart, takenEnd]) => start < takenEnd && end > takenStart)) continue;
    if (glossary.isSkipped(match[0])) continue;
    hits.push({ term: match[0], start, end, known: glossary.has(match[0]) });
  }
  return hits.sort((a, b) => a.start - b.start);
}
