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
  'unused-feature': 'hint',
  'unknown-acronym': 'information',
  'file-too-large': 'warning',
} as const satisfies Record<string, Severity>;

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
