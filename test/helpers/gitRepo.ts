// Git repositories made by the tests: git run with no user or system configuration, with fixed
// names and dates, so that what a test reads of the history is the history it wrote.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const gitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Planner',
  GIT_AUTHOR_EMAIL: 'planner@example.org',
  GIT_COMMITTER_NAME: 'Planner',
  GIT_COMMITTER_EMAIL: 'planner@example.org',
  GIT_AUTHOR_DATE: '2021-08-01T12:00:00Z',
  GIT_COMMITTER_DATE: '2021-08-01T12:00:00Z',
};

/** git's output for `args` in `cwd`; `date` (YYYY-MM-DD) sets the author's and committer's date. */
export function git(cwd: string, args: string[], date?: string): string {
  const env = date ? { ...gitEnv, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : gitEnv;
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

/** Writes a file under `folder`, making its folders. */
export function write(folder: string, name: string, text: string): void {
  mkdirSync(join(folder, name, '..'), { recursive: true });
  writeFileSync(join(folder, name), text);
}
