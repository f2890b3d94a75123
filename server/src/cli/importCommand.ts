// `milestones import FILE`: a schedule (P6 XER or XLSX, MSPDI, CSV) as a plan, written whole to
// -o PLAN (or printed). Nothing is written unless the whole file was read without an error.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileUri } from '../host/nodeFileSystem';
import { withoutBom } from '../host/planRevision';
import { knownEncoding, readScheduleFile, type ReadScheduleOptions } from '../host/scheduleFiles';
import { createPlanService } from '../service';
import { diffSummary, formatDiff } from '../service/history/planDiff';
import { updatedText, updatePlan, type UpdateOptions } from '../service/schedules/planUpdate';
import { ScheduleError, scheduleFormats, type Schedule, type ScheduleFormat } from '../service/schedules/schedule';
import { csvFields, type CsvField } from '../service/schedules/scheduleCsv';
import { planYaml, scheduleToPlan, type ImportedPlan, type ImportOptions } from '../service/schedules/scheduleToPlan';
import { defineCommand, UsageError, type CliResult } from './command';
import { helpOption } from './options';

export default defineCommand({
  name: 'import',
  synopsis: 'FILE [--format xer|xlsx|mspdi|csv] [-o PLAN | --into PLAN [--prune]] [options]',
  description: `Reads a schedule and writes it as a plan: milestones (P6 TT_Mile/TT_FinMile, MS Project
milestones) under milestones:, other activities under features:, with due = the baseline
finish (else the planned finish), forecast = the current finish where it differs,
completed = the actual finish, and predecessors = the links between imported items.
Nothing is written unless the whole file was read (exit 2 names the line or row).`,
  options: {
    format: { type: 'string', value: 'FORMAT', help: "xer, xlsx (P6's spreadsheet export), mspdi (MS Project XML) or csv;\ndefault: from the file's name or first bytes" },
    output: { type: 'string', short: 'o', value: 'PLAN', help: 'write the plan to this new file (default: standard output)' },
    into: { type: 'string', value: 'PLAN', help: 'update this plan instead, with minimal edits: names, dates and\nlinks that changed, new items appended, comments and order kept;\nprints what moved as `milestones diff` does' },
    prune: { type: 'boolean', help: 'with --into: remove the items gone from the schedule (by default\nthey are only listed)' },
    project: { type: 'string', value: 'CODE', help: 'P6: only this project of the file (its short name)' },
    'milestones-only': { type: 'boolean', help: 'only milestones; links through other activities are kept' },
    features: { type: 'boolean', help: 'an activity linked straight to a milestone is listed as its feature' },
    prefix: { type: 'string', multiple: true, value: 'P', help: 'only activities whose code starts with P' },
    id: { type: 'string', value: 'wbs|id|uid', help: "MSPDI: the plan ID from the task's WBS code (default), ID or UID" },
    map: { type: 'string', multiple: true, value: 'FIELD=COLUMN', help: `CSV: the column of a field; fields: ${csvFields.join(', ')}` },
    encoding: { type: 'string', value: 'NAME', help: 'the code page of a file that is not UTF-8 (default windows-1252)' },
    'max-size': { type: 'string', value: 'MB', help: 'refuse larger files (default 64)' },
    ...helpOption,
  },
  run: (values, positionals, { cwd }) => importCommand(values, positionals, cwd),
});

interface ImportValues {
  format?: string;
  output?: string;
  into?: string;
  prune: boolean;
  project?: string;
  'milestones-only': boolean;
  features: boolean;
  prefix: string[];
  id?: string;
  map: string[];
  encoding?: string;
  'max-size'?: string;
}

async function importCommand(values: ImportValues, positionals: string[], cwd: string): Promise<CliResult> {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('import needs the schedule file to read, e.g. `milestones import schedule.xer -o plan.milestones.yaml`.');
  if (extra.length > 0) throw new UsageError(`import reads one schedule file, not ${positionals.length}.`);
  if (values.output !== undefined && values.into !== undefined) throw new UsageError('give -o for a new plan or --into for an existing one, not both.');
  if (values.prune && values.into === undefined) throw new UsageError('--prune removes items from the plan --into names: give --into PLAN.');
  const readOptions = scheduleOptions(values);
  const importOptions: ImportOptions = { milestonesOnly: values['milestones-only'], features: values.features, prefixes: values.prefix };
  const source = path.resolve(cwd, file);
  let schedule: Schedule;
  let plan: ImportedPlan;
  try {
    schedule = await readScheduleFile(source, readOptions);
    plan = scheduleToPlan(schedule, importOptions);
  } catch (error) {
    if (error instanceof ScheduleError) return { exitCode: 2, stdout: '', stderr: `milestones: ${file}${error.place ? `, ${error.place}` : ''}: ${error.message}\n` };
    throw error;
  }
  const notes = plan.notes.map((note) => `${file}, ${note}\n`).join('');
  if (values.into !== undefined) return withNotes(notes, await intoPlan(values.into, cwd, plan, file, { prune: values.prune, features: values.features }));
  const counts = countItems(plan);
  const text = planYaml(plan);
  if (values.output === undefined) return { exitCode: 0, stdout: text, stderr: `${notes}Imported ${counts} from ${file} (${formatName(schedule.format)}).\n` };
  const target = path.resolve(cwd, values.output);
  if (await exists(target)) throw new UsageError(`${values.output} exists: update it with --into ${values.output}, which keeps its comments and order, or remove it first.`);
  await writeWhole(target, text);
  return { exitCode: 0, stdout: '', stderr: `${notes}Wrote ${values.output}: ${counts} from ${file} (${formatName(schedule.format)}).\n` };
}

function withNotes(notes: string, result: CliResult): CliResult {
  return { ...result, stderr: `${notes}${result.stderr}` };
}

/** Updates an existing plan file in place, and prints what moved. */
async function intoPlan(target: string, cwd: string, plan: ImportedPlan, source: string, options: UpdateOptions): Promise<CliResult> {
  const absolute = path.resolve(cwd, target);
  let text: string;
  try {
    text = withoutBom(await fs.readFile(absolute, 'utf8'));
  } catch (error) {
    throw new UsageError(`--into ${target}: ${(error as Error).message}`);
  }
  const uri = fileUri(absolute);
  const service = createPlanService();
  service.setFile(uri, text);
  const file = service.getFile(uri)!;
  // Only the syntax matters here, as the parse found it: the plan's other checks are not run.
  for (const segment of file.segments) {
    const broken = segment.derived.localProblems.find((problem) => problem.code === 'yaml-syntax');
    if (!broken) continue;
    const line = file.lineIndex.positionAt(segment.base + broken.start).line + 1;
    return { exitCode: 2, stdout: '', stderr: `milestones: ${target}:${line}: ${broken.message} Fix the plan before updating it.\n` };
  }
  const update = updatePlan(file, plan, options);
  const after = updatedText(file, update);
  const changes = update.changes;
  const gone = update.gone.length === 0 ? '' : options.prune ? `Removed, gone from the schedule: ${update.gone.join(', ')}.\n` : `Gone from the schedule, kept (--prune removes them): ${update.gone.join(', ')}.\n`;
  if (after === text) return { exitCode: 0, stdout: '', stderr: `${gone}${target} is up to date with ${source}.\n` };
  await writeWhole(absolute, after);
  return { exitCode: 0, stdout: changes.length > 0 ? formatDiff(changes, 'text') : '', stderr: `${gone}Updated ${target} from ${source}: ${diffSummary(changes)}.\n` };
}

function scheduleOptions(values: ImportValues): ReadScheduleOptions {
  const format = values.format;
  if (format !== undefined && !scheduleFormats.includes(format as ScheduleFormat)) throw new UsageError(`--format must be ${scheduleFormats.join(', ')}, not "${format}".`);
  const id = values.id;
  if (id !== undefined && id !== 'wbs' && id !== 'id' && id !== 'uid') throw new UsageError(`--id must be wbs, id or uid, not "${id}".`);
  const map: Partial<Record<CsvField, string>> = {};
  for (const entry of values.map) {
    const [field, ...column] = entry.split('=');
    if (!csvFields.includes(field as CsvField) || column.length === 0) throw new UsageError(`--map takes FIELD=COLUMN, with FIELD one of ${csvFields.join(', ')}, not "${entry}".`);
    map[field as CsvField] = column.join('=');
  }
  if (values.encoding !== undefined && !knownEncoding(values.encoding)) throw new UsageError(`--encoding ${values.encoding} is not a code page this program decodes (e.g. windows-1252, windows-1256, iso-8859-2).`);
  const maxSize = values['max-size'];
  if (maxSize !== undefined && !/^\d+$/.test(maxSize)) throw new UsageError(`--max-size must be a whole number of megabytes, not "${maxSize}".`);
  return {
    format: format as ScheduleFormat | undefined,
    project: values.project,
    idField: id,
    map,
    encoding: values.encoding,
    maxBytes: maxSize === undefined ? undefined : Number(maxSize) * 1024 * 1024,
  };
}

function countItems(plan: ImportedPlan): string {
  const milestones = plan.items.filter((item) => item.kind === 'milestone').length;
  const features = plan.items.length - milestones;
  return `${milestones} milestone${milestones === 1 ? '' : 's'} and ${features} feature${features === 1 ? '' : 's'}`;
}

export function formatName(format: ScheduleFormat): string {
  return { xer: 'Primavera P6 XER', xlsx: 'Primavera P6 spreadsheet', mspdi: 'Microsoft Project XML', csv: 'CSV' }[format];
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** Writes a file whole or not at all: a temporary file beside it, renamed over it. */
export async function writeWhole(target: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  await fs.writeFile(temporary, text);
  await fs.rename(temporary, target);
}
