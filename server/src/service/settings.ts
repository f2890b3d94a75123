// The `milestones.*` settings the service and its hosts read, parsed from what an editor sends
// (or the command line builds): one reading for the language server and the CLI.
import { isDate } from './text/dates';
import { builtinRegistry } from './rules/registry';
import { ruleSettings, type RuleSetting } from './rules/rule';

export interface Settings {
  /** Severity per rule code. */
  rules: Partial<Record<string, RuleSetting>>;
  /** Overrides every plan's `asOf` when set. */
  asOf?: string;
  /** Glossary files, relative to the workspace folder (or the CLI's folder). */
  glossaryFiles: string[];
  /** Subsystem tags that choose among a term's meanings. */
  glossaryTags: string[];
  skipAcronyms: string[];
  /** A skip-list file, relative like the glossary files; '' for none. */
  skipAcronymsFile: string;
  maxFileSize: number;
  /** Base URL that turns `jira:` keys into links; '' for none. */
  jiraBaseUrl: string;
  /** Globs (relative to the workspace folder) of overrides files: maps of corrections keyed by milestone code. */
  overrideFiles: string[];
  /** Days a forecast may lie after the due date before the `slipped` rule reports it. */
  slipThresholdDays: number;
  /** Whether the hover of an item shows its date history, read from git by the host. */
  hoverHistory: boolean;
  /** A git revision whose due dates the timeline draws beside the current ones; '' for none. */
  baselineRevision: string;
  /** Items with float at or under this many days are critical. */
  criticalFloatDays: number;
  /** Whether an inlay hint after each item's expected date shows its float. */
  floatInlayHints: boolean;
}

export const defaultSettings: Settings = {
  rules: {},
  glossaryFiles: [],
  glossaryTags: [],
  skipAcronyms: [],
  skipAcronymsFile: '',
  maxFileSize: 5 * 1024 * 1024,
  jiraBaseUrl: '',
  overrideFiles: [],
  slipThresholdDays: 0,
  hoverHistory: true,
  baselineRevision: '',
  criticalFloatDays: 0,
  floatInlayHints: false,
};

export interface ParsedSettings {
  settings: Settings;
  /** What was not understood and left at its default, for the user: `milestones.asOf: …`. */
  problems: string[];
}

/** Reads the `milestones` section of the settings; what is missing or not understood keeps its default. `rules` knows the rule codes. */
export function parseSettings(raw: unknown, known: { has(code: string): boolean } = builtinRegistry): ParsedSettings {
  const values = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  const strings = (key: string): string[] => {
    const value = values[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      problems.push(`milestones.${key} must be a list of strings.`);
      return [];
    }
    return value.filter((item): item is string => typeof item === 'string');
  };
  const text = (key: string): string => {
    const value = values[key];
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') {
      problems.push(`milestones.${key} must be a string.`);
      return '';
    }
    return value;
  };

  const rules: Record<string, RuleSetting> = {};
  if (typeof values.rules === 'object' && values.rules !== null) {
    for (const [code, value] of Object.entries(values.rules as Record<string, unknown>)) {
      if (!known.has(code)) problems.push(`Unknown rule "${code}" in milestones.rules.`);
      else if (!ruleSettings.includes(value as RuleSetting)) problems.push(`milestones.rules.${code}: the severity must be one of ${ruleSettings.join(', ')}, not "${String(value)}".`);
      else rules[code] = value as RuleSetting;
    }
  }
  const asOf = text('asOf');
  if (asOf !== '' && !isDate(asOf)) problems.push(`milestones.asOf must be a date YYYY-MM-DD, not "${asOf as string}".`);
  let maxFileSize = defaultSettings.maxFileSize;
  if (values.maxFileSize !== undefined && values.maxFileSize !== null) {
    if (typeof values.maxFileSize === 'number' && values.maxFileSize > 0) maxFileSize = values.maxFileSize;
    else problems.push('milestones.maxFileSize must be a positive number of bytes.');
  }
  let slipThresholdDays = defaultSettings.slipThresholdDays;
  if (values.slipThresholdDays !== undefined && values.slipThresholdDays !== null) {
    if (typeof values.slipThresholdDays === 'number' && Number.isInteger(values.slipThresholdDays) && values.slipThresholdDays >= 0) slipThresholdDays = values.slipThresholdDays;
    else problems.push('milestones.slipThresholdDays must be a whole number of days, 0 or more.');
  }
  let hoverHistory = defaultSettings.hoverHistory;
  if (values.hoverHistory !== undefined && values.hoverHistory !== null) {
    if (typeof values.hoverHistory === 'boolean') hoverHistory = values.hoverHistory;
    else problems.push('milestones.hoverHistory must be true or false.');
  }
  let criticalFloatDays = defaultSettings.criticalFloatDays;
  if (values.criticalFloatDays !== undefined && values.criticalFloatDays !== null) {
    if (typeof values.criticalFloatDays === 'number' && Number.isInteger(values.criticalFloatDays)) criticalFloatDays = values.criticalFloatDays;
    else problems.push('milestones.criticalFloatDays must be a whole number of days.');
  }
  let floatInlayHints = defaultSettings.floatInlayHints;
  const inlayHints = values.inlayHints as Record<string, unknown> | undefined | null;
  if (typeof inlayHints === 'object' && inlayHints !== null && inlayHints.float !== undefined && inlayHints.float !== null) {
    if (typeof inlayHints.float === 'boolean') floatInlayHints = inlayHints.float;
    else problems.push('milestones.inlayHints.float must be true or false.');
  }
  const settings: Settings = {
    rules,
    asOf: isDate(asOf) ? asOf : undefined,
    glossaryFiles: strings('glossaryFiles'),
    glossaryTags: strings('glossaryTags'),
    skipAcronyms: strings('skipAcronyms'),
    skipAcronymsFile: text('skipAcronymsFile'),
    maxFileSize,
    jiraBaseUrl: text('jiraBaseUrl'),
    overrideFiles: strings('overrideFiles'),
    slipThresholdDays,
    hoverHistory,
    baselineRevision: text('baselineRevision').trim(),
    criticalFloatDays,
    floatInlayHints,
  };
  return { settings, problems };
}
