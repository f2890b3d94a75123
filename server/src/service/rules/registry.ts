// The rules of the product, one module each, in the order they are listed everywhere (settings,
// the docs' rules page, SARIF): the registry the workspace runs, the code actions ask, and the
// settings, the SARIF log and the generated docs read. A rule added here is checked, fixed,
// configurable and documented; a test may give the service a registry of its own.
import type { Severity } from '../../../../common/planSnapshot';
import type { Problem } from '../checks/problems';
import type { Glossary } from '../glossary/glossary';
import type { EffectiveItem, Mark } from '../model/effectivePlan';
import type { OverridesFile } from '../model/overrides';
import type { PlanSegment, SegmentModel } from '../model/segmentModel';
import completedInFuture from './completedInFuture';
import dependencyCycle from './dependencyCycle';
import duplicateFeature from './duplicateFeature';
import duplicateId from './duplicateId';
import featureCompletedAfterMilestone from './featureCompletedAfterMilestone';
import featureDueAfterMilestone from './featureDueAfterMilestone';
import featureOpenInCompletedMilestone from './featureOpenInCompletedMilestone';
import fileTooLarge from './fileTooLarge';
import invalidDate from './invalidDate';
import overdue from './overdue';
import predecessorDueAfter from './predecessorDueAfter';
import predecessorOpen from './predecessorOpen';
import type { ItemCheckContext, OverridesCheckContext, Rule, RuleSetting } from './rule';
import schema from './schema';
import slipped from './slipped';
import unknownAcronym from './unknownAcronym';
import unknownFeature from './unknownFeature';
import unknownOverride from './unknownOverride';
import unknownPredecessor from './unknownPredecessor';
import unusedFeature from './unusedFeature';
import yamlSyntax from './yamlSyntax';

export const builtinRules: readonly Rule[] = [
  yamlSyntax,
  schema,
  invalidDate,
  duplicateId,
  unknownFeature,
  duplicateFeature,
  featureDueAfterMilestone,
  featureOpenInCompletedMilestone,
  featureCompletedAfterMilestone,
  predecessorDueAfter,
  predecessorOpen,
  dependencyCycle,
  unknownPredecessor,
  completedInFuture,
  overdue,
  slipped,
  unusedFeature,
  unknownAcronym,
  unknownOverride,
  fileTooLarge,
];

const noMarks: readonly Mark[] = [];

export class RuleRegistry {
  private readonly byCode = new Map<string, Rule>();
  private readonly segmentRules: Rule[];
  private readonly itemRules: Rule[];
  private readonly proseRules: Rule[];
  private readonly overridesRules: Rule[];

  constructor(readonly rules: readonly Rule[] = builtinRules) {
    for (const rule of rules) {
      if (this.byCode.has(rule.code)) throw new Error(`Two rules have the code ${rule.code}.`);
      this.byCode.set(rule.code, rule);
    }
    this.segmentRules = rules.filter((rule) => rule.checkSegment);
    this.itemRules = rules.filter((rule) => rule.checkItem);
    this.proseRules = rules.filter((rule) => rule.checkProse);
    this.overridesRules = rules.filter((rule) => rule.checkOverrides);
  }

  get(code: string): Rule | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  get codes(): string[] {
    return this.rules.map((rule) => rule.code);
  }

  /** The severity a rule has under the settings' `milestones.rules`, or undefined when it is off. */
  severity(code: string, settings: Partial<Record<string, RuleSetting>>): Severity | undefined {
    const setting = settings[code] ?? this.byCode.get(code)?.severity ?? 'error';
    return setting === 'off' ? undefined : setting;
  }

  marksOf(code: string): readonly Mark[] {
    return this.byCode.get(code)?.marks ?? noMarks;
  }

  checkSegment(segment: PlanSegment, model: SegmentModel): Problem[] {
    const problems: Problem[] = [];
    for (const rule of this.segmentRules) appendAll(problems, rule.checkSegment!(segment, model));
    return problems;
  }

  checkItem(item: EffectiveItem, context: ItemCheckContext): Problem[] {
    const problems: Problem[] = [];
    for (const rule of this.itemRules) rule.checkItem!(item, context, problems);
    return problems;
  }

  checkProse(text: string, spans: readonly number[], glossary: Glossary): Problem[] {
    if (spans.length === 0) return [];
    const problems: Problem[] = [];
    for (const rule of this.proseRules) appendAll(problems, rule.checkProse!(text, spans, glossary));
    return problems;
  }

  checkOverrides(file: OverridesFile, context: OverridesCheckContext): Problem[] {
    const problems: Problem[] = [];
    for (const rule of this.overridesRules) appendAll(problems, rule.checkOverrides!(file, context));
    return problems;
  }
}

/** The registry of the built-in rules, for what reads their metadata outside a service (the CLI's SARIF, settings). */
export const builtinRegistry = new RuleRegistry(builtinRules);

/** Adds every problem of `more` to `problems` one by one: a rule may find more than a call takes arguments (a line of a million unknown acronyms). */
function appendAll(problems: Problem[], more: readonly Problem[]): void {
  for (const problem of more) problems.push(problem);
}
