// The checks of the product: their stable codes and default severities. The same strings are used
// in settings (`milestones.rules.<code>`), the schema, the CLI, the README and the tests.
import type { Severity } from '../../../../common/planSnapshot';

export type { Severity };

export const ruleDefaults = {
  'yaml-syntax': 'error',
  schema: 'error',
  'invalid-date': 'error',
  'duplicate-id': 'error',
  'unknown-feature': 'error',
  'duplicate-feature': 'warning',
  'feature-due-after-milestone': 'warning',
  'feature-open-in-completed-milestone': 'warning',
  'feature-completed-after-milestone': 'warning',
  'predecessor-due-after': 'warning',
  'predecessor-open': 'warning',
  'dependency-cycle': 'error',
  'unknown-predecessor': 'error',
  'completed-in-future': 'error',
  overdue: 'information',
  // Off unless asked for (`milestones.rules`): many plans keep forecasts that slip on purpose.
  slipped: 'off',
  'unused-feature': 'hint',
  'unknown-acronym': 'information',
  'file-too-large': 'warning',
} as const satisfies Record<string, RuleSetting>;

export type RuleCode = keyof typeof ruleDefaults;

export const ruleCodes = Object.keys(ruleDefaults) as RuleCode[];

export type RuleSetting = Severity | 'off';

export const ruleSettings: readonly RuleSetting[] = ['off', 'hint', 'information', 'warning', 'error'];

export function isRuleCode(code: string): code is RuleCode {
  return Object.prototype.hasOwnProperty.call(ruleDefaults, code);
}

/** The severity a rule has under the given overrides, or undefined when it is off. */
export function effectiveSeverity(
  code: RuleCode,
  overrides: Partial<Record<string, RuleSetting>>,
): Severity | undefined {
  const setting = overrides[code] ?? ruleDefaults[code];
  return setting === 'off' ? undefined : setting;
}

/** What each rule reports, for reports that describe their rules (SARIF): a title and one sentence. */
export const ruleDescriptions: Record<RuleCode, { short: string; full: string }> = {
  'yaml-syntax': { short: 'YAML syntax error', full: 'The YAML does not parse, an alias expands to more than 10,000 nodes, or nesting is deeper than 256 levels.' },
  schema: { short: 'Value breaks the plan schema', full: 'A value breaks the JSON Schema of plans: an unknown key, a wrong type, a missing name or due date, or a second YAML document.' },
  'invalid-date': { short: 'Invalid date', full: 'A date is not written YYYY-MM-DD or is not a real day of the calendar.' },
  'duplicate-id': { short: 'ID defined twice', full: 'An ID is defined twice: in one map, across the milestones and features maps, or across files.' },
  'unknown-feature': { short: 'Unknown feature', full: 'A milestone lists a feature ID that no plan file defines.' },
  'duplicate-feature': { short: 'Feature listed twice', full: 'The same feature ID appears twice in one features list.' },
  'feature-due-after-milestone': { short: 'Feature due after its milestone', full: 'A feature is due after a milestone that lists it (each by its forecast where it has one).' },
  'feature-open-in-completed-milestone': { short: 'Open feature in a completed milestone', full: 'A milestone is completed while a feature it lists is not.' },
  'feature-completed-after-milestone': { short: 'Feature completed after its milestone', full: 'A feature was completed after the milestone that lists it.' },
  'completed-in-future': { short: 'Completed in the future', full: 'A completion date is after the plan\'s asOf date.' },
  overdue: { short: 'Overdue', full: 'An item is not completed and was due before the plan\'s asOf date.' },
  slipped: { short: 'Forecast slipped past its due date', full: 'An item not completed is forecast later than its due date by more than the slip threshold (milestones.slipThresholdDays).' },
  'unused-feature': { short: 'Feature in no milestone', full: 'A feature that no milestone lists.' },
  'unknown-acronym': { short: 'Unknown acronym', full: 'An acronym-like word in a name or description that no glossary defines.' },
  'file-too-large': { short: 'File too large to check', full: 'The file is larger than the maximum file size setting, and is not checked.' },
  'predecessor-due-after': { short: 'Due before a predecessor', full: 'An item is due before one of its predecessors is due (each by its forecast where it has one).' },
  'predecessor-open': { short: 'Completed before a predecessor', full: 'An item is completed while one of its predecessors is not.' },
  'dependency-cycle': { short: 'Predecessors in a cycle', full: 'An item is, through its predecessors, its own predecessor.' },
  'unknown-predecessor': { short: 'Unknown predecessor', full: 'A predecessors list names an ID that no plan file defines.' },
};
