// The checker's problems as a SARIF 2.1.0 log, the format code scanning (GitHub's, Azure DevOps')
// reads: one result per problem, with its rule, level, message and region, and every rule
// described once in the tool's driver; a problem with the tool's inputs (a file missing, not a plan,
// a bad glossary row) is a notification of the run, and an input problem marks the run failed.
import type { Location, Log, Notification, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../../../common/planSnapshot';
import { builtinRegistry, type RuleRegistry } from '../service/rules/registry';
import { inputCode, isToolProblem, type ProblemRow } from './problemRow';

/** SARIF has no hint or information: both are notes. */
const levels: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifTool {
  version: string;
  /** Where each rule is explained (the README's section on checks). */
  helpUri: string;
  /** The folder the rows' paths are relative to, as a file URI ending in `/`. */
  rootUri: string;
}

/** `registry`: the rules described in the log (the built-in ones, as the checker runs them). */
export function toSarif(rows: readonly ProblemRow[], tool: SarifTool, registry: RuleRegistry = builtinRegistry): Log {
  const codes = registry.codes;
  const rules: ReportingDescriptor[] = registry.rules.map(({ code, severity: setting, short, full }) => {
    return {
      id: code,
      shortDescription: { text: short },
      fullDescription: { text: full },
      helpUri: tool.helpUri,
      // A rule off unless the settings turn it on (slipped) is described, and not enabled.
      defaultConfiguration: setting === 'off' ? { enabled: false } : { level: levels[setting] },
    };
  });
  const location = (row: ProblemRow, region: boolean): Location => ({
    physicalLocation: {
      artifactLocation: { uri: encodeURI(row.file.split('\\').join('/')), uriBaseId: '%SRCROOT%' },
      ...(region ? { region: { startLine: row.line, startColumn: row.column, endLine: row.endLine, endColumn: row.endColumn } } : {}),
    },
  });
  const results: Result[] = rows
    .filter((row) => !isToolProblem(row))
    .map((row) => {
      const ruleIndex = codes.indexOf(row.code);
      return { ruleId: row.code, ...(ruleIndex >= 0 ? { ruleIndex } : {}), level: levels[row.severity], message: { text: row.message }, locations: [location(row, true)] };
    });
  const notifications: Notification[] = rows
    .filter(isToolProblem)
    .map((row) => ({ descriptor: { id: row.code }, level: levels[row.severity], message: { text: row.message }, locations: [location(row, row.code !== inputCode)] }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'milestones', version: tool.version, informationUri: tool.helpUri, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: tool.rootUri } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: !rows.some((row) => row.code === inputCode), ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        results,
      },
    ],
  };
}
