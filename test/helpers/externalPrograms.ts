// The one rule for tests that need a program outside npm (Chromium, code-server, Neovim, Python): when one
// is missing, the suite is skipped with one line naming it and the command that installs it; with
// MILESTONES_E2E=1 (set by .ci/run) a missing program is a failure instead.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

export const chromiumPath = process.env.MILESTONES_CHROMIUM ?? '/usr/bin/chromium';
export const codeServerDir = process.env.MILESTONES_CODE_SERVER_DIR ?? join(homedir(), '.cache/milestones-code-server');
export const codeServerEntry = join(codeServerDir, 'node_modules/code-server/out/node/entry.js');
export const nvimPath = process.env.MILESTONES_NVIM ?? 'nvim';

export type ExternalProgram = 'chromium' | 'code-server' | 'nvim' | 'python3';

function onPath(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** What is missing of `program`, with the command that installs it, or undefined when it is there. */
function missingOne(program: ExternalProgram): string | undefined {
  switch (program) {
    case 'chromium':
      return existsSync(chromiumPath) ? undefined : `Chromium is not at ${chromiumPath}: apt-get install chromium (or set MILESTONES_CHROMIUM)`;
    case 'code-server':
      return existsSync(codeServerEntry) ? undefined : `code-server is not in ${codeServerDir}: run .ci/install-code-server.sh (or set MILESTONES_CODE_SERVER_DIR)`;
    case 'nvim':
      return onPath(nvimPath) ? undefined : `Neovim (${nvimPath}) is not installed: apt-get install neovim (or set MILESTONES_NVIM)`;
    case 'python3':
      return onPath('python3') ? undefined : 'Python 3 is not installed: apt-get install python3';
  }
}

/** Everything missing of `programs`, in one line, or undefined when all are there. */
export function missingPrograms(...programs: ExternalProgram[]): string | undefined {
  const missing = programs.map(missingOne).filter((reason) => reason !== undefined);
  return missing.length > 0 ? missing.join('; ') : undefined;
}

export const programsRequired = process.env.MILESTONES_E2E === '1';

/**
 * The `skip` option of a suite that needs `programs`: false when they are all there; otherwise the
 * one line that says what is missing — and under MILESTONES_E2E=1 a failing test beside it.
 */
export function skipWithout(what: string, ...programs: ExternalProgram[]): string | false {
  const missing = missingPrograms(...programs);
  if (missing === undefined) return false;
  if (programsRequired) {
    test(`${what}: the programs it needs are installed (MILESTONES_E2E=1)`, () => {
      assert.fail(`MILESTONES_E2E=1 but ${missing}`);
    });
  }
  return `${what} skipped: ${missing}`;
}
