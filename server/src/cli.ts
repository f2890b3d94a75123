// The command-line checker: the same workspace model and checks as the language server, for CI
// of a plan's repository. `milestones check [paths…]` prints each problem with its file and line.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { describeCommit, GitError, repositoryRoot, resolveCommit } from './host/git';
import { loadGlossaries } from './host/glossaryFiles';
import { fileUri, findPlanFiles, nodeFileSystem, uriPath } from './host/nodeFileSystem';
import { plansAtRevision, withoutBom } from './host/planRevision';
import { toGithubAnnotations } from './reports/githubAnnotations';
import type { ProblemRow } from './reports/problemRow';
import { toSarif } from './reports/sarif';
import { createPlanService, type PlanService } from './service';
import { diffPlans, diffSummary, formatDiff, type PlanText } from './service/history/planDiff';
import { burndownCsv, burndownSvg } from './service/reports/burndown';
import { parseSettings } from './service/settings';
import { LineIndex, type TextLines } from './service/text/lineIndex';
import { exportScheduleCommand } from './cli/exportScheduleCommand';
import { importCommand } from './cli/importCommand';
import { UsageError, type CliResult } from './cli/usage';
import { version } from './version';

const formats = ['auto', 'text', 'json', 'sarif', 'github'] as const;
type Format = (typeof formats)[number];

/** The README's section on checks, which SARIF gives as each rule's help: the one installed beside this program. */
const checksHelpUri = `${pathToFileURL(path.resolve(__dirname, '../README.md')).href}#checks`;

const usage = `Usage: milestones check [options] [paths…]
       milestones export --format md|tex|dot|mermaid [paths…]
       milestones export --format mspdi|ics [paths…] [--overrides FILE]… [--link-base URL]
       milestones diff <revision> [paths…] [--format text|json|md]
       milestones report delayed|remaining [paths…] [--format text|md|csv] [--as-of DATE]
       milestones burndown [paths…] [--format csv|svg] [--prefix P]… [--as-of DATE]
       milestones import FILE [--format xer|xlsx|mspdi|csv] [-o PLAN | --into PLAN [--prune]] [options]

Checks milestone plans (*.milestones.yaml, *.milestones.yml) in the given files and
folders (default: the current folder) and prints each problem as
  file:line:column severity rule-code message
Exit status: 1 when an error is reported (or more warnings than --max-warnings),
0 otherwise, 2 on bad usage.

Options:
  --format FORMAT           how problems are printed (default: auto):
                              text    file:line:column severity rule-code message
                              json    an array of {file, line, column, endLine,
                                      endColumn, severity, code, message}
                              sarif   a SARIF 2.1.0 log, for code scanning
                              github  GitHub Actions annotations (::error file=…::…)
                              auto    github when GITHUB_ACTIONS is set, else text
  --max-warnings N          also exit 1 when there are more than N warnings
  --as-of YYYY-MM-DD        judge "overdue" and "in the future" against this date
  --rule CODE=SEVERITY      set a rule's severity: off, hint, information, warning, error
                            (repeatable)
  --glossary FILE           a glossary file: YAML map, TERM:definition text, or the
                            glossary CSV (repeatable)
  --glossary-tags TAGS      comma-separated subsystem tags that choose among meanings
  --skip-acronyms FILE      a file of words never reported as unknown acronyms
  --overrides FILE          an overrides file (a map keyed by milestone code, as
                            lsst-dm/milestones' data/local.yaml): checked too (repeatable)
  --max-file-size BYTES     files larger than this are not checked (default: 5242880)
  --slip-threshold-days N   days a forecast may lie after the due date before the
                            slipped rule (off unless --rule slipped=…) reports it
  -h, --help                show this help

export prints the plan in the form of LDM-564 section 3 ("Functionality in DM releases"):
milestones in due-date order with their features, as Markdown (md) or LaTeX (tex);
or as a graph of milestones, features and their predecessor links: Graphviz (dot) or a
Mermaid gantt chart (mermaid). mspdi writes a Microsoft Project XML file (MS Project,
ProjectLibre): milestones as zero-duration tasks, the due date as Baseline 0, the finish on
the expected date, completed items 100%; ics an iCalendar file, an event on each due date
(--link-base URL links each event to its file there). Both show the dates of the
--overrides files given.

diff lists the milestones and features added and removed since a git revision (a tag,
a branch, a commit, HEAD~3), and each due, forecast and completion date changed, with
the slip in days; files renamed since are followed. json prints an array of
{id, kind, field, before, after, days}.

report lists, in due-date order, the milestones and features delayed (not completed,
due before asOf) or remaining (not completed).

burndown counts the items remaining on the first of each month by the baseline (due),
the forecast and as achieved (completed, up to asOf); --prefix keeps the items whose
ID starts with it (repeatable, e.g. --prefix DM- --prefix LDM-503-). csv prints
date,baseline,forecast,achieved; svg a chart.

import reads a Primavera P6 XER or spreadsheet (XLSX) export, a Microsoft Project XML
(MSPDI) file or a CSV, and writes a plan (to -o PLAN, else standard output), or updates
the plan --into names with minimal edits. \`milestones import --help\` lists its options.
`;

export type { CliResult };

export async function runCli(argv: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      return { exitCode: command === undefined ? 2 : 0, stdout: command === undefined ? '' : usage, stderr: command === undefined ? usage : '' };
    }
    if (command === 'check') return await check(rest, cwd, env);
    if (command === 'export') return await exportCommand(rest, cwd);
    if (command === 'diff') return await diffCommand(rest, cwd);
    if (command === 'report') return await reportCommand(rest, cwd);
    if (command === 'burndown') return await burndownCommand(rest, cwd);
    if (command === 'import') return await importCommand(rest, cwd);
    throw new UsageError(`Unknown command "${command}".`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return { exitCode: 2, stdout: '', stderr: `milestones: ${(error as Error).message}\n\n${usage}` };
    }
    if (error instanceof GitError) return { exitCode: 2, stdout: '', stderr: `milestones: ${error.message}\n` };
    throw error;
  }
}

/** Every plan file under the given paths (default: the current folder). */
async function planFiles(paths: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const root of paths.length > 0 ? paths : ['.']) {
    try {
      files.push(...(await findPlanFiles(path.resolve(cwd, root))));
    } catch {
      throw new UsageError(`No such file or folder: ${root}`);
    }
  }
  return [...new Set(files)];
}

async function loadPlans(service: PlanService, files: string[]): Promise<void> {
  for (const file of files) service.setFile(fileUri(file), await readPlan(file));
}

async function exportCommand(args: string[], cwd: string): Promise<CliResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'md' }, overrides: { type: 'string', multiple: true, default: [] }, 'link-base': { type: 'string' } },
  });
  const format = values.format;
  if (format === 'mspdi' || format === 'ics') return exportScheduleCommand(format, await planFiles(positionals, cwd), cwd, { overrides: values.overrides, linkBase: values['link-base'] });
  if (format !== 'md' && format !== 'tex' && format !== 'dot' && format !== 'mermaid') throw new UsageError(`--format must be md, tex, dot, mermaid, mspdi or ics, not "${format}".`);
  const service = createPlanService();
  await loadPlans(service, await planFiles(positionals, cwd));
  return { exitCode: 0, stdout: format === 'dot' || format === 'mermaid' ? service.exportGraph(format) : service.exportPlan(format), stderr: '' };
}

/** A service holding the plans under `paths`, judged as of `asOf` when given. */
async function plansUnder(paths: string[], cwd: string, asOf: string | undefined): Promise<PlanService> {
  const { settings, problems } = parseSettings({ asOf });
  if (problems.length > 0) throw new UsageError(problems.map(asOption).join('\n'));
  const service = createPlanService();
  service.setSettings(settings);
  await loadPlans(service, await planFiles(paths, cwd));
  return service;
}

async function reportCommand(args: string[], cwd: string): Promise<CliResult> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, 'as-of': { type: 'string' } } });
  const [kind, ...paths] = positionals;
  if (kind !== 'delayed' && kind !== 'remaining') throw new UsageError(`report needs what to list: delayed or remaining${kind === undefined ? '' : `, not "${kind}"`}.`);
  const format = values.format;
  if (format !== 'text' && format !== 'md' && format !== 'csv') throw new UsageError(`--format must be text, md or csv, not "${format}".`);
  const report = (await plansUnder(paths, cwd, values['as-of'])).report(kind, format);
  const count = report.items.length;
  return { exitCode: 0, stdout: report.text, stderr: `${count} item${count === 1 ? '' : 's'} ${kind} as of ${report.asOf}.\n` };
}

async function burndownCommand(args: string[], cwd: string): Promise<CliResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'csv' }, prefix: { type: 'string', multiple: true, default: [] }, 'as-of': { type: 'string' } },
  });
  const format = values.format;
  if (format !== 'csv' && format !== 'svg') throw new UsageError(`--format must be csv or svg, not "${format}".`);
  const chart = (await plansUnder(positionals, cwd, values['as-of'])).burndown(values.prefix);
  const which = values.prefix.length > 0 ? ` with IDs starting ${values.prefix.join(', ')}` : '';
  const stderr = chart.items === 0 ? `No milestone or feature with a due date${which}: nothing to chart.\n` : `${chart.items} items${which}, as of ${chart.asOf}.\n`;
  const stdout = format === 'csv' ? burndownCsv(chart) : burndownSvg(chart, `Burndown${which}, as of ${chart.asOf}`);
  return { exitCode: 0, stdout, stderr };
}

async function diffCommand(args: string[], cwd: string): Promise<CliResult> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'text' } } });
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'md') throw new UsageError(`--format must be text, json or md, not "${format}".`);
  const [revision, ...paths] = positionals;
  if (revision === undefined) throw new UsageError('diff needs a revision to compare with, e.g. `milestones diff HEAD~3`.');
  const current = await planFiles(paths, cwd);
  const root = await repositoryRoot(cwd);
  const commit = await resolveCommit(root, revision);
  const before = await plansAtRevision(root, commit, (paths.length > 0 ? paths : ['.']).map((wanted) => path.resolve(cwd, wanted)));
  const after: PlanText[] = [];
  for (const file of current) after.push({ uri: fileUri(file), text: await readPlan(file) });
  const changes = diffPlans(before, after);
  const summary = `Since ${revision} (${await describeCommit(root, commit)}): ${diffSummary(changes)}.\n`;
  return { exitCode: 0, stdout: formatDiff(changes, format), stderr: summary };
}

async function readPlan(file: string): Promise<string> {
  return withoutBom(await fs.readFile(file, 'utf8'));
}

async function check(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CliResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'auto' },
      'max-warnings': { type: 'string' },
      'as-of': { type: 'string' },
      rule: { type: 'string', multiple: true, default: [] },
      glossary: { type: 'string', multiple: true, default: [] },
      'glossary-tags': { type: 'string', default: '' },
      'skip-acronyms': { type: 'string' },
      overrides: { type: 'string', multiple: true, default: [] },
      'max-file-size': { type: 'string' },
      'slip-threshold-days': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { exitCode: 0, stdout: usage, stderr: '' };
  if (!formats.includes(values.format as Format)) throw new UsageError(`--format must be one of ${formats.join(', ')}, not "${values.format}".`);
  // Like yamllint: in a GitHub Actions job the problems become annotations of the run and the diff.
  const format = values.format === 'auto' ? (env.GITHUB_ACTIONS ? 'github' : 'text') : (values.format as Exclude<Format, 'auto'>);
  const maxWarningsText = values['max-warnings'];
  if (maxWarningsText !== undefined && !/^\d+$/.test(maxWarningsText)) throw new UsageError(`--max-warnings must be a whole number of warnings, not "${maxWarningsText}".`);
  const maxWarnings = maxWarningsText === undefined ? Infinity : Number(maxWarningsText);
  // The options as the editor's settings, read by the same code.
  const rules: Record<string, string> = {};
  for (const rule of values.rule) {
    const [code, severity] = rule.split('=');
    rules[code ?? ''] = severity ?? '';
  }
  const maxFileSize = values['max-file-size'];
  const slipThreshold = values['slip-threshold-days'];
  const wholeNumber = (text: string | undefined) => (text === undefined ? undefined : /^\d+$/.test(text) ? Number(text) : Number.NaN);
  const { settings, problems } = parseSettings({
    rules,
    asOf: values['as-of'],
    glossaryFiles: values.glossary,
    glossaryTags: values['glossary-tags'].split(',').map((tag) => tag.trim()).filter(Boolean),
    skipAcronymsFile: values['skip-acronyms'],
    maxFileSize: wholeNumber(maxFileSize),
    slipThresholdDays: wholeNumber(slipThreshold),
  });
  if (problems.length > 0) throw new UsageError(problems.map(asOption).join('\n'));

  const files = await planFiles(positionals, cwd);
  const service = createPlanService();
  service.setSettings(settings);
  const glossaries = await loadGlossaries(nodeFileSystem, fileUri(cwd), settings.glossaryFiles, settings.skipAcronymsFile, settings.glossaryTags);
  service.setGlossaryFiles(glossaries.entries, glossaries.skip);
  let stderr = glossaries.problems.map((problem) => `${path.relative(cwd, uriPath(problem.uri))}:${problem.line + 1}: ${problem.message}\n`).join('');
  await loadPlans(service, files);
  const checked: { uri: string; lineIndex: TextLines }[] = service.allFiles();
  for (const file of values.overrides) {
    const absolute = path.resolve(cwd, file);
    let text: string;
    try {
      text = (await fs.readFile(absolute, 'utf8')).replace(/^\uFEFF/, '');
    } catch (error) {
      throw new UsageError(`--overrides ${file}: ${(error as Error).message}`);
    }
    service.setOverridesFile(fileUri(absolute), text);
    checked.push({ uri: fileUri(absolute), lineIndex: new LineIndex(text) });
  }

  const rows: ProblemRow[] = [];
  for (const plan of checked) {
    const relative = path.relative(cwd, uriPath(plan.uri)) || path.basename(uriPath(plan.uri));
    for (const problem of service.problems(plan.uri)) {
      const start = plan.lineIndex.positionAt(problem.start);
      const end = plan.lineIndex.positionAt(problem.end);
      rows.push({
        file: relative,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: problem.severity,
        code: problem.code,
        message: problem.message,
      });
    }
  }
  rows.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  const counts = ['error', 'warning', 'information', 'hint'].map((severity) => [severity, rows.filter((row) => row.severity === severity).length] as const);
  const warnings = rows.filter((row) => row.severity === 'warning').length;
  let stdout: string;
  if (format === 'json') stdout = `${JSON.stringify(rows, null, 2)}\n`;
  else if (format === 'sarif') stdout = `${JSON.stringify(toSarif(rows, { version, helpUri: checksHelpUri, rootUri: `${fileUri(cwd).replace(/\/$/, '')}/` }), null, 2)}\n`;
  else if (format === 'github') stdout = toGithubAnnotations(rows);
  else stdout = rows.map((row) => `${row.file}:${row.line}:${row.column} ${row.severity} ${row.code} ${row.message}\n`).join('');
  // Machine-readable output stays alone on stdout; people (and the job's log) get the summary.
  if (format === 'text' || format === 'github') {
    stderr += `${files.length} plan file${files.length === 1 ? '' : 's'} checked: ${counts.map(([severity, count]) => `${count} ${severity}${count === 1 || severity === 'information' ? '' : 's'}`).join(', ')}.\n`;
  }
  const tooManyWarnings = warnings > maxWarnings;
  if (tooManyWarnings) stderr += `milestones: ${warnings} warnings, more than --max-warnings ${maxWarnings} allows.\n`;
  return { exitCode: rows.some((row) => row.severity === 'error') || tooManyWarnings ? 1 : 0, stdout, stderr };
}

/** A settings problem in the words of the command line: `milestones.asOf` is `--as-of`. */
function asOption(problem: string): string {
  return problem
    .replace(/milestones\.rules\.(\S+?):/, '--rule $1:')
    .replace(/ in milestones\.rules\./, ' in --rule.')
    .replace('milestones.asOf', '--as-of')
    .replace('milestones.maxFileSize', '--max-file-size')
    .replace('milestones.slipThresholdDays', '--slip-threshold-days');
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (result) => {
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      process.exitCode = result.exitCode;
    },
    (error: unknown) => {
      process.stderr.write(`milestones: internal error: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
