// Reads LDM-564 as published (the seed text beside the repository): §3 "Functionality in DM
// releases" and §5 "Acronyms", so that tests can compare the example plan and the export with it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const seedPath = resolve(__dirname, '../../../shared/seeds/000_36c13a3c70b0733a.txt');

export interface SeedFeatureRow {
  id: string;
  name: string;
  due: string;
  completed: string | null;
}

export interface SeedMilestone {
  section: string; // "3.6"
  id: string;
  name: string;
  due: string;
  completed: string | null;
  features: SeedFeatureRow[];
}

export function readSeed(): string {
  return readFileSync(seedPath, 'utf8');
}

/** The text of §3, from its heading to §4. */
export function sectionThree(seed = readSeed()): string {
  const start = seed.indexOf('## 3 Functionality in DM releases');
  const end = seed.indexOf('## 4 References');
  return seed.slice(start, end);
}

const heading = /^###\s+(?:\*\*)?(?:(3\.\d+)\s+)?(.*):\s+(\S+?)(?:\*\*)?\s*$/;
const dates = /Due:\s*(\d{4}-\d{2}-\d{2});\s*(?:completed\s+(\d{4}-\d{2}-\d{2})|currently incomplete)/;

export function seedMilestones(seed = readSeed()): SeedMilestone[] {
  return parseReleases(sectionThree(seed));
}

/** Reads text in the form of LDM-564 §3: `### [3.N] Name: ID` headings, a dates line, feature rows. */
export function parseReleases(text: string): (SeedMilestone & { noNewFunctionality: boolean })[] {
  const milestones: (SeedMilestone & { noNewFunctionality: boolean })[] = [];
  let current: (SeedMilestone & { noNewFunctionality: boolean }) | undefined;
  for (const line of text.split('\n')) {
    const title = heading.exec(line);
    if (title) {
      current = { section: title[1] ?? '', name: title[2]!.trim(), id: title[3]!, due: '', completed: null, features: [], noNewFunctionality: false };
      milestones.push(current);
      continue;
    }
    if (!current) continue;
    const trimmed = line.trim();
    if (trimmed.startsWith('- ')) {
      const row = /^- ([A-Za-z0-9][A-Za-z0-9._-]*): (.*?)\s*(?:\(\*|\*\()Due:/.exec(trimmed);
      const when = dates.exec(trimmed);
      if (!row || !when) throw new Error(`Unreadable feature row in ${current.id}: ${trimmed}`);
      current.features.push({ id: row[1]!, name: row[2]!, due: when[1]!, completed: when[2] ?? null });
    } else if (trimmed.startsWith('No new functionality is associated with this milestone')) {
      current.noNewFunctionality = true;
    } else if (trimmed.startsWith('*Due:') && current.due === '') {
      const when = dates.exec(trimmed)!;
      current.due = when[1]!;
      current.completed = when[2] ?? null;
    }
  }
  return milestones;
}

/** The acronym table of §5: term → definition, in the published order. */
export function seedAcronyms(seed = readSeed()): [string, string][] {
  const start = seed.indexOf('## 5 Acronyms');
  const rows: [string, string][] = [];
  for (const line of seed.slice(start).split('\n').slice(1)) {
    const cells = line.split('\t');
    if (cells.length !== 2 || cells[0] === 'Acronym') continue;
    rows.push([cells[0]!.trim(), cells[1]!.trim()]);
  }
  return rows;
}
