// The plan's history along the steps of the milestone trend (a month's last commit, a tag, a
// commit): the host gives the plan files and overrides files of the first step whole and of each
// later one as patches; after each step, every item whose entry or overrides changed has its
// expected date (overrides applied, as of that revision) and whether it is achieved recorded.
import type { TrendChange, TrendHistory, TrendItem, TrendStep } from '../../../../common/trendSeries';
import { EffectiveItem } from '../model/effectivePlan';
import { overridesByCode, overridesSignature, parseOverrides, type CodeOverrides, type OverridesFile } from '../model/overrides';
import type { ItemChanges } from '../model/planFile';
import type { PlanItem } from '../model/planItem';
import { PlanVersions, type LineHunk } from './planVersions';

/** A plan file being read: its versions, and where it is at the step read last. */
interface PlanEntry {
  versions: PlanVersions;
  uri: string;
}

export class TrendReader {
  /** The plan files by path (relative to the repository). */
  private readonly plans = new Map<string, PlanEntry>();
  /** The current URI of each plan file, by the URI it was first read at (its items keep that one). */
  private readonly uris = new Map<string, string>();
  /** The definitions of each ID, as files are read. */
  private readonly definitions = new Map<string, PlanItem[]>();
  private readonly overrides = new Map<string, OverridesFile>();
  private overridden = new Map<string, CodeOverrides>();
  /** IDs whose entry or overrides changed since the last step. */
  private readonly dirty = new Set<string>();
  private readonly items = new Map<string, TrendItem>();
  private readonly steps: TrendStep[] = [];

  /** A plan file given whole (added, or read again), or removed (`text` undefined). */
  setPlan(path: string, uri: string, text: string | undefined): void {
    let entry = this.plans.get(path);
    if (text === undefined) {
      if (!entry) return;
      this.changed(entry.versions.next(''));
      this.plans.delete(path);
      return;
    }
    if (!entry) {
      entry = { versions: new PlanVersions(uri), uri };
      this.plans.set(path, entry);
      this.uris.set(uri, uri);
    }
    this.changed(entry.versions.next(text));
  }

  /** A plan file given as the hunks of its patch, maybe renamed; false when they do not apply (give it whole then). */
  patchPlan(oldPath: string | undefined, path: string, uri: string, hunks: readonly LineHunk[]): boolean {
    const entry = oldPath === undefined ? { versions: new PlanVersions(uri), uri } : this.plans.get(oldPath);
    if (!entry) return false;
    const changes = entry.versions.patch(hunks);
    if (!changes) return false;
    if (oldPath !== undefined) this.plans.delete(oldPath);
    this.plans.set(path, entry);
    this.uris.set(entry.versions.file.uri, uri);
    entry.uri = uri;
    this.changed(changes);
    return true;
  }

  /** Whether a plan file is being read at `path`. */
  hasPlan(path: string): boolean {
    return this.plans.has(path);
  }

  /** An overrides file given whole, or removed (`text` undefined). */
  setOverrides(path: string, uri: string, text: string | undefined): void {
    if (text === undefined) this.overrides.delete(path);
    else this.overrides.set(path, parseOverrides(uri, text));
    const before = this.overridden;
    this.overridden = overridesByCode(this.overrides.values());
    const signature = (overrides: CodeOverrides | undefined) => (overrides ? overridesSignature(overrides) : '');
    for (const code of new Set([...before.keys(), ...this.overridden.keys()])) {
      if (signature(before.get(code)) !== signature(this.overridden.get(code))) this.dirty.add(code);
    }
  }

  /** Closes a step: what changed since the step before is recorded as of it. */
  endStep(step: TrendStep): void {
    const index = this.steps.push(step) - 1;
    for (const id of this.dirty) {
      const definition = this.definitionOf(id);
      let item = this.items.get(id);
      if (!definition && !item) continue;
      if (!item) this.items.set(id, (item = { id, kind: definition!.kind, name: '', changes: [] }));
      const effective = definition && new EffectiveItem(definition, this.overridden.get(id), step.date);
      if (effective) this.describe(item, effective);
      const state: Omit<TrendChange, 'step'> = effective ? stateOf(effective, step) : { expected: null };
      const last = item.changes.at(-1);
      if (last && last.expected === state.expected && last.achieved === state.achieved) continue;
      item.changes.push({ ...state, step: index });
    }
    this.dirty.clear();
  }

  /** The steps closed so far and the items along them, each described as its definition is now (its file may have been renamed). */
  history(): TrendHistory {
    for (const item of this.items.values()) {
      const definition = this.definitionOf(item.id);
      if (definition) this.describe(item, new EffectiveItem(definition, this.overridden.get(item.id), this.steps.at(-1)?.date ?? ''));
    }
    return { steps: this.steps.slice(), items: [...this.items.values()] };
  }

  private changed(changes: ItemChanges): void {
    for (const item of changes.removed) {
      const list = this.definitions.get(item.id);
      const at = list?.indexOf(item) ?? -1;
      if (at >= 0) list!.splice(at, 1);
      this.dirty.add(item.id);
    }
    for (const item of changes.added) {
      const list = this.definitions.get(item.id);
      if (list) list.push(item);
      else this.definitions.set(item.id, [item]);
      this.dirty.add(item.id);
    }
  }

  /** The definition an ID has, the same whatever the order files were read in when it has several (a problem of its own). */
  private definitionOf(id: string): PlanItem | undefined {
    const list = this.definitions.get(id);
    if (!list || list.length === 0) return undefined;
    if (list.length === 1) return list[0];
    const key = (item: PlanItem) => `${this.uris.get(item.uri) ?? item.uri}\u0000${String(item.idSpan.start).padStart(12, '0')}`;
    return list.reduce((best, item) => (key(item) < key(best) ? item : best));
  }

  /** An item's name, level and file, as the effective plan has them. */
  private describe(item: TrendItem, effective: EffectiveItem): void {
    item.kind = effective.kind;
    item.name = effective.name ?? '';
    if (effective.level === undefined) delete item.level;
    else item.level = effective.level;
    item.file = this.uris.get(effective.uri) ?? effective.uri;
  }
}

/** The item's expected date and completion with the overrides files applied, as of the step. */
function stateOf(item: EffectiveItem, step: TrendStep): Omit<TrendChange, 'step'> {
  const expected = item.expected?.date ?? null;
  return item.completedWritten ? { expected, achieved: item.completed ?? step.date } : { expected };
}
