// The help of the command line, made from each command's synopsis, description and options, and
// the one-line answer to a usage mistake.
import type { AnyCommand } from './command';
import { optionsHelp } from './options';

const exitStatuses = `Exit status:
  0  clean: no error, and no more warnings than --max-warnings allows
  1  problems over that threshold (check)
  2  bad usage, or an input that cannot be read or is not what the command reads:
     a file or folder missing, a file named that is not a plan (*.milestones.yaml,
     *.milestones.yml), a folder without plans, a glossary, skip list or overrides
     file that cannot be read, a revision that git does not know`;

/** One command's help: how it is called, what it does, its options. */
export function commandHelp(command: AnyCommand): string {
  return `Usage: milestones ${command.name} ${command.synopsis}\n\n${command.description}\n\nOptions:\n${optionsHelp(command.options)}\n`;
}

/** `milestones --help`: every command, then the exit statuses. */
export function overallHelp(commands: readonly AnyCommand[]): string {
  const synopses = commands.map((command, index) => `${index === 0 ? 'Usage: ' : '       '}milestones ${command.name} ${command.synopsis}`).join('\n');
  const sections = commands.map((command) => `milestones ${command.name}\n${command.description}\n\nOptions:\n${optionsHelp(command.options)}`).join('\n\n');
  return `${synopses}\n       milestones <command> --help\n\n${sections}\n\n${exitStatuses}\n`;
}

/** A usage mistake: what is wrong in one line, and where the help is. */
export function usageMistake(message: string): string {
  return `milestones: ${message}\nSee \`milestones --help\`.\n`;
}
