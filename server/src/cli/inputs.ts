// What a command reads: the plan files under the paths it is given and the overrides files named by
// `--overrides`, read from disk into a service; and every problem with them (a path that does not
// exist, a file that is not a plan, a folder without plans, a file that cannot be read), which the
// commands report in their output and with exit status 2.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { classify } from '../../../common/documentKinds';
import { whyUnreadable } from '../host/fileSystem';
import { fileUri, findPlanFiles } from '../host/nodeFileSystem';
import { withoutBom } from '../host/planRevision';
import { createPlanService, type PlanService, type Settings } from '../service';
import { exitStatus, type CliResult } from './command';

/** A problem with an input: the file or folder (relative to the folder the command runs in) and what is wrong. */
export interface InputProblem {
  path: string;
  message: string;
}

export interface InputFile {
  /** Relative to the folder the command runs in. */
  path: string;
  uri: string;
  text: string;
}

export interface Inputs {
  plans: InputFile[];
  overrides: InputFile[];
  problems: InputProblem[];
}

/** A path as the messages show it: relative to the folder the command runs in. */
export function shownPath(cwd: string, absolute: string): string {
  return path.relative(cwd, absolute) || '.';
}

/**
 * The plan files under `paths` (default: the current folder) and the overrides files, read. A
 * file named on the command line is a plan when its name says so (`*.milestones.yaml|yml`); a
 * folder must hold at least one.
 */
export async function readInputs(cwd: string, paths: readonly string[], overrides: readonly string[] = []): Promise<Inputs> {
  const inputs: Inputs = { plans: [], overrides: [], problems: [] };
  const overridePaths = new Set(overrides.map((file) => path.resolve(cwd, file)));
  const planPaths = new Set<string>();
  for (const given of paths.length > 0 ? paths : ['.']) {
    const absolute = path.resolve(cwd, given);
    const shown = shownPath(cwd, absolute);
    let found: string[];
    try {
      if ((await fs.stat(absolute)).isFile()) {
        // What a file is, decided as the editor decides it: a plan by its name, an overrides file as the options name it.
        const kind = classify(fileUri(absolute), { overrideFiles: [...overridePaths], glossaryFiles: [], skipAcronymsFile: '' }, [fileUri(cwd)]);
        if (kind === 'overrides') continue;
        if (kind !== 'plan') {
          inputs.problems.push({ path: shown, message: `${shown} is not a plan: a plan's name ends in .milestones.yaml or .milestones.yml (an overrides file is given with --overrides).` });
          continue;
        }
        found = [absolute];
      } else found = await findPlanFiles(absolute);
    } catch (error) {
      inputs.problems.push({ path: shown, message: (error as { code?: string }).code === 'ENOENT' ? `${shown}: no such file or folder.` : `Cannot read ${shown}: ${whyUnreadable(error)}.` });
      continue;
    }
    if (found.length === 0) {
      const where = shown === '.' ? 'this folder' : shown;
      inputs.problems.push({ path: shown, message: `No plan files (*.milestones.yaml, *.milestones.yml) in ${where} or its subfolders.` });
      continue;
    }
    for (const file of found) planPaths.add(file);
  }
  for (const file of planPaths) {
    const read = await readInput(cwd, file, 'plan');
    if ('problem' in read) inputs.problems.push(read.problem);
    else inputs.plans.push(read.file);
  }
  for (const file of overridePaths) {
    const read = await readInput(cwd, file, 'overrides file');
    if ('problem' in read) inputs.problems.push(read.problem);
    else inputs.overrides.push(read.file);
  }
  return inputs;
}

async function readInput(cwd: string, absolute: string, what: string): Promise<{ file: InputFile } | { problem: InputProblem }> {
  const shown = shownPath(cwd, absolute);
  try {
    return { file: { path: shown, uri: fileUri(absolute), text: withoutBom(await fs.readFile(absolute, 'utf8')) } };
  } catch (error) {
    return { problem: { path: shown, message: `The ${what} ${shown} cannot be read: ${whyUnreadable(error)}.` } };
  }
}

/** A service holding the inputs' plans and overrides files, with `settings`. */
export function serviceOf(inputs: Inputs, settings: Partial<Settings> = {}): PlanService {
  const service = createPlanService();
  service.setSettings(settings);
  for (const plan of inputs.plans) service.setFile(plan.uri, plan.text);
  for (const overrides of inputs.overrides) service.setOverridesFile(overrides.uri, overrides.text);
  return service;
}

/** For a command whose output is not a list of problems: the input problems on standard error, nothing on standard output, exit 2. */
export function inputFailure(problems: readonly InputProblem[]): CliResult {
  return { exitCode: exitStatus.badInput, stdout: '', stderr: problems.map((problem) => `milestones: ${problem.message}\n`).join('') };
}
