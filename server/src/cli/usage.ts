// What every command of the command line returns, and the error that means bad usage (exit 2).

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export class UsageError extends Error {}
