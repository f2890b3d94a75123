// What a rule is: one module per check of the product (rules/<code>.ts), holding its code, default
// severity, description, the marks its problems put on items, its check, its quick fixes and the
// fix "fix all" may apply. The registry (registry.ts) lists them; the workspace runs the checks,
// the code actions ask the fixes, and the settings, the SARIF log and the docs read the rest.
import type { Severity } from '../../../../common/planSnapshot';
import type { Problem, ReportedProblem } from '../checks/problems';
import type { Glossary } from '../glossary/glossary';
import type { PlanDocument } from '../model/document';
import type { EffectiveItem, EffectivePlan, Mark } from '../model/effectivePlan';
import type { OverridesFile } from '../model/overrides';
import type { PlanFile } from '../model/planFile';
import type { PlanItem } from '../model/planItem';
import type { PlanSegment, SegmentModel } from '../model/segmentModel';
import type { Span } from '../yaml/nodes';
import type { WorkspaceEdit } from '../text/edits';

export type { Severity };

export type RuleSetting = Severity | 'off';

export const ruleSettings: readonly RuleSetting[] = ['off', 'hint', 'information', 'warning', 'error'];

/** What an item's check may ask of the workspace around the item. */
export interface ItemCheckContext {
  plan: EffectivePlan;
  /** Days a forecast may lie after the due date before `slipped` reports it. */
  slipThresholdDays: number;
  /** Where an item is defined, for messages: `file.milestones.yaml:12`. */
  where(item: PlanItem): string;
  /** The feature ID closest to a misspelt one, for "did you mean". */
  suggestFeature(id: string): string | undefined;
  /** The milestone or feature ID closest to a misspelt one, for "did you mean". */
  suggestId(id: string): string | undefined;
  /** The cycle through the link "`id` names `predecessor`", in the order of doing, ending where it starts. */
  cycleThrough(id: string, predecessor: string): string[] | undefined;
}

/** What a check of an overrides file may ask. */
export interface OverridesCheckContext {
  plan: EffectivePlan;
  glossary: Glossary;
  suggestId(id: string): string | undefined;
}

/** Files outside the plans that a fix may add to: the configured glossary file and skip list. */
export interface FixTargets {
  glossaryFile?: { uri: string; name: string; text: string };
  skipFile?: { uri: string; name: string; text: string };
}

export interface PlanCodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll.milestones';
  isPreferred?: boolean;
  /** The problem the action fixes, for the editor to link them. */
  problem?: ReportedProblem;
  edits: WorkspaceEdit;
  /** What to select once the edits are made (a span of the text after them): a placeholder to type over. */
  select?: { uri: string; span: Span };
}

/** What a rule's fixes may ask. */
export interface FixContext {
  plan: EffectivePlan;
  /** The document the problem is in. */
  document: PlanDocument;
  /** A plan or overrides file by URI, for fixes that edit another file. */
  documentOf(uri: string): PlanDocument | undefined;
  /** Every plan file, for fixes that add an entry where entries of its kind are. */
  planFiles(): PlanFile[];
  /** The feature IDs, or the IDs, within spelling distance of a misspelt one, closest first. */
  featureMatches(id: string, limit?: number): string[];
  idMatches(id: string, limit?: number): string[];
  targets: FixTargets;
  /** An action fixing the problem. */
  action(title: string, edits: WorkspaceEdit, isPreferred?: boolean): PlanCodeAction;
}

export interface Rule {
  readonly code: string;
  readonly severity: RuleSetting;
  /** A title, and one sentence on what it reports (the docs, SARIF, the settings' descriptions). */
  readonly short: string;
  readonly full: string;
  /** The marks a problem of this rule puts on the items it is about (its data's IDs). */
  readonly marks?: readonly Mark[];
  /** Looks at one entry of a plan as it is parsed, alone (syntax, schema, the form of dates); spans relative to the segment. */
  readonly checkSegment?: (segment: PlanSegment, model: SegmentModel) => Problem[];
  /**
   * Looks at one item of the effective plan and reports problems within its entry. It may read the
   * item, the features it lists, the milestones that list it, its predecessors and successors: the
   * workspace checks an item again when any of those change.
   */
  readonly checkItem?: (item: EffectiveItem, context: ItemCheckContext, problems: Problem[]) => void;
  /** Looks at the prose of a plan's entry or an overrides file (names, descriptions): `spans` are start and end offsets in pairs. */
  readonly checkProse?: (text: string, spans: readonly number[], glossary: Glossary) => Problem[];
  /** Looks at an overrides file. */
  readonly checkOverrides?: (file: OverridesFile, context: OverridesCheckContext) => Problem[];
  /** The quick fixes of one of its problems. */
  readonly fixes?: (problem: ReportedProblem, context: FixContext) => PlanCodeAction[];
  /** The one fix "fix all" applies to a problem whose answer is obvious, or undefined to leave it. */
  readonly safeFix?: (problem: ReportedProblem, context: FixContext) => PlanCodeAction | undefined;
}

/** A rule's module: `defineRule({...})`, typed and kept as written. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
