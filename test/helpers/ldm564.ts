// LDM-564 as published, kept as data the project owns (test/fixtures/ldm-564/, written from the
// document): §3 "Functionality in DM releases" (35 releases, 88 feature rows, with their dates)
// and §5 "Acronyms", for the tests that compare the example plan and the export with it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const fixtures = resolve(__dirname, '../fixtures/ldm-564');

export interface FeatureRow {
  id: string;
  name: string;
  due: string;
  completed: string | null;
}

export interface Release {
  section: string; // "3.6"
  id: string;
  name: string;
  due: string;
  completed: string | null;
  features: FeatureRow[];
}

const heading = /^###\s+(?:\*\*)?(?:(3\.\d+)\s+)?(.*):\s+(\S+?)(?:\*\*)?\s*$/;
const dates = /Due:\s*(\d{4}-\d{2}-\d{2});\s*(?:completed\s+(\d{4}-\d{2}-\d{2})|currently incomplete)/;

/** Reads text in the form of LDM-564 §3: `### [3.N] Name: ID` headings, a dates line, feature rows. */
export function parseReleases(text: string): (Release & { noNewFunctionality: boolean })[] {
  const milestones: (Release & { noNewFunctionality: boolean })[] = [];
  let current: (Release & { noNewFunctionality: boolean }) | undefined;
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

/** §3 as published: each release with its section number, dates and feature rows, in order. */
export function publishedReleases(): (Release & { noNewFunctionality: boolean })[] {
  return JSON.parse(readFileSync(resolve(fixtures, 'releases.json'), 'utf8')) as (Release & { noNewFunctionality: boolean })[];
}

/** The acronym table of §5: term → definition, in the published order. */
export function publishedAcronyms(): [string, string][] {
  return JSON.parse(readFileSync(resolve(fixtures, 'acronyms.json'), 'utf8')) as [string, string][];
}
