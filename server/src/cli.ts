// The command line: `milestones <command> …`, each command one file of `cli/`, run by the same
// service as the language server on files from disk. A new command is a file there and one line in
// `commands` below.
import burndown from './cli/burndown';
import check from './cli/check';
import { exitStatus, UsageError, type AnyCommand, type CliResult } from './cli/command';
import diff from './cli/diff';
import exportCommand from './cli/export';
import importCommand from './cli/importCommand';
import mergeDriver from './cli/mergeDriver';
import { readOptions } from './cli/options';
import report from './cli/report';
import trend from './cli/trend';
import { commandHelp, overallHelp, usageMistake } from './cli/usage';
import { GitError } from './host/git';

export type { CliResult };

const commands: readonly AnyCommand[] = [check, exportCommand, diff, report, burndown, trend, importCommand, mergeDriver];

export async function runCli(argv: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  const [name, ...args] = argv;
  if (name === '-h' || name === '--help' || name === 'help') return { exitCode: exitStatus.clean, stdout: overallHelp(commands), stderr: '' };
  const usage = (message: string): CliResult => ({ exitCode: exitStatus.badInput, stdout: '', stderr: usageMistake(message) });
  if (name === undefined) return usage(`which command? ${commands.map((command) => command.name).join(', ')}.`);
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) return usage(`there is no command "${name}": the commands are ${commands.map((candidate) => candidate.name).join(', ')}.`);
  try {
    const { values, positionals } = readOptions(command.name, command.options, args);
    if ((values as Record<string, unknown>).help === true) return { exitCode: exitStatus.clean, stdout: commandHelp(command), stderr: '' };
    return await command.run(values, positionals, { cwd, env });
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    if (error instanceof GitError) return { exitCode: exitStatus.badInput, stdout: '', stderr: `milestones: ${error.message}\n` };
    throw error;
  }
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
