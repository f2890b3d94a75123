// The options of the commands: each declared once with its help, read from the arguments with a
// message of our own for each mistake (an unknown option, with the closest known one; a value
// missing; an option given twice), and the options several commands share.
import { parseSettings, type Settings } from '../service/settings';
import { closestMatch } from '../service/text/matching';
import { UsageError } from './command';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be given several times (its values collected in order). */
  multiple?: boolean;
  /** A one-letter form, e.g. `h` for `-h`. */
  short?: string;
  /** The value's name in the help, e.g. `FILE`. */
  value?: string;
  /** What it does, for the help; `\n` starts a new line. */
  help: string;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** The values read, typed by the specs: a flag is a boolean, a repeatable option a list, any other a string or undefined. */
export type OptionValues<Specs extends OptionSpecs> = {
  [Name in keyof Specs]: Specs[Name]['type'] extends 'boolean' ? boolean : Specs[Name]['multiple'] extends true ? string[] : string | undefined;
};

/** Reads `args` by `specs`: the options' values, and the other arguments (all of them after `--`). */
export function readOptions<Specs extends OptionSpecs>(command: string, specs: Specs, args: readonly string[]): { values: OptionValues<Specs>; positionals: string[] } {
  const values: Record<string, string | boolean | string[] | undefined> = {};
  for (const [name, spec] of Object.entries(specs)) values[name] = spec.type === 'boolean' ? false : spec.multiple ? [] : undefined;
  const positionals: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      positionals.push(...args.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const written = equals > 0 && arg.startsWith('--') ? arg.slice(0, equals) : arg;
    const name = written.startsWith('--') ? written.slice(2) : Object.keys(specs).find((candidate) => specs[candidate]!.short !== undefined && `-${specs[candidate]!.short}` === written);
    const spec = name === undefined ? undefined : specs[name];
    if (name === undefined || spec === undefined) {
      const suggestion = closestMatch(written.replace(/^-+/, ''), Object.keys(specs));
      throw new UsageError(`${command} has no option ${written}${suggestion ? `: did you mean --${suggestion}?` : '.'}`);
    }
    if (spec.type === 'boolean') {
      if (equals > 0 && written !== arg) throw new UsageError(`${written} takes no value.`);
      values[name] = true;
      continue;
    }
    let value: string;
    if (equals > 0 && written !== arg) value = arg.slice(equals + 1);
    else {
      const next = args[index + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`${written} needs a value${spec.value ? ` (${spec.value})` : ''}.`);
      value = next;
      index++;
    }
    const previous = values[name];
    if (Array.isArray(previous)) previous.push(value);
    else if (previous !== undefined) throw new UsageError(`${written} is given twice ("${previous as string}" and "${value}"): give it once.`);
    else values[name] = value;
  }
  return { values: values as OptionValues<Specs>, positionals };
}

/** `value`, which must be one of `choices` (the first being the default when it is not given). */
export function oneOf<Choice extends string>(option: string, value: string | undefined, choices: readonly Choice[]): Choice {
  if (value === undefined) return choices[0]!;
  if ((choices as readonly string[]).includes(value)) return value as Choice;
  throw new UsageError(`${option} must be ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}, not "${value}".`);
}

/** The help lines of a set of options, aligned. */
export function optionsHelp(specs: OptionSpecs): string {
  const entries = Object.entries(specs).map(([name, spec]) => [`${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`, spec] as const);
  const width = Math.max(...entries.map(([left]) => left.length)) + 2;
  return entries
    .map(([left, spec]) => {
      const [first, ...more] = `${spec.help}${spec.multiple ? ' (repeatable)' : ''}`.split('\n');
      return [`  ${left.padEnd(width)}${first}`, ...more.map((line) => `  ${' '.repeat(width)}${line}`)].join('\n');
    })
    .join('\n');
}

/** Options every command that reads plans has. */
export const overridesOption = {
  overrides: {
    type: 'string',
    multiple: true,
    value: 'FILE',
    help: "an overrides file (a map keyed by milestone code, as lsst-dm/milestones'\ndata/local.yaml) applied to the plans",
  },
} as const satisfies OptionSpecs;

export const asOfOption = {
  'as-of': { type: 'string', value: 'YYYY-MM-DD', help: 'judge "overdue" and "in the future" against this date' },
} as const satisfies OptionSpecs;

export const helpOption = {
  help: { type: 'boolean', short: 'h', help: 'show this help' },
} as const satisfies OptionSpecs;

/** A `--format` option: its choices, the first the default. */
export function formatOption(choices: readonly string[], help = 'what to print'): { format: { type: 'string'; value: string; help: string } } {
  return { format: { type: 'string', value: 'FORMAT', help: `${help}: ${choices.join(', ')} (default: ${choices[0]})` } };
}

/** A settings problem in the words of the command line: `milestones.asOf` is `--as-of`. */
export function settingsProblem(problem: string): string {
  return problem
    .replace(/milestones\.rules\.(\S+?):/, '--rule $1:')
    .replace(/ in milestones\.rules\./, ' in --rule.')
    .replace('milestones.asOf', '--as-of')
    .replace('milestones.maxFileSize', '--max-file-size')
    .replace('milestones.slipThresholdDays', '--slip-threshold-days');
}

/** The settings of a command that judges dates as of `--as-of` (else the plans' own asOf). */
export function asOfSettings(asOf: string | undefined): Settings {
  const { settings, problems } = parseSettings({ asOf });
  if (problems.length > 0) throw new UsageError(settingsProblem(problems[0]!));
  return settings;
}
