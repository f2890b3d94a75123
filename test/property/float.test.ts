// Float kept up to date equals float computed afresh: a generated network of milestones and features
// (predecessors, feature lists, forecasts, completions, cycles, an overrides file) is changed one
// step at a time — a date moved, a link added or taken away, an item completed or reopened, a
// forecast written or removed, an overrides date set — and after each step every item's float, limit
// and critical mark in the service that kept them equal those of a fresh service given the same files.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createPlanService, type PlanService } from '../../server/src/service';
import { propertySeed, replayable } from './generators';

const planUri = 'file:///plans/a.milestones.yaml';
const otherUri = 'file:///plans/b.milestones.yaml';
const localUri = 'file:///plans/local.yaml';
const runs = Number(process.env.MILESTONES_PROPERTY_RUNS ?? 60);

interface Item {
  id: string;
  day: number;
  forecast: number | null;
  completed: boolean;
  predecessors: string[];
  /** For a milestone: the features it lists. */
  features: string[];
}

interface Network {
  milestones: Item[];
  features: Item[];
  /** Days of the overrides file's `due` by ID; null for `""`. */
  overrides: Map<string, number | null>;
}

const date = (day: number) => new Date(Date.UTC(2022, 0, 1 + day)).toISOString().slice(0, 10);

function entry(item: Item, milestone: boolean): string[] {
  const lines = [`  ${item.id}:`, `    name: ${item.id.toLowerCase()}`, `    due: ${date(item.day)}`];
  if (item.forecast !== null) lines.push(`    forecast: ${date(item.forecast)}`);
  if (item.completed) lines.push(`    completed: ${date(item.day)}`);
  if (item.predecessors.length > 0) lines.push(`    predecessors: [${item.predecessors.join(', ')}]`);
  if (milestone && item.features.length > 0) lines.push(`    features: [${item.features.join(', ')}]`);
  return lines;
}

/** The milestones in one file, the features in another (a feature list crosses files), and the overrides file. */
function files(network: Network): { plan: string; other: string; local: string } {
  return {
    plan: ['milestones:', ...network.milestones.flatMap((item) => entry(item, true)), ''].join('\n'),
    other: ['features:', ...network.features.flatMap((item) => entry(item, false)), ''].join('\n'),
    local: [...network.overrides].map(([id, day]) => `${id}:\n  due: ${day === null ? '""' : date(day)}\n`).join(''),
  };
}

const milestoneIds = ['M-0', 'M-1', 'M-2', 'M-3', 'M-4', 'M-5', 'M-6', 'M-7'];
const featureIds = ['F-0', 'F-1', 'F-2', 'F-3', 'F-4', 'F-5', 'F-6', 'F-7', 'F-8', 'F-9'];
const allIds = [...milestoneIds, ...featureIds];

const itemArbitrary = (id: string, milestone: boolean): fc.Arbitrary<Item> =>
  fc.record({
    id: fc.constant(id),
    day: fc.integer({ min: 0, max: 400 }),
    forecast: fc.option(fc.integer({ min: 0, max: 420 }), { nil: null, freq: 4 }),
    completed: fc.integer({ min: 0, max: 9 }).map((roll) => roll < 2),
    predecessors: fc.uniqueArray(fc.constantFrom(...(milestone ? milestoneIds : allIds)), { maxLength: 2 }),
    features: milestone ? fc.uniqueArray(fc.constantFrom(...featureIds), { maxLength: 3 }) : fc.constant([]),
  });

const networkArbitrary: fc.Arbitrary<Network> = fc.record({
  milestones: fc.tuple(...milestoneIds.map((id) => itemArbitrary(id, true))),
  features: fc.tuple(...featureIds.map((id) => itemArbitrary(id, false))),
  overrides: fc.constant(new Map<string, number | null>()),
});

type Step =
  | { kind: 'day'; id: string; day: number }
  | { kind: 'forecast'; id: string; day: number | null }
  | { kind: 'complete'; id: string }
  | { kind: 'link'; id: string; predecessor: string }
  | { kind: 'list'; id: string; feature: string }
  | { kind: 'override'; id: string; day: number | null | undefined };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('day' as const), id: fc.constantFrom(...allIds), day: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ kind: fc.constant('forecast' as const), id: fc.constantFrom(...allIds), day: fc.option(fc.integer({ min: 0, max: 420 }), { nil: null }) }),
  fc.record({ kind: fc.constant('complete' as const), id: fc.constantFrom(...allIds) }),
  fc.record({ kind: fc.constant('link' as const), id: fc.constantFrom(...allIds), predecessor: fc.constantFrom(...allIds) }),
  fc.record({ kind: fc.constant('list' as const), id: fc.constantFrom(...milestoneIds), feature: fc.constantFrom(...featureIds) }),
  fc.record({ kind: fc.constant('override' as const), id: fc.constantFrom(...allIds), day: fc.option(fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), { nil: undefined }) }),
);

/** Takes a step: toggles a link, a listing or a completion, moves a date, writes or removes a forecast or an override. */
function apply(network: Network, step: Step): void {
  const item = [...network.milestones, ...network.features].find((candidate) => candidate.id === step.id)!;
  const toggle = (list: string[], id: string) => {
    const at = list.indexOf(id);
    if (at >= 0) list.splice(at, 1);
    else list.push(id);
  };
  switch (step.kind) {
    case 'day':
      item.day = step.day;
      return;
    case 'forecast':
      item.forecast = step.day;
      return;
    case 'complete':
      item.completed = !item.completed;
      return;
    case 'link':
      toggle(item.predecessors, step.predecessor);
      return;
    case 'list':
      toggle(item.features, step.feature);
      return;
    case 'override':
      if (step.day === undefined) network.overrides.delete(step.id);
      else network.overrides.set(step.id, step.day);
  }
}

function give(service: PlanService, network: Network): void {
  const { plan, other, local } = files(network);
  service.setFile(planUri, plan);
  service.setFile(otherUri, other);
  service.setOverridesFile(localUri, local);
}

function floats(service: PlanService): unknown[] {
  const float = service.analyze().float;
  return allIds.map((id) => [id, float.of(id), float.limitPath(id)]);
}

describe('float kept up to date equals float computed afresh', () => {
  for (const settings of [{}, { criticalFloatDays: 20, rules: { slipped: 'warning' as const }, slipThresholdDays: 5 }]) {
    test(`after any sequence of changes to the network${Object.keys(settings).length > 0 ? ', with the slipped rule on' : ''}`, () => {
      const seed = propertySeed();
      fc.assert(
        fc.property(networkArbitrary, fc.array(stepArbitrary, { minLength: 1, maxLength: 25 }), (network, steps) => {
          const kept = createPlanService();
          kept.setSettings(settings);
          give(kept, network);
          kept.analyze();
          for (const step of steps) {
            apply(network, step);
            give(kept, network);
            const fresh = createPlanService();
            fresh.setSettings(settings);
            give(fresh, network);
            assert.deepEqual(floats(kept), floats(fresh), `after ${JSON.stringify(step)}`);
          }
        }),
        replayable(seed, runs, { shrink: false }),
      );
    });
  }
});
