// The command line as the tests run it: `node dist/cli.js …` in a folder, and what it printed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const cliPath = resolve(__dirname, '../../dist/cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, env?: NodeJS.ProcessEnv): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Lines as a command prints them, each ended by a line break. */
export function printed(...lines: string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

/** That the command succeeded and printed exactly these lines. */
export function assertPrinted(result: CliRun, ...lines: string[]): void {
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, printed(...lines));
}
