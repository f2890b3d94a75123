// What every command of the command line is: its name, its help and options, and what it runs.
// A command is one file of this folder; the dispatcher (`server/src/cli.ts`) lists them.
import type { OptionSpecs, OptionValues } from './options';

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The exit statuses, as `--help` and the README document them. */
export const exitStatus = {
  /** Nothing to report beyond what the thresholds allow. */
  clean: 0,
  /** Problems over the threshold: an error, or more warnings than `--max-warnings`. */
  problems: 1,
  /** Bad usage, or an input that cannot be read or is not what the command reads. */
  badInput: 2,
} as const;

export interface CliContext {
  /** The folder the command runs in: paths are relative to it. */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface Command<Specs extends OptionSpecs = OptionSpecs> {
  name: string;
  /** How it is called, e.g. `[options] [paths…]`, after `milestones <name>`. */
  synopsis: string;
  /** What it does, for `--help`: a few lines, each under 90 characters. */
  description: string;
  options: Specs;
  run(values: OptionValues<Specs>, positionals: string[], context: CliContext): Promise<CliResult>;
}

/** A command as the dispatcher holds it, whatever its options. */
export type AnyCommand = Command<OptionSpecs>;

/** Declares a command, its options typing its `run`. */
export function defineCommand<Specs extends OptionSpecs>(command: Command<Specs>): AnyCommand {
  return command;
}

/** The command was called wrongly: one line that says how, then a pointer to the help. */
export class UsageError extends Error {}
